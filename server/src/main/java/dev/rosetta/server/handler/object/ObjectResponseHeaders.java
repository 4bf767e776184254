package dev.rosetta.server.handler.object;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.dialect.HeaderFamily;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.ServerSideEncryption;
import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.protocol.xml.S3Time;
import dev.rosetta.server.http.S3Response;
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
            r.header(metaPrefix + m.getKey(), m.getValue());
        }
        StorageClass sc = h.storageClass() == null ? StorageClass.STANDARD : h.storageClass();
        if (sc != StorageClass.STANDARD || dialect.family() != HeaderFamily.AMZ) {
            r.header(dialect.header("storage-class"), dialect.storageClassName(sc));
        }
        r.header(dialect.header("website-redirect-location"), h.websiteRedirectLocation());
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

    /** S3 echoes the encryption applied; never the customer key itself. */
    public static void encryption(S3Response response, Dialect dialect, ServerSideEncryption sse) {
        if (sse == null) {
            return;
        }
        response.header(dialect.header("server-side-encryption"), sse.algorithm());
        response.header(dialect.header("server-side-encryption-aws-kms-key-id"), sse.kmsKeyId());
        response.header(dialect.header("server-side-encryption-context"), sse.kmsContext());
        if (sse.bucketKeyEnabled() != null) {
            response.header(dialect.header("server-side-encryption-bucket-key-enabled"),
                    sse.bucketKeyEnabled().toString());
        }
        response.header(dialect.header("server-side-encryption-customer-algorithm"), sse.customerAlgorithm());
        response.header(dialect.header("server-side-encryption-customer-key-MD5"), sse.customerKeyMd5());
    }

    /** {@code "etag"}. */
    public static String quoted(String etag) {
        return "\"" + etag + "\"";
    }
}
