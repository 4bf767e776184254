package dev.rosetta.storage.schema;

import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.kv.KeyCodec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * Key of the {@code expiry} column family: when an object is due to be deleted, then its bucket and key.
 *
 * <pre>
 * expiry  dueMillis (8 bytes, big-endian, sign bit flipped) || objects-key(bucket, key)
 * </pre>
 *
 * Keys sort by due time first (the sign flip makes unsigned byte order the signed order of the
 * milliseconds), so the entries due by a time are one range from the start of the family.
 *
 * @param due millisecond precision
 */
public record ExpiryKey(Instant due, String bucket, String key) {
    public ExpiryKey {
        Objects.requireNonNull(due, "due");
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        due = Instant.ofEpochMilli(due.toEpochMilli());
    }

    public ObjectKey objectKey() {
        return new ObjectKey(bucket, key);
    }

    /** The first key due after {@code time}: every key before it is due at or before {@code time}. */
    public static byte[] after(Instant time) {
        long ms;
        try {
            ms = time.toEpochMilli();
        } catch (ArithmeticException e) {
            ms = time.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
        return millis(ms == Long.MAX_VALUE ? ms : ms + 1);
    }

    private static byte[] millis(long ms) {
        long v = ms ^ Long.MIN_VALUE;
        byte[] out = new byte[8];
        for (int i = 7; i >= 0; i--) {
            out[i] = (byte) v;
            v >>>= 8;
        }
        return out;
    }

    public static final KeyCodec<ExpiryKey> CODEC = new KeyCodec<>() {
        @Override
        public byte[] encode(ExpiryKey k) {
            byte[] object = Keys.OBJECT.encode(k.objectKey());
            byte[] out = Arrays.copyOf(millis(k.due().toEpochMilli()), 8 + object.length);
            System.arraycopy(object, 0, out, 8, object.length);
            return out;
        }

        @Override
        public ExpiryKey decode(byte[] bytes) {
            if (bytes.length < 9) {
                throw new StorageException("corrupt expiry key: " + bytes.length + " bytes");
            }
            long v = 0;
            for (int i = 0; i < 8; i++) {
                v = (v << 8) | (bytes[i] & 0xFF);
            }
            ObjectKey ok = Keys.OBJECT.decode(Arrays.copyOfRange(bytes, 8, bytes.length));
            return new ExpiryKey(Instant.ofEpochMilli(v ^ Long.MIN_VALUE), ok.bucket(), ok.key());
        }
    };
}
