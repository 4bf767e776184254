package dev.rosetta.storage.codec;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;

/**
 * Writes a versioned, tagged-field record: one format-version byte, then fields, each
 * {@code varint tag, varint length, payload}. Absent (null) values are simply not written, so a
 * reader defaults them; readers skip tags they do not know. That is what lets fields be added
 * without migrating stored data.
 *
 * <p>Payloads: strings are UTF-8; {@code int64}/instants are fixed big-endian (instants as epoch
 * seconds then nanos, 12 bytes); booleans one byte; enums their constant name (stable under
 * reordering); nested records are tagged fields again, without a version byte.
 *
 * <p>Hand-written, no reflection: one growable array, nested lengths patched in place.
 * Not thread-safe; one writer per encode.
 */
public final class RecordWriter {
    private byte[] buf;
    private int pos;

    private RecordWriter(int capacity) {
        buf = new byte[capacity];
    }

    /** A writer whose first byte is {@code version} (1..255). */
    public static RecordWriter begin(int version) {
        return begin(version, 128);
    }

    /** As {@link #begin(int)}, with room for about {@code expectedBytes} so the buffer need not grow. */
    public static RecordWriter begin(int version, int expectedBytes) {
        if (version < 1 || version > 255) {
            throw new IllegalArgumentException("format version must be 1..255: " + version);
        }
        RecordWriter w = new RecordWriter(Math.max(64, expectedBytes));
        w.buf[w.pos++] = (byte) version;
        return w;
    }

    public RecordWriter string(int tag, String value) {
        if (value != null) {
            bytes(tag, value.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    public RecordWriter bytes(int tag, byte[] value) {
        if (value != null) {
            header(tag, value.length);
            ensure(value.length);
            System.arraycopy(value, 0, buf, pos, value.length);
            pos += value.length;
        }
        return this;
    }

    public RecordWriter int64(int tag, long value) {
        header(tag, 8);
        putLong(value);
        return this;
    }

    public RecordWriter int32(int tag, int value) {
        header(tag, 4);
        putInt(value);
        return this;
    }

    public RecordWriter bool(int tag, Boolean value) {
        if (value != null) {
            header(tag, 1);
            ensure(1);
            buf[pos++] = (byte) (value ? 1 : 0);
        }
        return this;
    }

    public RecordWriter instant(int tag, Instant value) {
        if (value != null) {
            header(tag, 12);
            putLong(value.getEpochSecond());
            putInt(value.getNano());
        }
        return this;
    }

    public RecordWriter enumName(int tag, Enum<?> value) {
        return value == null ? this : string(tag, value.name());
    }

    /**
     * Starts a nested record under {@code tag}; write its fields, then call {@link #endNested(int)}
     * with the returned mark.
     */
    public int beginNested(int tag) {
        varint(tag);
        ensure(1);
        int mark = pos;
        buf[pos++] = 0; // one-byte length placeholder, widened in endNested when needed
        return mark;
    }

    public RecordWriter endNested(int mark) {
        int start = mark + 1;
        int len = pos - start;
        int width = varintSize(len);
        if (width > 1) {
            ensure(width - 1);
            System.arraycopy(buf, start, buf, start + width - 1, len);
            pos += width - 1;
        }
        int p = mark;
        int v = len;
        while ((v & ~0x7F) != 0) {
            buf[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[p] = (byte) v;
        return this;
    }

    public byte[] toByteArray() {
        return Arrays.copyOf(buf, pos);
    }

    private void header(int tag, int length) {
        varint(tag);
        varint(length);
    }

    private void varint(int v) {
        if (v < 0) {
            throw new IllegalArgumentException("negative varint " + v);
        }
        ensure(5);
        while ((v & ~0x7F) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    static int varintSize(int v) {
        int n = 1;
        while ((v & ~0x7F) != 0) {
            v >>>= 7;
            n++;
        }
        return n;
    }

    private void putLong(long v) {
        ensure(8);
        for (int s = 56; s >= 0; s -= 8) {
            buf[pos++] = (byte) (v >>> s);
        }
    }

    private void putInt(int v) {
        ensure(4);
        buf[pos++] = (byte) (v >>> 24);
        buf[pos++] = (byte) (v >>> 16);
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
    }

    private void ensure(int extra) {
        if (pos + extra > buf.length) {
            buf = Arrays.copyOf(buf, Math.max(buf.length * 2, pos + extra));
        }
    }
}
