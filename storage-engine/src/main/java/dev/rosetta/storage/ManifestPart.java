package dev.rosetta.storage;

import dev.rosetta.storage.blob.BlobRef;
import java.util.Map;
import java.util.Objects;

/**
 * One part of a completed multipart object, as it was when Complete chose it.
 *
 * @param partNumber the number the part was uploaded with (not necessarily its position)
 * @param blob       its bytes
 * @param size       equal to {@code blob.size()}
 * @param etag       the part's hex MD5, no quotes
 * @param checksums  algorithm name (e.g. {@code CRC32}) to base64 value; may be empty
 */
public record ManifestPart(int partNumber, BlobRef blob, long size, String etag, Map<String, String> checksums) {
    public ManifestPart {
        Objects.requireNonNull(blob, "blob");
        Objects.requireNonNull(etag, "etag");
        if (partNumber < 1) {
            throw new IllegalArgumentException("part number must be >= 1: " + partNumber);
        }
        if (size != blob.size()) {
            throw new IllegalArgumentException("part size " + size + " differs from its blob's " + blob.size());
        }
        checksums = ObjectChecksums.copyOf(checksums);
    }

    /** The manifest entry of an uploaded part. */
    public static ManifestPart of(PartRecord part) {
        return new ManifestPart(part.partNumber(), part.blob(), part.size(), part.etag(), part.checksums());
    }
}
