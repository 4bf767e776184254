package dev.rosetta.auth.cos;

/**
 * A COS {@code q-sign-time} / {@code q-key-time} value {@code <start>;<end>} in Unix seconds (dialects.md §4.1).
 *
 * @param text  the value as sent (it is signed verbatim)
 * @param start first second of validity
 * @param end   last second of validity
 */
public record CosTimeWindow(String text, long start, long end) {

    /** The window, or null when the value is not two decimal numbers {@code start;end} with start ≤ end. */
    public static CosTimeWindow parse(String text) {
        if (text == null) {
            return null;
        }
        int semi = text.indexOf(';');
        if (semi < 0) {
            return null;
        }
        long start = seconds(text, 0, semi);
        long end = seconds(text, semi + 1, text.length());
        if (start < 0 || end < 0 || end < start) {
            return null;
        }
        return new CosTimeWindow(text, start, end);
    }

    private static long seconds(String s, int from, int to) {
        if (to <= from || to - from > 12) {
            return -1;
        }
        long v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }
}
