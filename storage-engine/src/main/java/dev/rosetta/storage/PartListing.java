package dev.rosetta.storage;

import java.util.List;

/**
 * One page of ListParts.
 *
 * @param upload               the upload (initiator, owner, headers: what ListParts shows besides parts)
 * @param parts                parts after the marker, by part number
 * @param truncated            more parts follow
 * @param nextPartNumberMarker the last part number of this page, or the request's marker if the page is
 *                             empty
 */
public record PartListing(MultipartUpload upload, List<PartRecord> parts, boolean truncated,
                          int nextPartNumberMarker) {
    public PartListing {
        parts = List.copyOf(parts);
    }
}
