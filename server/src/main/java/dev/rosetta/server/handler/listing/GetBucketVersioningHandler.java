package dev.rosetta.server.handler.listing;

import dev.rosetta.protocol.xml.doc.VersioningConfiguration;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;

/**
 * {@code GET /bucket?versioning}: buckets are never versioned yet, so the answer is S3's for a bucket
 * that never was: an empty VersioningConfiguration (no Status). PutBucketVersioning is not served
 * (501) until versioning exists. Lives with the listings because ListObjectVersions is its reader.
 */
public final class GetBucketVersioningHandler implements DocumentHandler {
    private final BucketAccess access;

    public GetBucketVersioningHandler(BucketAccess access) {
        this.access = access;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        access.requireOwned(ctx);
        return S3Response.xml(ctx.dialect(), VersioningConfiguration.UNVERSIONED);
    }
}
