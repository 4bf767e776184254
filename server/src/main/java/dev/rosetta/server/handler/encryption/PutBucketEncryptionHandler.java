package dev.rosetta.server.handler.encryption;

import dev.rosetta.protocol.model.BucketEncryption;
import dev.rosetta.protocol.xml.XmlRequestParser;
import dev.rosetta.protocol.xml.doc.ServerSideEncryptionConfigurationRequest;
import dev.rosetta.server.handler.BodyPolicy;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.BucketStore;

/**
 * {@code PUT /bucket?encryption} (PutBucketEncryption): sets the default encryption of objects written into the
 * bucket without encryption headers (PutObject, CopyObject's destination, InitiateMultipartUpload). Objects
 * already stored keep what they have. A KMS key named here must exist when an object is written with it.
 */
public final class PutBucketEncryptionHandler implements DocumentHandler {
    /** S3 bounds the document loosely; one rule is a few hundred bytes. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final BucketAccess access;
    private final BucketStore buckets;

    public PutBucketEncryptionHandler(BucketAccess access, BucketStore buckets) {
        this.access = access;
        this.buckets = buckets;
    }

    @Override
    public BodyPolicy bodyPolicy() {
        return BodyPolicy.xml(MAX_BODY_BYTES);
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        BucketRecord bucket = access.requireOwned(ctx);
        BucketEncryption encryption = XmlRequestParser.parse(body, "ServerSideEncryptionConfiguration",
                ServerSideEncryptionConfigurationRequest.class).toEncryption(ctx.dialect().family());
        buckets.update(bucket.name(), b -> b.withEncryption(encryption));
        return S3Response.ok();
    }
}
