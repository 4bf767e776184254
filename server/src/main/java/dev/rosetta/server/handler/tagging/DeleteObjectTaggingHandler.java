package dev.rosetta.server.handler.tagging;

import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.ObjectStore;
import java.util.List;

/** {@code DELETE /bucket/key?tagging}: removes every tag; 204, or NoSuchKey for a missing object. */
public final class DeleteObjectTaggingHandler implements DocumentHandler {
    private final BucketAccess access;
    private final ObjectStore objects;

    public DeleteObjectTaggingHandler(BucketAccess access, ObjectStore objects) {
        this.access = access;
        this.objects = objects;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        BucketRecord bucket = access.bucket(ctx);
        ObjectTags.replace(objects, ctx.bucket(), ctx.key(), List.of(),
                found -> access.requireObjectControl(ctx, bucket, found, ctx.key()));
        return S3Response.noContent();
    }
}
