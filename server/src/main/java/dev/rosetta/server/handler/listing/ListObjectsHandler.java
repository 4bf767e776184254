package dev.rosetta.server.handler.listing;

import dev.rosetta.protocol.xml.doc.ListBucketResult;
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
 * {@code GET /bucket} (ListObjects, version 1): prefix, delimiter, marker, max-keys (default and cap
 * 1000, 0 answers an empty page) and encoding-type=url. Every entry carries its Owner. NextMarker is
 * sent only for a truncated delimited listing, as S3 does; without a delimiter clients continue from
 * the last key.
 */
public final class ListObjectsHandler implements DocumentHandler {
    static final int MAX_KEYS = 1000;
    private final BucketAccess access;
    private final ObjectStore objects;

    public ListObjectsHandler(BucketAccess access, ObjectStore objects) {
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
        int maxKeys = ListingParams.maxItems("max-keys", ctx.param("max-keys"), MAX_KEYS);
        String prefix = ctx.param("prefix");
        String delimiter = ListingParams.emptyToNull(ctx.param("delimiter"));
        String marker = ctx.param("marker");
        access.require(ctx, Permission.READ);

        ObjectListing listing = objects.list(ctx.bucket(),
                new ObjectListRequest(prefix, delimiter, ListingParams.emptyToNull(marker), maxKeys));
        String nextMarker = listing.truncated() && delimiter != null ? listing.nextMarker() : null;
        return S3Response.xml(ctx.dialect(), new ListBucketResult(ctx.bucket(), prefix, marker, nextMarker, maxKeys,
                delimiter, urlEncoded, listing.truncated(), ListedObjects.of(listing.objects(), ctx.dialect(), true),
                listing.commonPrefixes()));
    }
}
