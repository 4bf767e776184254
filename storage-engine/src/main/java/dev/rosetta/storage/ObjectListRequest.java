package dev.rosetta.storage;

/**
 * Parameters of ListObjects (v1) and ListObjectsV2. Null or empty strings mean "not given".
 *
 * @param prefix     only keys starting with it
 * @param delimiter  rolls keys up into common prefixes at its first occurrence after the prefix
 * @param startAfter list keys strictly after it: v1 {@code marker}, v2 {@code start-after}, or the key a
 *                   v2 continuation token stands for
 * @param maxKeys    page size, objects and common prefixes together; 0 gives an empty page. The caller
 *                   applies S3's default (1000) and cap.
 */
public record ObjectListRequest(String prefix, String delimiter, String startAfter, int maxKeys) {
    public ObjectListRequest {
        if (maxKeys < 0) {
            throw new IllegalArgumentException("maxKeys must be >= 0: " + maxKeys);
        }
    }

    /** Everything in one page of up to {@code maxKeys}. */
    public static ObjectListRequest all(int maxKeys) {
        return new ObjectListRequest(null, null, null, maxKeys);
    }
}
