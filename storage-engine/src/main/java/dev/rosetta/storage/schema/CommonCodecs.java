package dev.rosetta.storage.schema;

import dev.rosetta.protocol.model.Owner;
import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.codec.RecordReader;
import dev.rosetta.storage.codec.RecordWriter;
import dev.rosetta.storage.crypto.Envelope;
import java.util.LinkedHashMap;
import java.util.Map;

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

    // BlobRef: 1 id, 2 size, 3 envelope (absent: plaintext)
    private static final int BLOB_ID = 1;
    private static final int BLOB_SIZE = 2;
    private static final int BLOB_ENVELOPE = 3;

    static void writeBlob(RecordWriter w, int tag, BlobRef blob) {
        int mark = w.beginNested(tag);
        w.string(BLOB_ID, blob.id());
        w.int64(BLOB_SIZE, blob.size());
        writeEnvelope(w, BLOB_ENVELOPE, blob.envelope());
        w.endNested(mark);
    }

    static BlobRef readBlob(RecordReader r) {
        String id = null;
        Long size = null;
        Envelope envelope = null;
        while (r.next()) {
            switch (r.tag()) {
                case BLOB_ID -> id = r.string();
                case BLOB_SIZE -> size = r.int64();
                case BLOB_ENVELOPE -> envelope = readEnvelope(r.nested());
                default -> { }
            }
        }
        if (id == null || size == null) {
            throw new StorageException("corrupt record: incomplete blob reference");
        }
        try {
            return new BlobRef(id, size, envelope);
        } catch (IllegalArgumentException e) {
            throw new StorageException("corrupt record: " + e.getMessage(), e);
        }
    }

    // Envelope: 1 scheme (enum name), 2 keyId, 3 context, 4 wrappedKey, 5 iv, 6 cipher (AES256-CTR)
    private static final int ENVELOPE_SCHEME = 1;
    private static final int ENVELOPE_KEY_ID = 2;
    private static final int ENVELOPE_CONTEXT = 3;
    private static final int ENVELOPE_WRAPPED_KEY = 4;
    private static final int ENVELOPE_IV = 5;
    private static final int ENVELOPE_CIPHER = 6;

    static void writeEnvelope(RecordWriter w, int tag, Envelope e) {
        if (e == null) {
            return;
        }
        int mark = w.beginNested(tag);
        w.string(ENVELOPE_SCHEME, e.scheme().name());
        w.string(ENVELOPE_KEY_ID, e.keyId());
        w.string(ENVELOPE_CONTEXT, e.context());
        w.bytes(ENVELOPE_WRAPPED_KEY, e.wrappedKey());
        w.bytes(ENVELOPE_IV, e.iv());
        w.string(ENVELOPE_CIPHER, Envelope.CIPHER);
        w.endNested(mark);
    }

    /** Reads an envelope; one naming a cipher this release does not know is refused rather than misread. */
    static Envelope readEnvelope(RecordReader r) {
        String scheme = null;
        String keyId = null;
        String context = null;
        byte[] wrapped = null;
        byte[] iv = null;
        String cipher = null;
        while (r.next()) {
            switch (r.tag()) {
                case ENVELOPE_SCHEME -> scheme = r.string();
                case ENVELOPE_KEY_ID -> keyId = r.string();
                case ENVELOPE_CONTEXT -> context = r.string();
                case ENVELOPE_WRAPPED_KEY -> wrapped = r.bytes();
                case ENVELOPE_IV -> iv = r.bytes();
                case ENVELOPE_CIPHER -> cipher = r.string();
                default -> { }
            }
        }
        if (scheme == null || keyId == null || wrapped == null || iv == null) {
            throw new StorageException("corrupt record: incomplete encryption envelope");
        }
        if (cipher != null && !cipher.equals(Envelope.CIPHER)) {
            throw new StorageException("record encrypted with " + cipher + ", which this release cannot read");
        }
        try {
            return new Envelope(Envelope.Scheme.valueOf(scheme), keyId, context, wrapped, iv);
        } catch (IllegalArgumentException e) {
            throw new StorageException("corrupt record: " + e.getMessage(), e);
        }
    }

    // Checksum entry (repeated, in order): 1 algorithm, 2 base64 value
    private static final int CHECKSUM_NAME = 1;
    private static final int CHECKSUM_VALUE = 2;

    static void writeChecksums(RecordWriter w, int tag, Map<String, String> checksums) {
        for (Map.Entry<String, String> e : checksums.entrySet()) {
            int mark = w.beginNested(tag);
            w.string(CHECKSUM_NAME, e.getKey());
            w.string(CHECKSUM_VALUE, e.getValue());
            w.endNested(mark);
        }
    }

    /** Reads one checksum entry into {@code into} (created when null); returns the map. */
    static Map<String, String> readChecksum(RecordReader r, Map<String, String> into) {
        String name = null;
        String value = null;
        while (r.next()) {
            switch (r.tag()) {
                case CHECKSUM_NAME -> name = r.string();
                case CHECKSUM_VALUE -> value = r.string();
                default -> { }
            }
        }
        if (name == null || value == null) {
            throw new StorageException("corrupt record: incomplete checksum entry");
        }
        Map<String, String> out = into == null ? new LinkedHashMap<>() : into;
        out.put(name, value);
        return out;
    }

    static <T> T require(T value, String record, String field) {
        if (value == null) {
            throw new StorageException("corrupt " + record + " record: missing " + field);
        }
        return value;
    }
}
