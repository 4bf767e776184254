package dev.rosetta.server;

import dev.rosetta.auth.Credential;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.server.config.KeyPair;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Each access key is its own account. Its canonical user id is, like S3's, 64 hex characters: the
 * SHA-256 of the access key, so the id is stable across restarts and reveals nothing secret.
 */
final class Owners {
    private Owners() {
    }

    static Owner ownerOf(KeyPair pair) {
        String id;
        try {
            id = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(("rosetta-owner:" + pair.accessKey()).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return new Owner(id, pair.displayName() != null ? pair.displayName() : pair.accessKey());
    }

    static Credential credentialOf(KeyPair pair) {
        return new Credential(pair.accessKey(), pair.secretKey(), ownerOf(pair));
    }
}
