package dev.rosetta.server.handler.lock;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.storage.BucketRecord;

/** The checks every object retention and legal-hold operation starts with. */
final class ObjectLockTargets {
    static final String MISSING_CONFIGURATION = "Bucket is missing Object Lock Configuration";

    private ObjectLockTargets() {
    }

    /**
     * The addressed bucket, owned by the caller and created with object lock ({@code 400 InvalidRequest} "Bucket
     * is missing Object Lock Configuration" otherwise, as S3); a {@code versionId} other than {@code null} is
     * {@code 501 NotImplemented} (no versioning).
     */
    static BucketRecord requireLockBucket(BucketAccess access, RequestContext ctx) {
        String versionId = ctx.param("versionId");
        if (versionId != null && !versionId.equals("null")) {
            throw new S3Exception(S3ErrorCode.NOT_IMPLEMENTED,
                    "Object lock on a specific version is not implemented by this server (no versioning).")
                    .with("ArgumentName", "versionId");
        }
        BucketRecord bucket = access.requireOwned(ctx);
        if (!bucket.objectLockEnabled()) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST, MISSING_CONFIGURATION);
        }
        return bucket;
    }
}
