package dev.rosetta.storage.schema;

import java.util.Objects;

/** Key of the {@code objects} column family: {@code bucket 0x00 escaped(key)}; see {@link Keys}. */
public record ObjectKey(String bucket, String key) {
    public ObjectKey {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
    }
}
