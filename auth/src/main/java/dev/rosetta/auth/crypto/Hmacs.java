package dev.rosetta.auth.crypto;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA1 / HMAC-SHA256 with one {@link Mac} instance per thread and algorithm (Mac.getInstance is
 * slow; Mac is not thread-safe). Also the constant-time comparison every verifier uses.
 */
public final class Hmacs {
    private static final String SHA1 = "HmacSHA1";
    private static final String SHA256 = "HmacSHA256";
    private static final ThreadLocal<Mac> MAC_SHA1 = ThreadLocal.withInitial(() -> newMac(SHA1));
    private static final ThreadLocal<Mac> MAC_SHA256 = ThreadLocal.withInitial(() -> newMac(SHA256));

    private Hmacs() {
    }

    public static byte[] hmacSha1(byte[] key, String data) {
        return mac(MAC_SHA1.get(), SHA1, key, data.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmacSha256(byte[] key, String data) {
        return mac(MAC_SHA256.get(), SHA256, key, data.getBytes(StandardCharsets.UTF_8));
    }

    public static byte[] hmacSha256(byte[] key, byte[] data) {
        return mac(MAC_SHA256.get(), SHA256, key, data);
    }

    /** Constant-time equality of two byte strings (a signature received against one computed). */
    public static boolean constantTimeEquals(byte[] expected, byte[] provided) {
        return expected != null && provided != null && MessageDigest.isEqual(expected, provided);
    }

    private static byte[] mac(Mac mac, String algorithm, byte[] key, byte[] data) {
        try {
            mac.init(new SecretKeySpec(key, algorithm));
        } catch (InvalidKeyException e) {
            throw new IllegalStateException("HMAC key rejected", e);
        }
        return mac.doFinal(data);
    }

    private static Mac newMac(String algorithm) {
        try {
            return Mac.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }
}
