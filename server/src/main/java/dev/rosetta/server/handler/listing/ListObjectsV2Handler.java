package dev.rosetta.server.handler.listing;

import dev.rosetta.protocol.xml.doc.ListBucketV2Result;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.ListingParams;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.ObjectListRequest;
import dev.rosetta.storage.ObjectListing;
import dev.rosetta.storage.ObjectStore;

/**
 * {@code GET /bucket?list-type=2} (ListObjectsV2): prefix, delimiter, continuation-token (opaque, see
 * {@link ContinuationTokens}; it wins over start-after, as in S3), start-after, max-keys, fetch-owner
 * and encoding-type=url.
 */
public final class ListObjectsV2Handler implements DocumentHandler {
    private final BucketAccess access;
    private final ObjectStore objects;

    public ListObjectsV2Handler(BucketAccess access, ObjectStore objects) {
        this.access = access;
        this.objects = objects;
    }

    @Override
    public boolean allowsAnonymous() {
        return true;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        boolean urlEncoded = ListingParams.encodingTypeIsUrl(ctx.param("encoding-type"));
        int maxKeys = ListingParams.maxItems("max-keys", ctx.param("max-keys"), ListObjectsHandler.MAX_KEYS);
        String prefix = ctx.param("prefix");
        String delimiter = ListingParams.emptyToNull(ctx.param("delimiter"));
        String token = ctx.param("continuation-token");
        String startAfter = ListingParams.emptyToNull(ctx.param("start-after"));
        boolean fetchOwner = "true".equalsIgnoreCase(ctx.param("fetch-owner"));
        String after = token != null ? ContinuationTokens.decode(token) : startAfter;
        access.require(ctx, Permission.READ);

        ObjectListing listing = objects.list(ctx.bucket(), new ObjectListRequest(prefix, delimiter, after, maxKeys));
        String next = listing.truncated() ? ContinuationTokens.encode(listing.nextMarker()) : null;
        return S3Response.xml(ctx.dialect(), new ListBucketV2Result(ctx.bucket(), prefix, startAfter, token, next,
                maxKeys, delimiter, urlEncoded, listing.truncated(),
                ListedObjects.of(listing.objects(), ctx.dialect(), fetchOwner), listing.commonPrefixes()));
    }
}
