package dev.rosetta.auth;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/** A fixed set of credentials, given at start-up. */
public final class StaticCredentialStore implements CredentialStore {
    private final Map<String, Credential> byAccessKey;

    /** @throws IllegalArgumentException when two credentials share an access key */
    public StaticCredentialStore(Collection<Credential> creds) {
        Map<String, Credential> map = new HashMap<>(Math.max(4, creds.size() * 2));
        for (Credential c : creds) {
            if (map.putIfAbsent(c.accessKey(), c) != null) {
                throw new IllegalArgumentException("duplicate access key " + c.accessKey());
            }
        }
        this.byAccessKey = Map.copyOf(map);
    }

    @Override
    public Credential find(String accessKey) {
        return accessKey == null ? null : byAccessKey.get(accessKey);
    }

    @Override
    public String toString() {
        return "StaticCredentialStore[" + byAccessKey.size() + " credentials]";
    }
}
