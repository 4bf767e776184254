package dev.rosetta.server.handler.multipart;

import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.protocol.xml.doc.ListPartsResult;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.ListingParams;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.MultipartSessionStore;
import dev.rosetta.storage.MultipartUpload;
import dev.rosetta.storage.PartListing;
import dev.rosetta.storage.PartRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /bucket/key?uploadId=ID}: the upload's parts by part number, with max-parts (default and
 * cap 1000), part-number-marker and encoding-type=url.
 */
public final class ListPartsHandler implements DocumentHandler {
    private static final int MAX_PARTS = 1000;

    private final BucketAccess access;
    private final MultipartSessionStore uploads;

    public ListPartsHandler(BucketAccess access, MultipartSessionStore uploads) {
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
        int maxParts = ListingParams.maxItems("max-parts", ctx.param("max-parts"), MAX_PARTS);
        int marker = marker(ctx.param("part-number-marker"));
        access.require(ctx, Permission.WRITE);
        PartListing listing = uploads.listParts(ctx.bucket(), ctx.key(), ctx.param("uploadId"), marker, maxParts);
        MultipartUpload u = listing.upload();
        List<ListPartsResult.Part> parts = new ArrayList<>(listing.parts().size());
        for (PartRecord p : listing.parts()) {
            parts.add(new ListPartsResult.Part(p.partNumber(), p.lastModified(), p.etag(), p.size(), p.checksums()));
        }
        StorageClass sc = u.headers().storageClass() == null ? StorageClass.STANDARD : u.headers().storageClass();
        ChecksumAlgorithm algorithm = ChecksumAlgorithm.fromName(u.headers().checksumAlgorithm());
        return S3Response.xml(ctx.dialect(), new ListPartsResult(ctx.bucket(), u.key(), u.uploadId(), marker,
                listing.truncated() ? listing.nextPartNumberMarker() : null, maxParts, listing.truncated(), parts,
                u.initiator(), u.owner(), ctx.dialect().storageClassName(sc),
                algorithm == null ? null : algorithm.name(), ChecksumTypes.of(u), urlEncoded));
    }

    /** Absent or empty is 0; else a non-negative integer (InvalidArgument otherwise). */
    private static int marker(String value) {
        if (value == null || value.isEmpty()) {
            return 0;
        }
        try {
            int v = Integer.parseInt(value.strip());
            if (v >= 0) {
                return v;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw S3Exception.invalidArgument("Provided part-number-marker not an integer or within integer range",
                "part-number-marker", value);
    }
}
