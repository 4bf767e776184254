package dev.rosetta.server.handler;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.BucketStore;

/**
 * Who may act on a bucket. Until ACLs are enforced, a bucket is its owner's alone: anyone else,
 * signed or anonymous, is AccessDenied. A missing bucket is NoSuchBucket for a signed request.
 */
public final class BucketAccess {
    private final BucketStore buckets;

    public BucketAccess(BucketStore buckets) {
        this.buckets = buckets;
    }

    /** The bucket, if the request's principal owns it. */
    public BucketRecord requireOwned(RequestContext ctx) {
        Owner principal = ctx.requirePrincipal();
        BucketRecord bucket = buckets.require(ctx.bucket());
        if (!bucket.owner().id().equals(principal.id())) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED);
        }
        return bucket;
    }
}
