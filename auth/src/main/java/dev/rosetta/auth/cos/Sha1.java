package dev.rosetta.auth.cos;

import dev.rosetta.auth.crypto.Hex;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-1 with one digest instance per thread (COS hashes its HttpString with it, §4.2). */
final class Sha1 {
    private static final ThreadLocal<MessageDigest> DIGEST = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 unavailable", e);
        }
    });

    private Sha1() {
    }

    /** Lower-case hex SHA-1 of the UTF-8 bytes of {@code s}. */
    static String hex(String s) {
        MessageDigest md = DIGEST.get();
        md.reset();
        return Hex.encode(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    }
}
