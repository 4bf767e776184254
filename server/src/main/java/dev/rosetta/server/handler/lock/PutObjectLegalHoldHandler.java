package dev.rosetta.server.handler.lock;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.ObjectLock;
import dev.rosetta.protocol.xml.XmlRequestParser;
import dev.rosetta.protocol.xml.doc.LegalHoldRequest;
import dev.rosetta.server.handler.BodyPolicy;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.ObjectStore;

/**
 * {@code PUT /bucket/key?legal-hold}: {@code <LegalHold><Status>ON|OFF</Status></LegalHold>} (anything else is
 * MalformedXML). A legal hold forbids deleting and overwriting whatever the retention, until it is set OFF.
 */
public final class PutObjectLegalHoldHandler implements DocumentHandler {
    private final BucketAccess access;
    private final ObjectStore objects;

    public PutObjectLegalHoldHandler(BucketAccess access, ObjectStore objects) {
        this.access = access;
        this.objects = objects;
    }

    @Override
    public BodyPolicy bodyPolicy() {
        return LockDocuments.BODY;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        LockDocuments.requireIntegrityHeader(ctx);
        ObjectLockTargets.requireLockBucket(access, ctx);
        String status = XmlRequestParser.parse(body, "LegalHold", LegalHoldRequest.class).status;
        status = status == null ? null : status.trim();
        if (!"ON".equals(status) && !"OFF".equals(status)) {
            throw new S3Exception(S3ErrorCode.MALFORMED_XML);
        }
        boolean on = status.equals("ON");
        ObjectLockUpdate.apply(objects, ctx.bucket(), ctx.key(),
                lock -> lock == null ? new ObjectLock(null, null, on) : lock.withLegalHold(on));
        return S3Response.ok();
    }
}
