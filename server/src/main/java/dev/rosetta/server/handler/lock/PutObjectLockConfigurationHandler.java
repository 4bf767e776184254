package dev.rosetta.server.handler.lock;

import dev.rosetta.protocol.dialect.Service;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.ObjectLockConfiguration;
import dev.rosetta.protocol.xml.XmlRequestParser;
import dev.rosetta.protocol.xml.doc.ObjectLockConfigurationRequest;
import dev.rosetta.server.handler.BodyPolicy;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketStore;

/**
 * {@code PUT /bucket?object-lock}: sets or removes (a configuration without Rule) the bucket's default retention.
 * Object lock itself is enabled only at CreateBucket: on a bucket created without it this is {@code 409
 * InvalidBucketState} (S3's answer for a bucket without versioning; Rosetta has none). The check and the write
 * are one bucket update, so a concurrent change is never lost.
 */
public final class PutObjectLockConfigurationHandler implements DocumentHandler {
    static final String NOT_ENABLED = "Object Lock configuration cannot be enabled on existing buckets";

    private final BucketAccess access;
    private final BucketStore buckets;

    public PutObjectLockConfigurationHandler(BucketAccess access, BucketStore buckets) {
        this.access = access;
        this.buckets = buckets;
    }

    @Override
    public BodyPolicy bodyPolicy() {
        return LockDocuments.BODY;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        LockDocuments.requireIntegrityHeader(ctx);
        access.requireOwned(ctx);
        ObjectLockConfiguration config = XmlRequestParser.parse(body, "ObjectLockConfiguration",
                ObjectLockConfigurationRequest.class).toConfiguration(Service.of(ctx.dialect()) == Service.OBS);
        buckets.update(ctx.bucket(), b -> {
            if (!b.objectLockEnabled()) {
                throw new S3Exception(S3ErrorCode.INVALID_BUCKET_STATE, NOT_ENABLED).with("BucketName", b.name());
            }
            return b.withObjectLock(config);
        });
        return S3Response.ok();
    }
}
