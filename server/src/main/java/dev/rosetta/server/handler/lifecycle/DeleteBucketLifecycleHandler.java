package dev.rosetta.server.handler.lifecycle;

import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.BucketStore;

/**
 * {@code DELETE /bucket?lifecycle} (DeleteBucketLifecycle): removes the configuration (one synced write;
 * none when there is none) and answers {@code 204}, also when there was nothing to remove, as S3 does.
 */
public final class DeleteBucketLifecycleHandler implements DocumentHandler {
    private final BucketAccess access;
    private final BucketStore buckets;

    public DeleteBucketLifecycleHandler(BucketAccess access, BucketStore buckets) {
        this.access = access;
        this.buckets = buckets;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        BucketRecord bucket = access.requireOwned(ctx);
        buckets.update(bucket.name(), b -> b.withLifecycle(null));
        return S3Response.noContent();
    }
}
