package dev.rosetta.server.http;

/**
 * Where a request points: the bucket and key (both decoded; null when absent), and whether the
 * bucket came from the Host header (virtual-hosted style).
 */
public record Addressing(String bucket, String key, boolean virtualHosted) {
    public boolean hasBucket() {
        return bucket != null;
    }

    public boolean hasKey() {
        return key != null;
    }
}
