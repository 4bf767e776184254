package dev.rosetta.storage.schema;

import dev.rosetta.storage.PartRecord;
import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.codec.RecordReader;
import dev.rosetta.storage.codec.RecordWriter;
import dev.rosetta.storage.kv.ValueCodec;
import java.time.Instant;
import java.util.Map;

/**
 * Value codec of the {@code parts} family. Version 1 tags:
 * {@code 1 partNumber (int32), 2 etag, 3 lastModified, 4 checksum (repeated, in order) {1 algorithm,
 * 2 base64 value}, 5 blob {1 id, 2 size, 3 envelope (encrypted parts, see CommonCodecs)}}. The size is the blob's. New fields get new tags; never reuse
 * or renumber one.
 */
public final class PartRecordCodec implements ValueCodec<PartRecord> {
    public static final PartRecordCodec INSTANCE = new PartRecordCodec();
    public static final int VERSION = 1;

    static final int PART_NUMBER = 1;
    static final int ETAG = 2;
    static final int LAST_MODIFIED = 3;
    static final int CHECKSUM = 4;
    static final int BLOB = 5;

    private PartRecordCodec() {
    }

    @Override
    public byte[] encode(PartRecord p) {
        RecordWriter w = RecordWriter.begin(VERSION);
        w.int32(PART_NUMBER, p.partNumber());
        w.string(ETAG, p.etag());
        w.instant(LAST_MODIFIED, p.lastModified());
        CommonCodecs.writeChecksums(w, CHECKSUM, p.checksums());
        CommonCodecs.writeBlob(w, BLOB, p.blob());
        return w.toByteArray();
    }

    @Override
    public PartRecord decode(byte[] bytes) {
        RecordReader r = RecordReader.open(bytes, VERSION);
        Integer number = null;
        String etag = null;
        Instant lastModified = null;
        Map<String, String> checksums = null;
        BlobRef blob = null;
        while (r.next()) {
            switch (r.tag()) {
                case PART_NUMBER -> number = r.int32();
                case ETAG -> etag = r.string();
                case LAST_MODIFIED -> lastModified = r.instant();
                case CHECKSUM -> checksums = CommonCodecs.readChecksum(r.nested(), checksums);
                case BLOB -> blob = CommonCodecs.readBlob(r.nested());
                default -> { }
            }
        }
        String what = "part";
        BlobRef b = CommonCodecs.require(blob, what, "blob");
        try {
            return new PartRecord(CommonCodecs.require(number, what, "partNumber"), b.size(),
                    CommonCodecs.require(etag, what, "etag"), CommonCodecs.require(lastModified, what, "lastModified"),
                    checksums, b);
        } catch (IllegalArgumentException e) {
            throw new StorageException("corrupt part record: " + e.getMessage(), e);
        }
    }
}
