package dev.rosetta.server.handler.multipart;

import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.protocol.xml.doc.ListMultipartUploadsResult;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.ListingParams;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.MultipartSessionStore;
import dev.rosetta.storage.MultipartUpload;
import dev.rosetta.storage.UploadListRequest;
import dev.rosetta.storage.UploadListing;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /bucket?uploads}: the bucket's unfinished uploads, sorted by key then upload id, with
 * prefix, delimiter, key-marker, upload-id-marker, max-uploads and encoding-type=url.
 */
public final class ListMultipartUploadsHandler implements DocumentHandler {
    private static final int MAX_UPLOADS = 1000;
    private final BucketAccess access;
    private final MultipartSessionStore uploads;

    public ListMultipartUploadsHandler(BucketAccess access, MultipartSessionStore uploads) {
        this.access = access;
        this.uploads = uploads;
    }

    @Override
    public boolean allowsAnonymous() {
        return true;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        boolean urlEncoded = ListingParams.encodingTypeIsUrl(ctx.param("encoding-type"));
        int maxUploads = ListingParams.maxItems("max-uploads", ctx.param("max-uploads"), MAX_UPLOADS);
        String prefix = ctx.param("prefix");
        String delimiter = ListingParams.emptyToNull(ctx.param("delimiter"));
        String keyMarker = ListingParams.emptyToNull(ctx.param("key-marker"));
        String uploadIdMarker = keyMarker == null ? null : ListingParams.emptyToNull(ctx.param("upload-id-marker"));
        access.require(ctx, Permission.READ);

        UploadListing listing = uploads.list(ctx.bucket(),
                new UploadListRequest(prefix == null ? "" : prefix, delimiter, keyMarker, uploadIdMarker, maxUploads));
        List<ListMultipartUploadsResult.Upload> entries = new ArrayList<>(listing.uploads().size());
        for (MultipartUpload u : listing.uploads()) {
            StorageClass sc = u.headers().storageClass() == null ? StorageClass.STANDARD : u.headers().storageClass();
            entries.add(new ListMultipartUploadsResult.Upload(u.key(), u.uploadId(), u.initiator(), u.owner(),
                    ctx.dialect().storageClassName(sc), u.initiated(), u.headers().checksumAlgorithm()));
        }
        return S3Response.xml(ctx.dialect(), new ListMultipartUploadsResult(ctx.bucket(), keyMarker,
                uploadIdMarker, listing.truncated() ? listing.nextKeyMarker() : null,
                listing.truncated() ? listing.nextUploadIdMarker() : null, prefix, delimiter, maxUploads,
                listing.truncated(), urlEncoded, entries, listing.commonPrefixes()));
    }
}
