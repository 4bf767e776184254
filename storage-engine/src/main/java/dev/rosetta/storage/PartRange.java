package dev.rosetta.storage;

/**
 * The bytes of one part of an object, for GET/HEAD {@code ?partNumber=N}.
 *
 * @param partNumber the requested part (its 1-based position in the object)
 * @param partCount  parts in the object (1 for an object not completed from a multipart upload)
 * @param start      offset of its first byte
 * @param length     its length (may be 0)
 */
public record PartRange(int partNumber, int partCount, long start, long length) {
    /** Offset of its last byte ({@code start - 1} for an empty part). */
    public long endInclusive() {
        return start + length - 1;
    }
}
