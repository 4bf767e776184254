package dev.rosetta.storage;

import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.crypto.Envelope;

/** A contiguous piece of an object's bytes, as {@link BodyRanges#slices} returns them. */
public sealed interface BodySlice permits BodySlice.Bytes, BodySlice.BlobRange {

    /** Number of bytes in the slice. */
    long size();

    /**
     * Bytes of an inline body: {@code bytes[offset, offset + length)}. The array is the record's; never modify it.
     * With an envelope they are ciphertext whose stream position is their index in the array.
     */
    record Bytes(byte[] bytes, int offset, int length, Envelope envelope) implements BodySlice {
        /** Plaintext bytes. */
        public Bytes(byte[] bytes, int offset, int length) {
            this(bytes, offset, length, null);
        }

        public Bytes {
            if (offset < 0 || length < 0 || offset > bytes.length - length) {
                throw new IllegalArgumentException("slice [" + offset + ", +" + length + ") outside " + bytes.length);
            }
        }

        @Override
        public long size() {
            return length;
        }
    }

    /** Bytes {@code [offset, offset + length)} of a blob file (ciphertext when the blob has an envelope; its stream position is the offset). */
    record BlobRange(BlobRef blob, long offset, long length) implements BodySlice {
        public BlobRange {
            if (offset < 0 || length < 0 || offset > blob.size() - length) {
                throw new IllegalArgumentException("slice [" + offset + ", +" + length + ") outside blob of "
                        + blob.size());
            }
        }

        @Override
        public long size() {
            return length;
        }
    }
}
