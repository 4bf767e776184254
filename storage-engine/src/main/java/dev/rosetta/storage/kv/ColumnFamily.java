package dev.rosetta.storage.kv;

import java.util.Objects;

/**
 * The declaration of one column family: its name on disk and how its keys and values are encoded.
 * Declarations live in one place ({@code dev.rosetta.storage.schema.Schema}); a {@link Database}
 * opened with them hands out one {@link Table} per declaration.
 */
public record ColumnFamily<K, V>(String name, KeyCodec<K> keys, ValueCodec<V> values) {
    public ColumnFamily {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(keys, "keys");
        Objects.requireNonNull(values, "values");
        if (name.isEmpty() || name.equals("default")) {
            throw new IllegalArgumentException("invalid column family name: " + name);
        }
    }
}
