package dev.rosetta.storage;

import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.crypto.Envelope;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Where an object's bytes are: in the record itself, in one blob, or in the blobs of the parts it was
 * completed from. Byte ranges are mapped onto a body by {@link BodyRanges}.
 */
public sealed interface ObjectBody permits ObjectBody.Inline, ObjectBody.Blob, ObjectBody.Manifest {

    /** Length of the object in bytes. */
    long size();

    /** The blobs this body references, in order (none for inline bytes). */
    List<BlobRef> blobs();

    /** Whether any of its bytes are stored encrypted. */
    default boolean encrypted() {
        if (this instanceof Inline i) {
            return i.envelope() != null;
        }
        for (BlobRef b : blobs()) {
            if (b.encrypted()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Small objects stored in the object record: one WAL write instead of a file create, fsync, rename
     * and directory fsync. The array is not copied; never modify it. With an envelope the bytes are
     * ciphertext (AES-256-CTR from stream position 0, as a blob's would be).
     */
    record Inline(byte[] bytes, Envelope envelope) implements ObjectBody {
        public static final Inline EMPTY = new Inline(new byte[0]);

        /** Plaintext bytes. */
        public Inline(byte[] bytes) {
            this(bytes, null);
        }

        public Inline {
            Objects.requireNonNull(bytes, "bytes");
        }

        /** Whether the bytes are ciphertext. */
        public boolean encrypted() {
            return envelope != null;
        }

        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public List<BlobRef> blobs() {
            return List.of();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Inline other && Arrays.equals(bytes, other.bytes)
                    && Objects.equals(envelope, other.envelope);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(bytes) * 31 + Objects.hashCode(envelope);
        }

        @Override
        public String toString() {
            return "Inline[" + bytes.length + " bytes" + (envelope == null ? "" : ", encrypted") + "]";
        }
    }

    /** One blob holding the whole object. */
    record Blob(BlobRef ref) implements ObjectBody {
        public Blob {
            Objects.requireNonNull(ref, "ref");
        }

        @Override
        public long size() {
            return ref.size();
        }

        @Override
        public List<BlobRef> blobs() {
            return List.of(ref);
        }
    }

    /**
     * A completed multipart object: its parts' blobs, in order. Complete moves the part blobs here
     * without copying a byte.
     */
    record Manifest(List<ManifestPart> parts) implements ObjectBody {
        public Manifest {
            parts = List.copyOf(parts);
        }

        @Override
        public long size() {
            long total = 0;
            for (ManifestPart p : parts) {
                total += p.size();
            }
            return total;
        }

        @Override
        public List<BlobRef> blobs() {
            List<BlobRef> out = new ArrayList<>(parts.size());
            for (ManifestPart p : parts) {
                out.add(p.blob());
            }
            return out;
        }
    }
}
