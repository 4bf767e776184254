package dev.rosetta.server.handler.encryption;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.xml.doc.ServerSideEncryptionConfigurationResult;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;

/**
 * {@code GET /bucket?encryption} (GetBucketEncryption): the bucket's default encryption, in the reader's dialect;
 * {@code 404 ServerSideEncryptionConfigurationNotFoundError} when none is set.
 */
public final class GetBucketEncryptionHandler implements DocumentHandler {
    private final BucketAccess access;

    public GetBucketEncryptionHandler(BucketAccess access) {
        this.access = access;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        BucketRecord bucket = access.requireOwned(ctx);
        if (bucket.encryption() == null) {
            throw new S3Exception(S3ErrorCode.SERVER_SIDE_ENCRYPTION_CONFIGURATION_NOT_FOUND)
                    .with("BucketName", bucket.name());
        }
        return S3Response.xml(ctx.dialect(),
                new ServerSideEncryptionConfigurationResult(bucket.encryption(), ctx.dialect().family()));
    }
}
