package dev.rosetta.protocol.model;

import java.util.Objects;

/** An account: the canonical user id S3 shows in Owner/Initiator elements, and a display name. */
public record Owner(String id, String displayName) {
    public Owner {
        Objects.requireNonNull(id, "id");
        if (displayName == null) {
            displayName = id;
        }
    }
}
