package dev.rosetta.storage.schema;

import java.util.Objects;

/** Key of the {@code parts} column family: {@code uploadId 0x00 partNumber(4 bytes BE)}; see {@link Keys}. */
public record PartKey(String uploadId, int partNumber) {
    public PartKey {
        Objects.requireNonNull(uploadId, "uploadId");
        if (partNumber < 0) {
            throw new IllegalArgumentException("negative part number " + partNumber);
        }
    }
}
