package dev.rosetta.server.handler.object;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.PercentCodec;
import dev.rosetta.protocol.http.Preconditions;
import dev.rosetta.protocol.http.RequestHead;
import dev.rosetta.protocol.names.ObjectKeys;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.Addressing;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.ObjectRecord;

/**
 * The object a CopyObject or UploadPartCopy reads, from {@code x-amz-copy-source}: {@code bucket/key}
 * or {@code /bucket/key}, percent-encoded, optionally followed by {@code ?versionId=}. Without
 * versioning only {@code versionId=null} names an object (any other id is NotImplemented).
 */
public record CopySource(String bucket, String key) {
    /** S3's largest copy source for CopyObject, and largest range for UploadPartCopy. */
    public static final long MAX_COPY_BYTES = 5L << 30;

    /** @throws S3Exception InvalidArgument for a malformed header, NotImplemented for a version id */
    public static CopySource parse(RequestContext ctx) {
        String name = ctx.dialect().header("copy-source");
        String raw = ctx.head().header(name);
        if (raw == null) {
            throw invalid(name, null);
        }
        String path = raw.strip();
        int q = path.indexOf('?');
        if (q >= 0) {
            String query = path.substring(q + 1);
            path = path.substring(0, q);
            for (String param : query.split("&")) {
                if (param.startsWith("versionId=")) {
                    String versionId = param.substring("versionId=".length());
                    if (!versionId.equals("null")) {
                        throw new S3Exception(S3ErrorCode.NOT_IMPLEMENTED,
                                "Copying a specific version is not implemented by this server (no versioning).")
                                .with("Header", name);
                    }
                }
            }
        }
        String decoded;
        try {
            decoded = PercentCodec.decodePath(path);
        } catch (IllegalArgumentException e) {
            throw invalid(name, raw);
        }
        if (decoded.startsWith("/")) {
            decoded = decoded.substring(1);
        }
        int slash = decoded.indexOf('/');
        if (slash <= 0 || slash == decoded.length() - 1) {
            throw invalid(name, raw);
        }
        String key = decoded.substring(slash + 1);
        ObjectKeys.validate(key);
        return new CopySource(decoded.substring(0, slash), key);
    }

    private static S3Exception invalid(String header, String value) {
        return S3Exception.invalidArgument("Copy Source must mention the source bucket and key:"
                + " sourcebucket/sourcekey", header, value);
    }

    /** Whether this is the bucket and key the request addresses. */
    public boolean isTarget(RequestContext ctx) {
        return bucket.equals(ctx.bucket()) && key.equals(ctx.key());
    }

    /**
     * Checks that the request's principal may read the source bucket, with the same rules as the
     * addressed bucket (until ACLs are enforced: its owner only).
     */
    public BucketRecord requireReadable(BucketAccess access, RequestContext ctx) {
        RequestContext source = new RequestContext(ctx.requestId(), ctx.head(), new Addressing(bucket, key, false),
                ctx.operation(), ctx.authentication(), ctx.dialect(), ctx.receivedAt());
        return access.requireOwned(source);
    }

    /** The {@code x-amz-copy-source-if-*} conditions against the source object (each failure is 412). */
    public static void checkConditions(RequestContext ctx, ObjectRecord source) {
        RequestHead h = ctx.head();
        String prefix = ctx.dialect().header("copy-source-if-");
        Preconditions.evaluateCopySource(h.header(prefix + "match"), h.header(prefix + "none-match"),
                h.header(prefix + "modified-since"), h.header(prefix + "unmodified-since"), source.etag(),
                source.lastModified());
    }
}
