package dev.rosetta.auth.crypto;

import java.util.Base64;

/** Standard base64 (with padding), as the V2-family signatures use it. */
public final class Base64Codec {
    private Base64Codec() {
    }

    public static String encode(byte[] bytes) {
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The decoded bytes, or null when {@code s} is not base64 (a signature that then cannot match). */
    public static byte[] decodeOrNull(String s) {
        try {
            return Base64.getDecoder().decode(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
