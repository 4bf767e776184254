package dev.rosetta.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The additional checksums of an object: algorithm name (e.g. {@code CRC32}, {@code SHA256}) to base64
 * value, and their type.
 *
 * @param values may be empty; kept in insertion order
 * @param type   null, {@code COMPOSITE} or {@code FULL_OBJECT}
 */
public record ObjectChecksums(Map<String, String> values, String type) {
    public static final ObjectChecksums NONE = new ObjectChecksums(Map.of(), null);

    public ObjectChecksums {
        values = copyOf(values);
    }

    /** An unmodifiable, order-keeping copy; null gives an empty map. */
    public static Map<String, String> copyOf(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        return Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }
}
