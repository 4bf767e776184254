package dev.rosetta.storage.blob;

import dev.rosetta.storage.crypto.Envelope;

/**
 * A committed blob: an immutable file under {@code blobs/aa/bb/<id>}, named by 128 random bits.
 *
 * @param id       32 lower-case hex characters; checked here, so an id read from metadata can never name a
 *                 path outside the blob tree
 * @param size     length in bytes (of the plaintext and of the file alike: AES-CTR keeps lengths)
 * @param envelope how the file's bytes are encrypted, or null for plaintext
 */
public record BlobRef(String id, long size, Envelope envelope) {
    public static final int ID_LENGTH = 32;

    /** An unencrypted blob. */
    public BlobRef(String id, long size) {
        this(id, size, null);
    }

    public BlobRef {
        if (!isWellFormed(id)) {
            throw new IllegalArgumentException("not a blob id: " + id);
        }
        if (size < 0) {
            throw new IllegalArgumentException("negative blob size " + size);
        }
    }

    /** Whether the file holds ciphertext. */
    public boolean encrypted() {
        return envelope != null;
    }

    /** The same file read through another envelope (a re-wrapped data key, or none). */
    public BlobRef withEnvelope(Envelope e) {
        return new BlobRef(id, size, e);
    }

    /** Whether {@code id} has the shape of a blob id (32 lower-case hex characters). */
    public static boolean isWellFormed(String id) {
        if (id == null || id.length() != ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < ID_LENGTH; i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }
}
