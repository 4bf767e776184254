package dev.rosetta.storage;

import java.util.List;

/**
 * One page of ListMultipartUploads. Uploads and common prefixes are each in listing order (key in UTF-8
 * byte order, then upload id); together they are at most {@code maxUploads} entries.
 *
 * @param truncated          more entries follow
 * @param nextKeyMarker      when truncated: the last upload's key, or the last common prefix if that
 *                           was the last entry; null otherwise
 * @param nextUploadIdMarker when truncated and the last entry was an upload: its id; null otherwise
 */
public record UploadListing(List<MultipartUpload> uploads, List<String> commonPrefixes, boolean truncated,
                            String nextKeyMarker, String nextUploadIdMarker) {
    public UploadListing {
        uploads = List.copyOf(uploads);
        commonPrefixes = List.copyOf(commonPrefixes);
    }

    public static final UploadListing EMPTY = new UploadListing(List.of(), List.of(), false, null, null);
}
