package dev.rosetta.server.handler.acl;

import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.ObjectStore;

/**
 * {@code GET /bucket/key?acl}: the grants the object was written with (its canned ACL or explicit
 * grants, see {@link AclPolicies}); NoSuchKey for a missing object.
 */
public final class GetObjectAclHandler implements DocumentHandler {
    private final BucketAccess access;
    private final ObjectStore objects;

    public GetObjectAclHandler(BucketAccess access, ObjectStore objects) {
        this.access = access;
        this.objects = objects;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        BucketRecord bucket = access.requireOwned(ctx);
        ObjectRecord o = objects.require(ctx.bucket(), ctx.key());
        return S3Response.xml(ctx.dialect(), AclPolicies.of(o.owner(), bucket.owner(), o.headers().acl()));
    }
}
