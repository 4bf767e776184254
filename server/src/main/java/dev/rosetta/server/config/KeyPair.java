package dev.rosetta.server.config;

/** One configured access key and its secret; {@code displayName} may be null. */
public record KeyPair(String accessKey, String secretKey, String displayName) {
    public KeyPair {
        if (accessKey == null || accessKey.isBlank()) {
            throw new ConfigException("an access key must not be empty");
        }
        if (secretKey == null || secretKey.isBlank()) {
            throw new ConfigException("the secret key of access key " + accessKey + " must not be empty");
        }
    }

    @Override
    public String toString() {
        return "KeyPair[accessKey=" + accessKey + ", displayName=" + displayName + "]";
    }
}
