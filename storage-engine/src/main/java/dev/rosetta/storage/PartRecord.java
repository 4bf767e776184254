package dev.rosetta.storage;

import dev.rosetta.storage.blob.BlobRef;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * An uploaded part, as stored in the {@code parts} column family under {@code uploadId, partNumber}.
 *
 * @param size         equals {@code blob.size()}
 * @param etag         hex MD5 of the part, no quotes
 * @param lastModified truncated to milliseconds
 * @param checksums    algorithm name (e.g. {@code CRC32}) to base64 value; may be empty
 * @param blob         the part's bytes; owned by this record until Complete moves it into the object
 */
public record PartRecord(int partNumber, long size, String etag, Instant lastModified, Map<String, String> checksums,
                         BlobRef blob) {
    public PartRecord {
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(blob, "blob");
        if (partNumber < 1) {
            throw new IllegalArgumentException("part number must be >= 1: " + partNumber);
        }
        if (size != blob.size()) {
            throw new IllegalArgumentException("part size " + size + " differs from its blob's " + blob.size());
        }
        lastModified = lastModified.truncatedTo(ChronoUnit.MILLIS);
        checksums = ObjectChecksums.copyOf(checksums);
    }
}
