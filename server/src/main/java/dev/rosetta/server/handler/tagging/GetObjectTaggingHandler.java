package dev.rosetta.server.handler.tagging;

import dev.rosetta.protocol.xml.doc.Tagging;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.ObjectStore;

/** {@code GET /bucket/key?tagging}: the object's tags in the order they were set; NoSuchKey if missing. */
public final class GetObjectTaggingHandler implements DocumentHandler {
    private final BucketAccess access;
    private final ObjectStore objects;

    public GetObjectTaggingHandler(BucketAccess access, ObjectStore objects) {
        this.access = access;
        this.objects = objects;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        BucketRecord bucket = access.bucket(ctx);
        ObjectRecord o = access.requireObjectControl(ctx, bucket, objects.find(ctx.bucket(), ctx.key()).orElse(null),
                ctx.key());
        return S3Response.xml(ctx.dialect(), new Tagging(o.headers().tags()));
    }
}
