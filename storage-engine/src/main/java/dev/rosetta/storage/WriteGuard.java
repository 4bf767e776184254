package dev.rosetta.storage;

/**
 * A condition on the current object, checked under the key's lock just before a write or delete
 * commits: If-Match / If-None-Match, COS forbid-overwrite, object-lock retention, ... The server builds
 * them; the store only calls them. A guard runs under the key's lock: keep it to in-memory checks.
 */
@FunctionalInterface
public interface WriteGuard {
    /** No condition. */
    WriteGuard NONE = existing -> { };

    /**
     * @param existing the object currently at the key, or null
     * @throws dev.rosetta.protocol.error.S3Exception to refuse the write (nothing is changed)
     */
    void check(ObjectRecord existing);
}
