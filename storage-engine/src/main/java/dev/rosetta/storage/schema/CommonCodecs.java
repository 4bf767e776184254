package dev.rosetta.storage.schema;

import dev.rosetta.protocol.model.Owner;
import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.codec.RecordReader;
import dev.rosetta.storage.codec.RecordWriter;

/** Nested encodings shared by several records. */
final class CommonCodecs {
    private CommonCodecs() {
    }

    // Owner: 1 id, 2 displayName
    private static final int OWNER_ID = 1;
    private static final int OWNER_DISPLAY_NAME = 2;

    static void writeOwner(RecordWriter w, int tag, Owner owner) {
        if (owner == null) {
            return;
        }
        int mark = w.beginNested(tag);
        w.string(OWNER_ID, owner.id());
        w.string(OWNER_DISPLAY_NAME, owner.displayName());
        w.endNested(mark);
    }

    static Owner readOwner(RecordReader r) {
        String id = null;
        String displayName = null;
        while (r.next()) {
            switch (r.tag()) {
                case OWNER_ID -> id = r.string();
                case OWNER_DISPLAY_NAME -> displayName = r.string();
                default -> { }
            }
        }
        if (id == null) {
            throw new StorageException("corrupt record: owner without id");
        }
        return new Owner(id, displayName);
    }

    static <T> T require(T value, String record, String field) {
        if (value == null) {
            throw new StorageException("corrupt " + record + " record: missing " + field);
        }
        return value;
    }
}
