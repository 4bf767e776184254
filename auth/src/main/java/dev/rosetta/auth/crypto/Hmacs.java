package dev.rosetta.auth.crypto;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.ShortBufferException;
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
    private static final ThreadLocal<KeyedMac> KEYED_SHA256 = ThreadLocal.withInitial(() -> new KeyedMac(newMac(SHA256)));

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

    /**
     * HMAC-SHA256 of {@code data[offset, offset + length)} into {@code out[0, 32)}, allocating nothing. Meant for
     * a key used again and again (a V4 signing key): the thread's MAC stays initialised with the last key, so
     * the same key is not set up again; a MAC returns to its initialised state after each result.
     */
    public static void hmacSha256(byte[] key, byte[] data, int offset, int length, byte[] out) {
        KeyedMac keyed = KEYED_SHA256.get();
        try {
            if (!MessageDigest.isEqual(keyed.key, key)) { // constant time: both are secrets
                keyed.key = null;
                keyed.mac.init(new SecretKeySpec(key, SHA256));
                keyed.key = key.clone();
            }
            keyed.mac.update(data, offset, length);
            keyed.mac.doFinal(out, 0);
        } catch (InvalidKeyException | ShortBufferException e) {
            keyed.key = null;
            throw new IllegalStateException("HMAC key or output buffer rejected", e);
        }
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

    /** A thread's MAC and the key it is initialised with (a copy; null when none). */
    private static final class KeyedMac {
        private final Mac mac;
        private byte[] key;

        private KeyedMac(Mac mac) {
            this.mac = mac;
        }
    }

    private static Mac newMac(String algorithm) {
        try {
            return Mac.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " unavailable", e);
        }
    }
}
