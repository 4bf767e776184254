package dev.rosetta.auth;

import dev.rosetta.protocol.model.Owner;
import java.util.Objects;

/**
 * An access key, its secret and the account it acts for. {@link #toString()} never shows the secret.
 */
public record Credential(String accessKey, String secretKey, Owner owner) {
    public Credential {
        Objects.requireNonNull(accessKey, "accessKey");
        Objects.requireNonNull(secretKey, "secretKey");
        Objects.requireNonNull(owner, "owner");
        if (accessKey.isEmpty()) {
            throw new IllegalArgumentException("empty access key");
        }
    }

    @Override
    public String toString() {
        return "Credential[accessKey=" + accessKey + ", owner=" + owner + "]";
    }
}
