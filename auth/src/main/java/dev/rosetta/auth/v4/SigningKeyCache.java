package dev.rosetta.auth.v4;

import dev.rosetta.auth.Credential;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * V4 signing keys per (access key, secret prefix, scope), so the four-HMAC derivation runs once per key
 * and day instead of once per request. Bounded: when full, entries of other dates go first, then all.
 * An entry remembers the secret it was derived from, so a rotated secret is never served a stale key.
 */
public final class SigningKeyCache {
    public static final int DEFAULT_MAX_ENTRIES = 10_000;

    private final int maxEntries;
    private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();

    public SigningKeyCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be positive");
        }
        this.maxEntries = maxEntries;
    }

    /** The signing key; the returned array is shared and must not be modified. */
    public byte[] signingKey(Credential credential, String secretPrefix, V4Scope scope) {
        Key key = new Key(credential.accessKey(), secretPrefix, scope);
        Entry entry = entries.get(key);
        if (entry != null && entry.secretKey.equals(credential.secretKey())) {
            return entry.signingKey;
        }
        byte[] derived = V4Signer.deriveSigningKey(secretPrefix, credential.secretKey(), scope);
        if (entry == null && entries.size() >= maxEntries) {
            evict(scope.date());
        }
        entries.put(key, new Entry(credential.secretKey(), derived));
        return derived;
    }

    /** Number of cached keys. */
    public int size() {
        return entries.size();
    }

    private void evict(String keepDate) {
        for (Iterator<Map.Entry<Key, Entry>> it = entries.entrySet().iterator(); it.hasNext(); ) {
            if (!it.next().getKey().scope.date().equals(keepDate)) {
                it.remove();
            }
        }
        if (entries.size() >= maxEntries) {
            entries.clear();
        }
    }

    @Override
    public String toString() {
        return "SigningKeyCache[" + entries.size() + "/" + maxEntries + "]";
    }

    private record Key(String accessKey, String secretPrefix, V4Scope scope) {
    }

    /** Holds secret material: no record, so no generated toString. */
    private static final class Entry {
        final String secretKey;
        final byte[] signingKey;

        Entry(String secretKey, byte[] signingKey) {
            this.secretKey = secretKey;
            this.signingKey = signingKey;
        }
    }
}
