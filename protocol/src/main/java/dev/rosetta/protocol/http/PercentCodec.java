package dev.rosetta.protocol.http;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The percent-encodings S3 and its dialects use (see docs/dialects.md, "Shared primitives").
 * Hand-written because they are on every request's path and the JDK's URLEncoder encodes differently
 * (space as '+', '*' and '~' wrongly).
 */
public final class PercentCodec {
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
    private static final boolean[] UNRESERVED = new boolean[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            UNRESERVED[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            UNRESERVED[c] = true;
        }
        for (char c = '0'; c <= '9'; c++) {
            UNRESERVED[c] = true;
        }
        UNRESERVED['-'] = true;
        UNRESERVED['_'] = true;
        UNRESERVED['.'] = true;
        UNRESERVED['~'] = true;
    }

    private PercentCodec() {
    }

    /** RFC 3986 encoding: everything but {@code A-Z a-z 0-9 - _ . ~} as upper-case {@code %XX} per UTF-8 byte. */
    public static String uriEncode(String s) {
        return encode(s, false);
    }

    /** As {@link #uriEncode} but {@code /} is kept (SigV4 canonical URI, encoding-type=url listings). */
    public static String uriEncodePath(String s) {
        return encode(s, true);
    }

    private static String encode(String s, boolean keepSlash) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (!(c < 128 && (UNRESERVED[c] || (keepSlash && c == '/')))) {
                break;
            }
            i++;
        }
        if (i == n) {
            return s;
        }
        StringBuilder out = new StringBuilder(n + 16);
        out.append(s, 0, i);
        byte[] bytes = s.substring(i).getBytes(StandardCharsets.UTF_8);
        for (byte b : bytes) {
            int v = b & 0xFF;
            if (v < 128 && (UNRESERVED[v] || (keepSlash && v == '/'))) {
                out.append((char) v);
            } else {
                out.append('%').append(HEX_UPPER[v >>> 4]).append(HEX_UPPER[v & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * Decodes {@code %XX} sequences as UTF-8. {@code +} stays {@code +} (path semantics).
     *
     * @throws IllegalArgumentException on a truncated or non-hex escape
     */
    public static String decodePath(String s) {
        return decode(s, false);
    }

    /** Decodes a query component: {@code %XX} as UTF-8 and {@code +} as a space (form encoding). */
    public static String decodeQuery(String s) {
        return decode(s, true);
    }

    private static String decode(String s, boolean plusIsSpace) {
        int n = s.length();
        int first = -1;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c == '%' || (plusIsSpace && c == '+')) {
                first = i;
                break;
            }
        }
        if (first < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(n);
        byte[] prefix = s.substring(0, first).getBytes(StandardCharsets.UTF_8);
        out.write(prefix, 0, prefix.length);
        int i = first;
        while (i < n) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= n) {
                    throw new IllegalArgumentException("truncated percent escape");
                }
                int hi = hexValue(s.charAt(i + 1));
                int lo = hexValue(s.charAt(i + 2));
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("invalid percent escape");
                }
                out.write((hi << 4) | lo);
                i += 3;
            } else if (plusIsSpace && c == '+') {
                out.write(' ');
                i++;
            } else if (c < 128) {
                out.write(c);
                i++;
            } else {
                int end = i + 1;
                while (end < n && s.charAt(end) >= 128 && s.charAt(end) != '%') {
                    end++;
                }
                byte[] bytes = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
                out.write(bytes, 0, bytes.length);
                i = end;
            }
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    /** ASCII hex only: Character.digit would also accept full-width and other Unicode digits. */
    private static int hexValue(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        return -1;
    }
}
