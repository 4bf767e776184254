package dev.rosetta.storage.schema;

import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.storage.ManifestPart;
import dev.rosetta.storage.ObjectBody;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.codec.RecordReader;
import dev.rosetta.storage.codec.RecordWriter;
import dev.rosetta.storage.kv.ValueCodec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Value codec of the {@code objects} family. Version 1 tags:
 *
 * <pre>
 *  1 bucket  2 key  3 size (int64)  4 etag  5 lastModified  6 owner  7 dialect
 *  8 headers (see ObjectHeadersCodec)
 *  9 checksum (repeated, in order) { 1 algorithm, 2 base64 value }
 * 10 checksumType
 * body, exactly one of:
 *   11 inline bytes
 *   12 blob { 1 id, 2 size, 3 envelope (encrypted blobs) }
 *   13 manifest { 1 part (repeated, in order) { 1 partNumber (int32), 2 blob { 1 id, 2 size }, 3 etag,
 *                                               4 checksum (repeated) { 1 algorithm, 2 value } } }
 * 14 completedUploadId
 * 15 inline envelope { see CommonCodecs: 1 scheme, 2 keyId, 3 context, 4 wrappedKey, 5 iv, 6 cipher }
 *    (with 11: the inline bytes are ciphertext; a blob's envelope is tag 3 of its blob { })
 * </pre>
 *
 * Bucket and key repeat the record's key so that a value decodes on its own. New fields get new tags;
 * never reuse or renumber one.
 */
public final class ObjectRecordCodec implements ValueCodec<ObjectRecord> {
    public static final ObjectRecordCodec INSTANCE = new ObjectRecordCodec();
    public static final int VERSION = 1;

    static final int BUCKET = 1;
    static final int KEY = 2;
    static final int SIZE = 3;
    static final int ETAG = 4;
    static final int LAST_MODIFIED = 5;
    static final int OWNER = 6;
    static final int DIALECT = 7;
    static final int HEADERS = 8;
    static final int CHECKSUM = 9;
    static final int CHECKSUM_TYPE = 10;
    static final int BODY_INLINE = 11;
    static final int BODY_BLOB = 12;
    static final int BODY_MANIFEST = 13;
    static final int COMPLETED_UPLOAD_ID = 14;
    static final int INLINE_ENVELOPE = 15;

    private static final int MANIFEST_PART = 1;
    private static final int PART_NUMBER = 1;
    private static final int PART_BLOB = 2;
    private static final int PART_ETAG = 3;
    private static final int PART_CHECKSUM = 4;

    private ObjectRecordCodec() {
    }

    @Override
    public byte[] encode(ObjectRecord o) {
        // an inline body is most of the record: size the buffer for it once
        int inline = o.body() instanceof ObjectBody.Inline in ? in.bytes().length : 0;
        RecordWriter w = RecordWriter.begin(VERSION, inline + 512);
        w.string(BUCKET, o.bucket());
        w.string(KEY, o.key());
        w.int64(SIZE, o.size());
        w.string(ETAG, o.etag());
        w.instant(LAST_MODIFIED, o.lastModified());
        CommonCodecs.writeOwner(w, OWNER, o.owner());
        w.string(DIALECT, o.dialect());
        ObjectHeadersCodec.write(w, HEADERS, o.headers());
        CommonCodecs.writeChecksums(w, CHECKSUM, o.checksums());
        w.string(CHECKSUM_TYPE, o.checksumType());
        writeBody(w, o.body());
        w.string(COMPLETED_UPLOAD_ID, o.completedUploadId());
        return w.toByteArray();
    }

    private static void writeBody(RecordWriter w, ObjectBody body) {
        if (body instanceof ObjectBody.Inline inline) {
            w.bytes(BODY_INLINE, inline.bytes());
            CommonCodecs.writeEnvelope(w, INLINE_ENVELOPE, inline.envelope());
        } else if (body instanceof ObjectBody.Blob blob) {
            CommonCodecs.writeBlob(w, BODY_BLOB, blob.ref());
        } else {
            int m = w.beginNested(BODY_MANIFEST);
            for (ManifestPart p : ((ObjectBody.Manifest) body).parts()) {
                int pm = w.beginNested(MANIFEST_PART);
                w.int32(PART_NUMBER, p.partNumber());
                CommonCodecs.writeBlob(w, PART_BLOB, p.blob());
                w.string(PART_ETAG, p.etag());
                CommonCodecs.writeChecksums(w, PART_CHECKSUM, p.checksums());
                w.endNested(pm);
            }
            w.endNested(m);
        }
    }

    @Override
    public ObjectRecord decode(byte[] bytes) {
        return decode(bytes, bytes.length);
    }

    /** Decodes in place: every field kept is copied out of {@code buffer} (strings, the inline body). */
    @Override
    public ObjectRecord decode(byte[] buffer, int length) {
        RecordReader r = RecordReader.open(buffer, length, VERSION);
        String bucket = null;
        String key = null;
        Long size = null;
        String etag = null;
        Instant lastModified = null;
        Owner owner = null;
        String dialect = null;
        ObjectHeaders headers = null;
        Map<String, String> checksums = null;
        String checksumType = null;
        ObjectBody body = null;
        String completedUploadId = null;
        dev.rosetta.storage.crypto.Envelope inlineEnvelope = null;
        while (r.next()) {
            switch (r.tag()) {
                case BUCKET -> bucket = r.string();
                case KEY -> key = r.string();
                case SIZE -> size = r.int64();
                case ETAG -> etag = r.string();
                case LAST_MODIFIED -> lastModified = r.instant();
                case OWNER -> owner = CommonCodecs.readOwner(r.nested());
                case DIALECT -> dialect = r.string();
                case HEADERS -> headers = ObjectHeadersCodec.read(r.nested());
                case CHECKSUM -> checksums = CommonCodecs.readChecksum(r.nested(), checksums);
                case CHECKSUM_TYPE -> checksumType = r.string();
                case BODY_INLINE -> body = new ObjectBody.Inline(r.bytes());
                case BODY_BLOB -> body = new ObjectBody.Blob(CommonCodecs.readBlob(r.nested()));
                case BODY_MANIFEST -> body = readManifest(r.nested());
                case COMPLETED_UPLOAD_ID -> completedUploadId = r.string();
                case INLINE_ENVELOPE -> inlineEnvelope = CommonCodecs.readEnvelope(r.nested());
                default -> { }
            }
        }
        if (inlineEnvelope != null && body instanceof ObjectBody.Inline inline) {
            body = new ObjectBody.Inline(inline.bytes(), inlineEnvelope);
        }
        String what = "object";
        try {
            return new ObjectRecord(
                    CommonCodecs.require(bucket, what, "bucket"),
                    CommonCodecs.require(key, what, "key"),
                    CommonCodecs.require(size, what, "size"),
                    CommonCodecs.require(etag, what, "etag"),
                    CommonCodecs.require(lastModified, what, "lastModified"),
                    CommonCodecs.require(owner, what, "owner"),
                    CommonCodecs.require(dialect, what, "dialect"),
                    headers,
                    checksums,
                    checksumType,
                    CommonCodecs.require(body, what, "body"),
                    completedUploadId);
        } catch (IllegalArgumentException e) {
            throw new StorageException("corrupt object record: " + e.getMessage(), e);
        }
    }

    private static ObjectBody.Manifest readManifest(RecordReader r) {
        List<ManifestPart> parts = new ArrayList<>();
        while (r.next()) {
            if (r.tag() == MANIFEST_PART) {
                parts.add(readPart(r.nested()));
            }
        }
        return new ObjectBody.Manifest(parts);
    }

    private static ManifestPart readPart(RecordReader r) {
        Integer number = null;
        BlobRef blob = null;
        String etag = null;
        Map<String, String> checksums = null;
        while (r.next()) {
            switch (r.tag()) {
                case PART_NUMBER -> number = r.int32();
                case PART_BLOB -> blob = CommonCodecs.readBlob(r.nested());
                case PART_ETAG -> etag = r.string();
                case PART_CHECKSUM -> checksums = CommonCodecs.readChecksum(r.nested(), checksums);
                default -> { }
            }
        }
        String what = "manifest part";
        BlobRef b = CommonCodecs.require(blob, what, "blob");
        try {
            return new ManifestPart(CommonCodecs.require(number, what, "partNumber"), b, b.size(),
                    CommonCodecs.require(etag, what, "etag"), checksums);
        } catch (IllegalArgumentException e) {
            throw new StorageException("corrupt manifest part: " + e.getMessage(), e);
        }
    }
}
