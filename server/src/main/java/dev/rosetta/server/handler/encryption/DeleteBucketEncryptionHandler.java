package dev.rosetta.server.handler.encryption;

import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.BucketStore;

/**
 * {@code DELETE /bucket?encryption} (DeleteBucketEncryption): removes the default encryption and answers
 * {@code 204}, also when none was set, as S3 does.
 */
public final class DeleteBucketEncryptionHandler implements DocumentHandler {
    private final BucketAccess access;
    private final BucketStore buckets;

    public DeleteBucketEncryptionHandler(BucketAccess access, BucketStore buckets) {
        this.access = access;
        this.buckets = buckets;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        BucketRecord bucket = access.requireOwned(ctx);
        buckets.update(bucket.name(), b -> b.withEncryption(null));
        return S3Response.noContent();
    }
}
