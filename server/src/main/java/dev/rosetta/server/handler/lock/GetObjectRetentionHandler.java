package dev.rosetta.server.handler.lock;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.ObjectLock;
import dev.rosetta.protocol.xml.doc.RetentionResult;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.ObjectStore;

/**
 * {@code GET /bucket/key?retention}: the object's retention mode and date (also once the date has passed, as
 * S3); {@code 404 NoSuchObjectLockConfiguration} when it has none.
 */
public final class GetObjectRetentionHandler implements DocumentHandler {
    private final BucketAccess access;
    private final ObjectStore objects;

    public GetObjectRetentionHandler(BucketAccess access, ObjectStore objects) {
        this.access = access;
        this.objects = objects;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        ObjectLockTargets.requireLockBucket(access, ctx);
        ObjectLock lock = objects.require(ctx.bucket(), ctx.key()).headers().objectLock();
        if (lock == null || !lock.hasRetention()) {
            throw new S3Exception(S3ErrorCode.NO_SUCH_OBJECT_LOCK_CONFIGURATION);
        }
        return S3Response.xml(ctx.dialect(), new RetentionResult(lock.mode(), lock.retainUntil()));
    }
}
