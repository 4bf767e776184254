package dev.rosetta.server.handler.object;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.dialect.HeaderFamily;
import dev.rosetta.protocol.dialect.SseHeaderNames;
import dev.rosetta.protocol.headers.UserMetadataHeaders;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.ServerSideEncryption;
import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.protocol.xml.S3Time;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.server.lock.ObjectLockRules;
import dev.rosetta.storage.ObjectRecord;
import java.util.Map;

/**
 * The headers that describe an object on GET and HEAD, in the reader's dialect: ETag, Last-Modified,
 * the content headers it was stored with, its user metadata, storage class, redirect, encryption,
 * tag count, and (when asked for) its checksums.
 */
public final class ObjectResponseHeaders {
    private ObjectResponseHeaders() {
    }

    public static void add(S3Response r, ObjectRecord o, Dialect dialect, boolean checksumMode) {
        ObjectHeaders h = o.headers();
        r.header("ETag", quoted(o.etag()));
        r.header("Last-Modified", S3Time.rfc1123(o.lastModified()));
        r.header("Accept-Ranges", "bytes");
        r.header("Content-Type", h.contentType());
        r.header("Cache-Control", h.cacheControl());
        r.header("Content-Disposition", h.contentDisposition());
        r.header("Content-Encoding", h.contentEncoding());
        r.header("Content-Language", h.contentLanguage());
        r.header("Expires", h.expires());
        String metaPrefix = dialect.metadataPrefix();
        for (Map.Entry<String, String> m : h.userMetadata().entrySet()) {
            r.header(metaPrefix + m.getKey(), UserMetadataHeaders.responseValue(m.getValue())); // non-ASCII: RFC 2047
        }
        StorageClass sc = h.storageClass() == null ? StorageClass.STANDARD : h.storageClass();
        if (sc != StorageClass.STANDARD || dialect.family() != HeaderFamily.AMZ) {
            r.header(dialect.header("storage-class"), dialect.storageClassName(sc));
        }
        r.header(dialect.header("website-redirect-location"), h.websiteRedirectLocation());
        ObjectLockRules.addHeaders(r, dialect, h.objectLock());
        if (!h.tags().isEmpty()) {
            r.header(dialect.header("tagging-count"), Integer.toString(h.tags().size()));
        }
        encryption(r, dialect, h.sse());
        if (checksumMode) {
            for (Map.Entry<String, String> c : o.checksums().entrySet()) {
                r.header("x-amz-checksum-" + c.getKey().toLowerCase(java.util.Locale.ROOT), c.getValue());
            }
            r.header("x-amz-checksum-type", o.checksumType());
        }
    }

    /**
     * S3 echoes the encryption applied, never the customer key itself; each family in its own header names and
     * words ({@code aws:kms} is {@code kms} for OBS, {@code cos/kms} for COS; see {@link SseHeaderNames}).
     */
    public static void encryption(S3Response response, Dialect dialect, ServerSideEncryption sse) {
        if (sse == null) {
            return;
        }
        HeaderFamily family = dialect.family();
        response.header(SseHeaderNames.algorithm(family), SseHeaderNames.algorithmName(family, sse.algorithm()));
        response.header(SseHeaderNames.kmsKeyId(family), sse.kmsKeyId());
        String alias = SseHeaderNames.kmsKeyIdResponseAlias(family);
        if (alias != null) {
            response.header(alias, sse.kmsKeyId());
        }
        String context = SseHeaderNames.context(family);
        if (context != null) {
            response.header(context, sse.kmsContext());
        }
        String bucketKey = SseHeaderNames.bucketKeyEnabled(family);
        if (bucketKey != null && sse.bucketKeyEnabled() != null) {
            response.header(bucketKey, sse.bucketKeyEnabled().toString());
        }
        response.header(SseHeaderNames.customer(family, false, "algorithm"), sse.customerAlgorithm());
        response.header(SseHeaderNames.customer(family, false, "key-MD5"), sse.customerKeyMd5());
    }

    /** {@code "etag"}. */
    public static String quoted(String etag) {
        return "\"" + etag + "\"";
    }
}
