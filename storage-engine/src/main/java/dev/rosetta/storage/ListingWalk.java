package dev.rosetta.storage;

import dev.rosetta.storage.kv.Cursor;
import dev.rosetta.storage.schema.Keys;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The S3 prefix/delimiter walk shared by ListObjects and ListMultipartUploads, over a cursor already
 * positioned at the first candidate entry (just after the marker).
 *
 * <p>Entries come in key order (UTF-8 bytes). With a delimiter, a key containing it after the prefix
 * is rolled up into the common prefix ending at its first occurrence; a common prefix counts as one
 * entry, is emitted once, and is not emitted again when it is {@code <=} the marker (it was on an
 * earlier page: the marker then is that prefix or a key under it). After a common prefix the cursor
 * seeks past every key under it, so a page costs one seek plus one step per entry and one seek per
 * common prefix, whatever the bucket holds.
 */
final class ListingWalk {
    private ListingWalk() {
    }

    /**
     * One page.
     *
     * @param entries        values in order
     * @param commonPrefixes common prefixes in order
     * @param truncated      more entries follow
     * @param lastKey        the last entry's key or the last common prefix, whichever came last; null on
     *                       an empty page
     * @param lastEntry      the last value when it came after every common prefix, else null
     */
    record Page<V>(List<V> entries, List<String> commonPrefixes, boolean truncated, String lastKey, V lastEntry) {
    }

    /**
     * Walks up to {@code max} entries.
     *
     * @param keyOf     the object key of a cursor key
     * @param bucket    the bucket the cursor's range is in
     * @param prefix    the request's prefix ("" for none); the cursor's range must be confined to it
     * @param delimiter null for none
     * @param marker    the request's marker (exclusive), or null
     * @param max       page size, at least 1
     */
    static <K, V> Page<V> walk(Cursor<K, V> c, Function<K, String> keyOf, String bucket, String prefix,
                               String delimiter, String marker, int max) {
        List<V> entries = new ArrayList<>();
        List<String> commonPrefixes = new ArrayList<>();
        boolean truncated = false;
        String lastKey = null;
        V lastEntry = null;
        int count = 0;
        while (c.valid()) {
            String key = keyOf.apply(c.key());
            if (delimiter != null) {
                int d = key.indexOf(delimiter, prefix.length());
                if (d >= 0) {
                    String cp = key.substring(0, d + delimiter.length());
                    if (marker == null || Keys.compareUtf8(cp, marker) > 0) {
                        if (count == max) {
                            truncated = true;
                            break;
                        }
                        commonPrefixes.add(cp);
                        count++;
                        lastKey = cp;
                        lastEntry = null;
                    }
                    c.seekRaw(Keys.afterKeysWithPrefix(bucket, cp));
                    continue;
                }
            }
            if (count == max) {
                truncated = true;
                break;
            }
            V v = c.value();
            entries.add(v);
            count++;
            lastKey = key;
            lastEntry = v;
            c.next();
        }
        return new Page<>(entries, commonPrefixes, truncated, lastKey, lastEntry);
    }

    static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
