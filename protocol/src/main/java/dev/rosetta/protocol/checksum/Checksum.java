package dev.rosetta.protocol.checksum;

import java.nio.ByteBuffer;
import java.util.Base64;

/**
 * An incremental checksum of one {@link ChecksumAlgorithm}. Not thread-safe: one instance per stream.
 * Obtain one from {@link ChecksumAlgorithm#newChecksum()}.
 */
public interface Checksum {

    /** The algorithm this checksum computes. */
    ChecksumAlgorithm algorithm();

    /** Adds {@code length} bytes of {@code bytes} from {@code offset}. */
    void update(byte[] bytes, int offset, int length);

    /** Adds all of {@code bytes}. */
    default void update(byte[] bytes) {
        update(bytes, 0, bytes.length);
    }

    /**
     * Adds the bytes between the buffer's position and its limit. The caller's position, limit and mark
     * are left as they were (heap, direct and read-only buffers alike).
     */
    void update(ByteBuffer buffer);

    /**
     * The checksum of every byte added so far: big-endian for the CRCs (4 or 8 bytes), the digest for
     * SHA-1/SHA-256. Does not reset: more bytes may be added afterwards and {@code digest()} asked again.
     */
    byte[] digest();

    /** {@link #digest()} in standard base64, the value of an {@code x-amz-checksum-*} header. */
    default String base64() {
        return Base64.getEncoder().encodeToString(digest());
    }

    /** Forgets every byte added: back to the checksum of the empty input. */
    void reset();
}
