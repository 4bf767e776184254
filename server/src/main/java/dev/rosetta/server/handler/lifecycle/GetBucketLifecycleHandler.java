package dev.rosetta.server.handler.lifecycle;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.BucketLifecycle;
import dev.rosetta.protocol.xml.doc.LifecycleConfiguration;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;

/**
 * {@code GET /bucket?lifecycle} (GetBucketLifecycleConfiguration): the stored rules in the request
 * dialect's wire style; {@code 404 NoSuchLifecycleConfiguration} when the bucket has none.
 */
public final class GetBucketLifecycleHandler implements DocumentHandler {
    private final BucketAccess access;

    public GetBucketLifecycleHandler(BucketAccess access) {
        this.access = access;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        BucketRecord bucket = access.requireOwned(ctx);
        BucketLifecycle lifecycle = bucket.lifecycle();
        if (lifecycle == null) {
            throw new S3Exception(S3ErrorCode.NO_SUCH_LIFECYCLE_CONFIGURATION).with("BucketName", bucket.name());
        }
        S3Response response = S3Response.xml(ctx.dialect(),
                new LifecycleConfiguration(lifecycle.rules(), ctx.dialect()));
        TransitionDefaultHeader.add(response, ctx.dialect(), lifecycle);
        return response;
    }
}
