package dev.rosetta.server.handler.listing;

import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.xml.doc.ListVersionsResult;
import dev.rosetta.protocol.xml.doc.ListedObject;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.ListingParams;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.ObjectListRequest;
import dev.rosetta.storage.ObjectListing;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.ObjectStore;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /bucket?versions} (ListObjectVersions) for unversioned buckets: every current object is
 * its one version, {@code VersionId} "null" and latest, as S3 lists objects written before versioning.
 * key-marker pages like ListObjects' marker; version-id-marker may only be "null" (the only id there is),
 * and needs a key-marker. Enough for tools that always list versions (rclone, {@code aws s3 rm
 * --recursive}, the SDKs' paginators).
 */
public final class ListObjectVersionsHandler implements DocumentHandler {
    static final String NULL_VERSION = "null";
    private final BucketAccess access;
    private final ObjectStore objects;

    public ListObjectVersionsHandler(BucketAccess access, ObjectStore objects) {
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
        String keyMarker = ctx.param("key-marker");
        String versionIdMarker = ListingParams.emptyToNull(ctx.param("version-id-marker"));
        if (versionIdMarker != null) {
            if (keyMarker == null) {
                throw S3Exception.invalidArgument("A version-id marker cannot be specified without a key marker.",
                        "version-id-marker", versionIdMarker);
            }
            if (!versionIdMarker.equals(NULL_VERSION)) {
                throw S3Exception.invalidArgument("Invalid version id specified", "version-id-marker",
                        versionIdMarker);
            }
        }
        access.require(ctx, Permission.READ);

        ObjectListing listing = objects.list(ctx.bucket(),
                new ObjectListRequest(prefix, delimiter, ListingParams.emptyToNull(keyMarker), maxKeys));
        List<ListVersionsResult.Version> versions = new ArrayList<>(listing.objects().size());
        for (ObjectRecord o : listing.objects()) {
            ListedObject entry = ListedObjects.of(o, ctx.dialect(), true);
            versions.add(new ListVersionsResult.Version(entry, NULL_VERSION, true));
        }
        String nextKeyMarker = null;
        String nextVersionIdMarker = null;
        if (listing.truncated()) {
            nextKeyMarker = listing.nextMarker();
            List<ObjectRecord> page = listing.objects();
            // the page ended on a version (not a common prefix): say which one
            if (!page.isEmpty() && page.get(page.size() - 1).key().equals(nextKeyMarker)) {
                nextVersionIdMarker = NULL_VERSION;
            }
        }
        return S3Response.xml(ctx.dialect(), new ListVersionsResult(ctx.bucket(), prefix, keyMarker,
                versionIdMarker, nextKeyMarker, nextVersionIdMarker, maxKeys, delimiter, urlEncoded,
                listing.truncated(), versions, listing.commonPrefixes()));
    }
}
