package dev.rosetta.auth.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 with one digest instance per thread. */
public final class Sha256 {
    /** SHA256HEX of the empty string. */
    public static final String EMPTY_HEX = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    });

    private Sha256() {
    }

    public static byte[] digest(byte[] data) {
        MessageDigest md = DIGEST.get();
        md.reset();
        return md.digest(data);
    }

    /** Lower-case hex SHA-256 of the UTF-8 bytes of {@code s}. */
    public static String hex(String s) {
        return Hex.encode(digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
