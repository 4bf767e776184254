package dev.rosetta.storage;

import java.security.SecureRandom;

/**
 * Multipart upload ids: 32 upper-case hex characters. The first 12 are the initiation time in
 * milliseconds since the epoch (48 bits, good until the year 10889), the other 20 are 80 bits from a
 * {@link SecureRandom}. Ids therefore sort by initiation time, cannot be guessed, and fit OBS's
 * 1..32-character limit. Thread-safe.
 */
public final class UploadIdGenerator {
    public static final int LENGTH = 32;
    private static final int TIME_CHARS = 12;
    private static final int RANDOM_BYTES = 10;
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final SecureRandom random;

    public UploadIdGenerator() {
        this(new SecureRandom());
    }

    public UploadIdGenerator(SecureRandom random) {
        this.random = random;
    }

    /** A new id for an upload initiated at {@code epochMillis}. */
    public String next(long epochMillis) {
        if (epochMillis < 0 || epochMillis >= (1L << 48)) {
            throw new IllegalArgumentException("time out of range: " + epochMillis);
        }
        byte[] rnd = new byte[RANDOM_BYTES];
        random.nextBytes(rnd);
        char[] out = new char[LENGTH];
        for (int i = TIME_CHARS - 1; i >= 0; i--) {
            out[i] = HEX[(int) (epochMillis & 0xF)];
            epochMillis >>>= 4;
        }
        int p = TIME_CHARS;
        for (byte b : rnd) {
            out[p++] = HEX[(b >> 4) & 0xF];
            out[p++] = HEX[b & 0xF];
        }
        return new String(out);
    }

    /** Whether {@code id} has the shape of an id this class makes (cheap pre-check of client input). */
    public static boolean isWellFormed(String id) {
        if (id == null || id.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            char c = id.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'A' && c <= 'F'))) {
                return false;
            }
        }
        return true;
    }

    /** The initiation time encoded in a well-formed id, in epoch milliseconds. */
    public static long epochMillisOf(String id) {
        if (!isWellFormed(id)) {
            throw new IllegalArgumentException("not an upload id: " + id);
        }
        return Long.parseLong(id.substring(0, TIME_CHARS), 16);
    }
}
