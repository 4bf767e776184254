package dev.rosetta.storage;

import java.util.List;

/**
 * One page of ListObjects / ListObjectsV2. Objects and common prefixes are each in key order (UTF-8
 * bytes); together they are at most {@code maxKeys} entries.
 *
 * @param truncated  more entries follow
 * @param nextMarker when truncated: the last key or common prefix of the page (v1 NextMarker, the key
 *                   behind a v2 continuation token); null otherwise
 */
public record ObjectListing(List<ObjectRecord> objects, List<String> commonPrefixes, boolean truncated,
                            String nextMarker) {
    public ObjectListing {
        objects = List.copyOf(objects);
        commonPrefixes = List.copyOf(commonPrefixes);
    }

    public static final ObjectListing EMPTY = new ObjectListing(List.of(), List.of(), false, null);
}
