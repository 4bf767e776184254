package dev.rosetta.auth;

/** Looks up credentials by access key. Implementations must be thread-safe and fast (called per request). */
public interface CredentialStore {

    /** The credential for this access key, or null when the key is unknown. */
    Credential find(String accessKey);
}
