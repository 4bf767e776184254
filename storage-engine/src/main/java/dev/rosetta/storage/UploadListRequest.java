package dev.rosetta.storage;

/**
 * Parameters of ListMultipartUploads, as S3 defines them. Null or empty strings mean "not given".
 *
 * @param prefix         only keys starting with it
 * @param delimiter      rolls keys up into common prefixes at its first occurrence after the prefix
 * @param keyMarker      start after this key (see {@code uploadIdMarker})
 * @param uploadIdMarker with a key marker: also list uploads of the marker key whose id is greater;
 *                       ignored without a key marker
 * @param maxUploads     page size, uploads and common prefixes together; 0 gives an empty page. The
 *                       caller applies S3's default (1000) and cap.
 */
public record UploadListRequest(String prefix, String delimiter, String keyMarker, String uploadIdMarker,
                                int maxUploads) {
    public UploadListRequest {
        if (maxUploads < 0) {
            throw new IllegalArgumentException("maxUploads must be >= 0: " + maxUploads);
        }
    }

    /** Everything in one page of up to {@code maxUploads}. */
    public static UploadListRequest all(int maxUploads) {
        return new UploadListRequest(null, null, null, null, maxUploads);
    }
}
