package dev.rosetta.server.handler.lock;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.xml.doc.ObjectLockConfigurationResult;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;

/**
 * {@code GET /bucket?object-lock}: the bucket's object-lock configuration; {@code 404
 * ObjectLockConfigurationNotFoundError} for a bucket created without object lock.
 */
public final class GetObjectLockConfigurationHandler implements DocumentHandler {
    private final BucketAccess access;

    public GetObjectLockConfigurationHandler(BucketAccess access) {
        this.access = access;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        BucketRecord bucket = access.requireOwned(ctx);
        if (bucket.objectLock() == null) {
            throw new S3Exception(S3ErrorCode.OBJECT_LOCK_CONFIGURATION_NOT_FOUND).with("BucketName", bucket.name());
        }
        return S3Response.xml(ctx.dialect(), new ObjectLockConfigurationResult(bucket.objectLock()));
    }
}
