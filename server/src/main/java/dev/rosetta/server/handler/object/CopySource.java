package dev.rosetta.server.handler.object;

import dev.rosetta.protocol.dialect.Service;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.PercentCodec;
import dev.rosetta.protocol.http.Preconditions;
import dev.rosetta.protocol.http.RequestHead;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.protocol.names.ObjectKeys;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.ObjectStore;

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
        String bucket = decoded.substring(0, slash);
        if (Service.of(ctx.dialect()) == Service.COS && bucket.indexOf('.') > 0) {
            // COS's documented form <BucketName-APPID>.cos.<Region>.myqcloud.com/<key> (what its SDK sends); COS
            // bucket names have no dots
            bucket = bucket.substring(0, bucket.indexOf('.'));
        }
        return new CopySource(bucket, key);
    }

    private static S3Exception invalid(String header, String value) {
        return S3Exception.invalidArgument("Copy Source must mention the source bucket and key:"
                + " sourcebucket/sourcekey", header, value);
    }

    /** Whether this is the bucket and key the request addresses. */
    public boolean isTarget(RequestContext ctx) {
        return bucket.equals(ctx.bucket()) && key.equals(ctx.key());
    }

    /** The source bucket (NoSuchBucket when missing); whether it may be read is the source object's ACL's say. */
    public BucketRecord bucket(BucketAccess access) {
        return access.bucket(bucket);
    }

    /**
     * The source object, if the request's principal may read it (object READ, as for a GET); AccessDenied
     * otherwise, NoSuchKey when it is missing and the principal may list the source bucket.
     */
    public ObjectRecord read(BucketAccess access, RequestContext ctx, BucketRecord sourceBucket, ObjectStore objects) {
        return access.requireObject(ctx, sourceBucket, objects.find(bucket, key).orElse(null), key, Permission.READ);
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
