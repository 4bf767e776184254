package dev.rosetta.server.handler.acl;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.headers.AclHeaders;
import dev.rosetta.protocol.model.AccessControl;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.server.handler.BodyPolicy;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.ObjectStore;

/**
 * {@code PUT /bucket/key?acl}: replaces the object's ACL with the one given in headers or in an
 * AccessControlPolicy body ({@link AclRequests}); needs WRITE_ACP on the object. The record is rewritten with
 * the same body, ETag and Last-Modified, and only if it is still the one the ACL was checked against (the
 * rewrite is rebuilt and re-checked otherwise, so a concurrent PutObject is never undone).
 */
public final class PutObjectAclHandler implements DocumentHandler {
    private static final int MAX_ATTEMPTS = 16;
    private final BucketAccess access;
    private final ObjectStore objects;

    public PutObjectAclHandler(BucketAccess access, ObjectStore objects) {
        this.access = access;
        this.objects = objects;
    }

    @Override
    public boolean allowsAnonymous() {
        return true;
    }

    @Override
    public BodyPolicy bodyPolicy() {
        return BodyPolicy.xml(AclRequests.MAX_BODY_BYTES);
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        BucketRecord bucket = access.bucket(ctx);
        AclRequests.Requested requested = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ObjectRecord current = access.requireObject(ctx, bucket,
                    objects.find(ctx.bucket(), ctx.key()).orElse(null), ctx.key(), Permission.WRITE_ACP);
            if (requested == null) {
                requested = AclRequests.read(ctx, body, AclHeaders.Target.OBJECT, access.accounts());
            }
            AclRequests.check(requested, current.owner());
            if (current.headers().acl().equals(requested.acl())) {
                return S3Response.ok();
            }
            try {
                objects.put(withAcl(current, requested.acl()), existing -> {
                    if (existing == null) {
                        throw new S3Exception(S3ErrorCode.NO_SUCH_KEY).with("Key", ctx.key());
                    }
                    if (!existing.equals(current)) {
                        throw Changed.INSTANCE;
                    }
                });
                return S3Response.ok();
            } catch (Changed again) {
                // rebuilt from the record that replaced it, and checked again
            }
        }
        throw new S3Exception(S3ErrorCode.SLOW_DOWN,
                "The object is being changed too often to update its ACL; please try again.");
    }

    /** The same object with another ACL: every other field, the body and its blobs unchanged. */
    static ObjectRecord withAcl(ObjectRecord o, AccessControl acl) {
        ObjectHeaders h = o.headers();
        ObjectHeaders headers = h.withAcl(acl);
        return new ObjectRecord(o.bucket(), o.key(), o.size(), o.etag(), o.lastModified(), o.owner(), o.dialect(),
                headers, o.checksums(), o.checksumType(), o.body(), o.completedUploadId());
    }

    /** The record changed between reading and writing: rebuild and retry. */
    private static final class Changed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Changed INSTANCE = new Changed();

        private Changed() {
            super("object changed", null, false, false);
        }
    }
}
