package dev.rosetta.server.handler.bucket;

import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;

/** {@code HEAD /bucket}: 200 with the bucket's region when it exists and the signer may use it. */
public final class HeadBucketHandler implements DocumentHandler {
    private final BucketAccess access;
    private final String region;

    public HeadBucketHandler(BucketAccess access, String region) {
        this.access = access;
        this.region = region;
    }

    @Override
    public boolean allowsAnonymous() {
        return true;
    }

    @Override
    public boolean triesOnEventLoop() {
        return true; // the bucket record and nothing else
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        BucketRecord bucket = access.require(ctx, Permission.READ);
        // the bucket's own region: its location constraint, else the server's (no constraint is us-east-1's)
        String bucketRegion = bucket.locationConstraint() != null ? bucket.locationConstraint() : region;
        S3Response response = S3Response.ok()
                .header(ctx.dialect().header("bucket-region"), bucketRegion)
                .header(ctx.dialect().header("access-point-alias"), "false");
        CreateBucketSettings.addDefaultStorageClass(response, ctx.dialect(), bucket); // OBS, WOS
        return response;
    }
}
