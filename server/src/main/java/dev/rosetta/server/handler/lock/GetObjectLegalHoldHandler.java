package dev.rosetta.server.handler.lock;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.ObjectLock;
import dev.rosetta.protocol.xml.doc.LegalHoldResult;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.ObjectStore;

/**
 * {@code GET /bucket/key?legal-hold}: ON or OFF once a legal hold was ever set on the object; {@code 404
 * NoSuchObjectLockConfiguration} before.
 */
public final class GetObjectLegalHoldHandler implements DocumentHandler {
    private final BucketAccess access;
    private final ObjectStore objects;

    public GetObjectLegalHoldHandler(BucketAccess access, ObjectStore objects) {
        this.access = access;
        this.objects = objects;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        ObjectLockTargets.requireLockBucket(access, ctx);
        ObjectLock lock = objects.require(ctx.bucket(), ctx.key()).headers().objectLock();
        if (lock == null || lock.legalHold() == null) {
            throw new S3Exception(S3ErrorCode.NO_SUCH_OBJECT_LOCK_CONFIGURATION);
        }
        return S3Response.xml(ctx.dialect(), new LegalHoldResult(lock.legalHoldOn()));
    }
}
