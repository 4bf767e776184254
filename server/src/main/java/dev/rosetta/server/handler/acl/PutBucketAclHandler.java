package dev.rosetta.server.handler.acl;

import dev.rosetta.protocol.headers.AclHeaders;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.server.handler.BodyPolicy;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.BucketStore;

/**
 * {@code PUT /bucket?acl}: replaces the bucket's ACL with the one given in headers or in an AccessControlPolicy
 * body ({@link AclRequests}); needs WRITE_ACP on the bucket. One synced write under the bucket's lock.
 */
public final class PutBucketAclHandler implements DocumentHandler {
    private final BucketAccess access;
    private final BucketStore buckets;

    public PutBucketAclHandler(BucketAccess access, BucketStore buckets) {
        this.access = access;
        this.buckets = buckets;
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
        BucketRecord bucket = access.require(ctx, Permission.WRITE_ACP);
        AclRequests.Requested requested = AclRequests.read(ctx, body, AclHeaders.Target.BUCKET, access.accounts());
        buckets.update(bucket.name(), current -> {
            // checked again under the bucket's lock: the bucket may have been re-created in between
            access.require(ctx, current, Permission.WRITE_ACP);
            AclRequests.check(requested, current.owner());
            return current.withAcl(requested.acl());
        });
        return S3Response.ok();
    }
}
