package dev.rosetta.storage.kv;

import java.util.Arrays;

/**
 * A half-open range of encoded keys, {@code [start, end)}; {@code end == null} means unbounded.
 * Produced by the schema's key helpers (prefix ranges and the like), consumed by {@link Table}: stores
 * pass ranges around without looking inside.
 */
public final class KeyRange {
    private static final byte[] EMPTY = new byte[0];

    private final byte[] start;
    private final byte[] end;

    private KeyRange(byte[] start, byte[] end) {
        this.start = start;
        this.end = end;
    }

    /** {@code [start, end)}; a null end means "to the end of the column family". */
    public static KeyRange of(byte[] start, byte[] end) {
        return new KeyRange(start == null ? EMPTY : start, end);
    }

    /** Every key that starts with {@code prefix}. */
    public static KeyRange prefix(byte[] prefix) {
        return new KeyRange(prefix, successor(prefix));
    }

    public static KeyRange all() {
        return new KeyRange(EMPTY, null);
    }

    /** Inclusive lower bound. Callers must not modify the array. */
    public byte[] start() {
        return start;
    }

    /** Exclusive upper bound, or null for none. Callers must not modify the array. */
    public byte[] end() {
        return end;
    }

    public boolean contains(byte[] key) {
        return Arrays.compareUnsigned(key, start) >= 0 && (end == null || Arrays.compareUnsigned(key, end) < 0);
    }

    /**
     * The smallest byte string greater than every string that starts with {@code prefix}: trailing
     * 0xFF bytes dropped, the last remaining byte incremented. Null when there is none (all 0xFF or
     * empty), meaning unbounded.
     */
    public static byte[] successor(byte[] prefix) {
        int i = prefix.length - 1;
        while (i >= 0 && prefix[i] == (byte) 0xFF) {
            i--;
        }
        if (i < 0) {
            return null;
        }
        byte[] out = Arrays.copyOf(prefix, i + 1);
        out[i]++;
        return out;
    }

    @Override
    public String toString() {
        return "KeyRange[" + hex(start) + ", " + (end == null ? "∞" : hex(end)) + ")";
    }

    private static String hex(byte[] b) {
        StringBuilder sb = new StringBuilder(b.length * 2);
        for (byte x : b) {
            sb.append(Character.forDigit((x >> 4) & 0xF, 16)).append(Character.forDigit(x & 0xF, 16));
        }
        return sb.toString();
    }
}
