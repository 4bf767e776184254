package dev.rosetta.server.handler.acl;

import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;

/** {@code GET /bucket?acl}: the owner's FULL_CONTROL (bucket ACLs are not stored yet). */
public final class GetBucketAclHandler implements DocumentHandler {
    private final BucketAccess access;

    public GetBucketAclHandler(BucketAccess access) {
        this.access = access;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        BucketRecord bucket = access.requireOwned(ctx);
        return S3Response.xml(ctx.dialect(), AclPolicies.ownerOnly(bucket.owner()));
    }
}
