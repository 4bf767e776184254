package dev.rosetta.storage.codec;

import dev.rosetta.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Reads what {@link RecordWriter} wrote. Typical decoder:
 *
 * <pre>{@code
 * RecordReader r = RecordReader.open(bytes, 1);
 * while (r.next()) {
 *     switch (r.tag()) {
 *         case 1 -> name = r.string();
 *         case 2 -> owner = OwnerCodec.read(r.nested());
 *         default -> { } // unknown tag from a newer writer: skipped
 *     }
 * }
 * }</pre>
 *
 * Fields may come in any order and may repeat (lists are repeated fields); a missing field keeps the
 * decoder's default. Malformed input throws {@link StorageException}.
 */
public final class RecordReader {
    private final byte[] buf;
    private final int limit;
    private int pos;
    private int version;
    private int tag = -1;
    private int fieldStart;
    private int fieldLength;

    private RecordReader(byte[] buf, int start, int limit) {
        this.buf = buf;
        this.pos = start;
        this.limit = limit;
    }

    /**
     * Opens a top-level record and checks its version byte.
     *
     * @param maxVersion the highest format version the caller understands
     */
    public static RecordReader open(byte[] bytes, int maxVersion) {
        return open(bytes, bytes == null ? 0 : bytes.length, maxVersion);
    }

    /** {@link #open(byte[], int)} of the record held by the first {@code length} bytes of {@code bytes}. */
    public static RecordReader open(byte[] bytes, int length, int maxVersion) {
        if (bytes == null || length <= 0) {
            throw new StorageException("corrupt record: empty");
        }
        if (length > bytes.length) {
            throw new IllegalArgumentException("a record of " + length + " bytes in an array of " + bytes.length);
        }
        int v = bytes[0] & 0xFF;
        if (v == 0 || v > maxVersion) {
            throw new StorageException("unsupported record format version " + v + " (this release reads up to "
                    + maxVersion + ")");
        }
        RecordReader r = new RecordReader(bytes, 1, length);
        r.version = v;
        return r;
    }

    /** The record's format version (0 for nested readers). */
    public int version() {
        return version;
    }

    /** Advances to the next field; false at the end of the record. */
    public boolean next() {
        if (pos >= limit) {
            tag = -1;
            return false;
        }
        tag = varint();
        fieldLength = varint();
        fieldStart = pos;
        if (fieldLength > limit - pos) {
            throw new StorageException("corrupt record: field " + tag + " overruns the record");
        }
        pos += fieldLength;
        return true;
    }

    public int tag() {
        return tag;
    }

    public int length() {
        return fieldLength;
    }

    public String string() {
        return new String(buf, fieldStart, fieldLength, StandardCharsets.UTF_8);
    }

    public byte[] bytes() {
        byte[] out = new byte[fieldLength];
        System.arraycopy(buf, fieldStart, out, 0, fieldLength);
        return out;
    }

    public long int64() {
        expectLength(8);
        return getLong(fieldStart);
    }

    public int int32() {
        expectLength(4);
        return getInt(fieldStart);
    }

    public boolean bool() {
        expectLength(1);
        return buf[fieldStart] != 0;
    }

    public Instant instant() {
        expectLength(12);
        try {
            return Instant.ofEpochSecond(getLong(fieldStart), getInt(fieldStart + 8));
        } catch (RuntimeException e) {
            throw new StorageException("corrupt record: bad instant in field " + tag, e);
        }
    }

    /** The current field as a constant of {@code type}, by name. An unknown name is a corrupt record. */
    public <E extends Enum<E>> E enumValue(Class<E> type) {
        String name = string();
        try {
            return Enum.valueOf(type, name);
        } catch (IllegalArgumentException e) {
            throw new StorageException("unknown " + type.getSimpleName() + " '" + name + "' in field " + tag, e);
        }
    }

    /** A reader over the current field's payload, which is itself a tagged-field record. */
    public RecordReader nested() {
        return new RecordReader(buf, fieldStart, fieldStart + fieldLength);
    }

    private void expectLength(int n) {
        if (fieldLength != n) {
            throw new StorageException("corrupt record: field " + tag + " has length " + fieldLength
                    + ", expected " + n);
        }
    }

    private int varint() {
        int result = 0;
        for (int shift = 0; shift < 35; shift += 7) {
            if (pos >= limit) {
                throw new StorageException("corrupt record: truncated varint");
            }
            byte b = buf[pos++];
            result |= (b & 0x7F) << shift;
            if (b >= 0) {
                if (result < 0) {
                    break;
                }
                return result;
            }
        }
        throw new StorageException("corrupt record: bad varint");
    }

    private long getLong(int p) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (buf[p + i] & 0xFFL);
        }
        return v;
    }

    private int getInt(int p) {
        return ((buf[p] & 0xFF) << 24) | ((buf[p + 1] & 0xFF) << 16) | ((buf[p + 2] & 0xFF) << 8) | (buf[p + 3] & 0xFF);
    }
}
