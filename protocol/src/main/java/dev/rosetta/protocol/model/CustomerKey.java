package dev.rosetta.protocol.model;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;

/**
 * An SSE-C key as a request presented it: 32 bytes and the base64 MD5 the client computed (already checked
 * to match). Held only for the request; never stored, logged or printed ({@link #toString()} shows the MD5
 * only).
 */
public final class CustomerKey {
    private final byte[] key;
    private final String keyMd5;

    public CustomerKey(byte[] key, String keyMd5) {
        Objects.requireNonNull(key, "key");
        if (key.length != 32) {
            throw new IllegalArgumentException("an SSE-C key has 32 bytes");
        }
        this.key = key.clone();
        this.keyMd5 = Objects.requireNonNull(keyMd5, "keyMd5");
    }

    /** A copy of the 32 key bytes. */
    public byte[] key() {
        return key.clone();
    }

    /** Base64 MD5 of the key, as S3 echoes it. */
    public String keyMd5() {
        return keyMd5;
    }

    /** Whether this key's MD5 is {@code storedMd5} (constant time). */
    public boolean matches(String storedMd5) {
        if (storedMd5 == null) {
            return false;
        }
        byte[] a;
        byte[] b;
        try {
            a = Base64.getDecoder().decode(keyMd5);
            b = Base64.getDecoder().decode(storedMd5.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(a, b);
    }

    /** Overwrites the key bytes held here (best effort: the JVM may have copied them). */
    public void destroy() {
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return "CustomerKey[md5=" + keyMd5 + "]";
    }
}
