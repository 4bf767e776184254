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
        if ((hex.length() & 1) != 0) {
            return null;
        }
        byte[] out = new byte[hex.length() / 2];
        return decodeInto(hex, out) ? out : null;
    }

    /**
     * Decodes {@code hex} (either case) into {@code out}, allocating nothing.
     *
     * @return false when it is not exactly {@code 2 * out.length} hex digits ({@code out} is then undefined)
     */
    public static boolean decodeInto(CharSequence hex, byte[] out) {
        if (hex.length() != 2 * out.length) {
            return false;
        }
        for (int i = 0; i < out.length; i++) {
            int hi = digit(hex.charAt(2 * i));
            int lo = digit(hex.charAt(2 * i + 1));
            if (hi < 0 || lo < 0) {
                return false;
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return true;
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

    private static int digit(char c) {
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
