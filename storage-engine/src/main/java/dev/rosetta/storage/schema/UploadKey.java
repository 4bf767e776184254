package dev.rosetta.storage.schema;

import java.util.Objects;

/** Key of the {@code uploads} column family: {@code bucket 0x00 escaped(key) uploadId}; see {@link Keys}. */
public record UploadKey(String bucket, String key, String uploadId) {
    public UploadKey {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(uploadId, "uploadId");
    }
}
