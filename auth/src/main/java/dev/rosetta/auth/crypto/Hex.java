package dev.rosetta.auth.crypto;

/** Lower-case hexadecimal encoding and lenient (either case) decoding. */
public final class Hex {
    private static final char[] DIGITS = "0123456789abcdef".toCharArray();

    private Hex() {
    }

    public static String encode(byte[] bytes) {
        char[] out = new char[bytes.length * 2];
        for (int i = 0, j = 0; i < bytes.length; i++) {
            int v = bytes[i] & 0xFF;
            out[j++] = DIGITS[v >>> 4];
            out[j++] = DIGITS[v & 0xF];
        }
        return new String(out);
    }

    /** The bytes of a hex string (either case), or null when it is not an even-length hex string. */
    public static byte[] decode(CharSequence hex) {
        int n = hex.length();
        if ((n & 1) != 0) {
            return null;
        }
        byte[] out = new byte[n / 2];
        for (int i = 0; i < n; i += 2) {
            int hi = digit(hex.charAt(i));
            int lo = digit(hex.charAt(i + 1));
            if (hi < 0 || lo < 0) {
                return null;
            }
            out[i / 2] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /** True when {@code s} is exactly {@code length} hex digits (either case). */
    public static boolean isHex(CharSequence s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (digit(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    /** The UTF-8 bytes of {@code s} as space-separated lower-case hex pairs (S3's {@code StringToSignBytes}). */
    public static String spacedBytes(byte[] bytes) {
        if (bytes.length == 0) {
            return "";
        }
        StringBuilder sb = new StringBuilder(bytes.length * 3);
        for (byte b : bytes) {
            int v = b & 0xFF;
            sb.append(DIGITS[v >>> 4]).append(DIGITS[v & 0xF]).append(' ');
        }
        sb.setLength(sb.length() - 1);
        return sb.toString();
    }

    /** The value of one hex digit (either case), or -1. */
    public static int digit(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }
}
