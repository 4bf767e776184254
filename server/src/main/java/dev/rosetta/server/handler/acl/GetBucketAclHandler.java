package dev.rosetta.server.handler.acl;

import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;

/** {@code GET /bucket?acl}: the bucket's ACL ({@link AclPolicies}); needs READ_ACP on the bucket. */
public final class GetBucketAclHandler implements DocumentHandler {
    private final BucketAccess access;

    public GetBucketAclHandler(BucketAccess access) {
        this.access = access;
    }

    @Override
    public boolean allowsAnonymous() {
        return true;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        BucketRecord bucket = access.require(ctx, Permission.READ_ACP);
        return S3Response.xml(ctx.dialect(), AclPolicies.bucket(ctx.dialect(), bucket, access.accounts()));
    }
}
