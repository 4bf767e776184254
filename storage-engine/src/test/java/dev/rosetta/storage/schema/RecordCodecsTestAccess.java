package dev.rosetta.storage.schema;

import dev.rosetta.protocol.model.ObjectHeaders;

/** Shares test fixtures of this package with tests in other packages. */
public final class RecordCodecsTestAccess {
    private RecordCodecsTestAccess() {
    }

    public static ObjectHeaders fullHeaders() {
        return RecordCodecsTest.fullHeaders();
    }
}
