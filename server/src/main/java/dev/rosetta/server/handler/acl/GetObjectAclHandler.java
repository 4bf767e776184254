package dev.rosetta.server.handler.acl;

import dev.rosetta.protocol.dialect.HeaderFamily;
import dev.rosetta.protocol.model.CannedAcl;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.ObjectStore;

/**
 * {@code GET /bucket/key?acl}: the object's ACL ({@link AclPolicies}); needs READ_ACP on the object. A missing
 * object is NoSuchKey for a principal that may list the bucket, else AccessDenied. COS requests for an object
 * whose ACL is {@code default} also get {@code x-cos-acl: default}, which the COS SDK reads as the canned ACL.
 */
public final class GetObjectAclHandler implements DocumentHandler {
    private final BucketAccess access;
    private final ObjectStore objects;

    public GetObjectAclHandler(BucketAccess access, ObjectStore objects) {
        this.access = access;
        this.objects = objects;
    }

    @Override
    public boolean allowsAnonymous() {
        return true;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        BucketRecord bucket = access.bucket(ctx);
        ObjectRecord o = access.requireObject(ctx, bucket, objects.find(ctx.bucket(), ctx.key()).orElse(null),
                ctx.key(), Permission.READ_ACP);
        S3Response response = S3Response.xml(ctx.dialect(),
                AclPolicies.object(ctx.dialect(), bucket, o, access.accounts()));
        if (ctx.dialect().family() == HeaderFamily.COS && o.headers().acl().canned() == CannedAcl.DEFAULT) {
            response.header("x-cos-acl", CannedAcl.DEFAULT.headerValue()); // the COS SDK reads it as the canned ACL
        }
        return response;
    }
}
