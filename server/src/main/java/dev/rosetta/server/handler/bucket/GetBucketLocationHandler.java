package dev.rosetta.server.handler.bucket;

import dev.rosetta.protocol.xml.doc.LocationConstraintResult;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;

/** {@code GET /bucket?location}: the location constraint, empty for us-east-1 as S3 answers. */
public final class GetBucketLocationHandler implements DocumentHandler {
    private final BucketAccess access;

    public GetBucketLocationHandler(BucketAccess access) {
        this.access = access;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        BucketRecord bucket = access.requireOwned(ctx);
        return S3Response.xml(ctx.dialect(), new LocationConstraintResult(bucket.locationConstraint()));
    }
}
