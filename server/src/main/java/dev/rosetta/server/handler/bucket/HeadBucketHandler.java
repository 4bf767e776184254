package dev.rosetta.server.handler.bucket;

import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;

/** {@code HEAD /bucket}: 200 with the bucket's region when it exists and the signer may use it. */
public final class HeadBucketHandler implements DocumentHandler {
    private final BucketAccess access;
    private final String region;

    public HeadBucketHandler(BucketAccess access, String region) {
        this.access = access;
        this.region = region;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        access.requireOwned(ctx);
        return S3Response.ok()
                .header(ctx.dialect().header("bucket-region"), region)
                .header(ctx.dialect().header("access-point-alias"), "false");
    }
}
