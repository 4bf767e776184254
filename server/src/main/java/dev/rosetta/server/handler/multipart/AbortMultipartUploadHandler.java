package dev.rosetta.server.handler.multipart;

import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.MultipartSessionStore;

/** {@code DELETE /bucket/key?uploadId=ID}: 204, or NoSuchUpload for an unknown id. */
public final class AbortMultipartUploadHandler implements DocumentHandler {
    private final BucketAccess access;
    private final MultipartSessionStore uploads;

    public AbortMultipartUploadHandler(BucketAccess access, MultipartSessionStore uploads) {
        this.access = access;
        this.uploads = uploads;
    }

    @Override
    public boolean allowsAnonymous() {
        return true;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        access.require(ctx, Permission.WRITE);
        uploads.abort(ctx.bucket(), ctx.key(), ctx.param("uploadId"));
        return S3Response.noContent();
    }
}
