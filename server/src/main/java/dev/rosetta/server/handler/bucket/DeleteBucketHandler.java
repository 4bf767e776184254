package dev.rosetta.server.handler.bucket;

import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketStore;

/** {@code DELETE /bucket}: 204, or BucketNotEmpty while objects or uploads remain. */
public final class DeleteBucketHandler implements DocumentHandler {
    private final BucketAccess access;
    private final BucketStore buckets;

    public DeleteBucketHandler(BucketAccess access, BucketStore buckets) {
        this.access = access;
        this.buckets = buckets;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        access.requireOwned(ctx);
        buckets.delete(ctx.bucket());
        return S3Response.noContent();
    }
}
