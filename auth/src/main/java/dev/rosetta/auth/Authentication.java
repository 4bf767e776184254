package dev.rosetta.auth;

import java.util.Objects;

/**
 * The outcome of a successful authentication: who signed (null credential when anonymous), how, and
 * what the server must still check while reading the body.
 */
public record Authentication(AuthScheme scheme, Credential credential, PayloadRequirement payload) {
    private static final Authentication ANONYMOUS =
            new Authentication(AuthScheme.ANONYMOUS, null, PayloadRequirement.none());

    public Authentication {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(payload, "payload");
        if ((scheme == AuthScheme.ANONYMOUS) != (credential == null)) {
            throw new IllegalArgumentException("credential must be null exactly when anonymous");
        }
    }

    public static Authentication anonymous() {
        return ANONYMOUS;
    }

    public boolean isAnonymous() {
        return scheme == AuthScheme.ANONYMOUS;
    }
}
