package dev.rosetta.protocol.model;

import java.util.Objects;

/** One object or bucket tag. */
public record Tag(String key, String value) {
    public Tag {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
