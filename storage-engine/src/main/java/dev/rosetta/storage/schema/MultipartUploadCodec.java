package dev.rosetta.storage.schema;

import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.storage.MultipartUpload;
import dev.rosetta.storage.codec.RecordReader;
import dev.rosetta.storage.codec.RecordWriter;
import dev.rosetta.storage.kv.ValueCodec;
import java.time.Instant;

/**
 * Value codec of the {@code uploads} family. Version 1 tags:
 * {@code 1 bucket, 2 key, 3 uploadId, 4 initiated, 5 owner, 6 initiator, 7 dialect,
 * 8 headers (see ObjectHeadersCodec), 9 checksumType}. Bucket, key and upload id repeat the record's key so that a
 * value decodes on its own. New fields get new tags; never reuse or renumber one.
 */
public final class MultipartUploadCodec implements ValueCodec<MultipartUpload> {
    public static final MultipartUploadCodec INSTANCE = new MultipartUploadCodec();
    public static final int VERSION = 1;

    static final int BUCKET = 1;
    static final int KEY = 2;
    static final int UPLOAD_ID = 3;
    static final int INITIATED = 4;
    static final int OWNER = 5;
    static final int INITIATOR = 6;
    static final int DIALECT = 7;
    static final int HEADERS = 8;
    static final int CHECKSUM_TYPE = 9;

    private MultipartUploadCodec() {
    }

    @Override
    public byte[] encode(MultipartUpload u) {
        RecordWriter w = RecordWriter.begin(VERSION);
        w.string(BUCKET, u.bucket());
        w.string(KEY, u.key());
        w.string(UPLOAD_ID, u.uploadId());
        w.instant(INITIATED, u.initiated());
        CommonCodecs.writeOwner(w, OWNER, u.owner());
        CommonCodecs.writeOwner(w, INITIATOR, u.initiator());
        w.string(DIALECT, u.dialect());
        ObjectHeadersCodec.write(w, HEADERS, u.headers());
        if (u.checksumType() != null) {
            w.string(CHECKSUM_TYPE, u.checksumType());
        }
        return w.toByteArray();
    }

    @Override
    public MultipartUpload decode(byte[] bytes) {
        RecordReader r = RecordReader.open(bytes, VERSION);
        String bucket = null;
        String key = null;
        String uploadId = null;
        Instant initiated = null;
        Owner owner = null;
        Owner initiator = null;
        String dialect = null;
        ObjectHeaders headers = null;
        String checksumType = null;
        while (r.next()) {
            switch (r.tag()) {
                case BUCKET -> bucket = r.string();
                case KEY -> key = r.string();
                case UPLOAD_ID -> uploadId = r.string();
                case INITIATED -> initiated = r.instant();
                case OWNER -> owner = CommonCodecs.readOwner(r.nested());
                case INITIATOR -> initiator = CommonCodecs.readOwner(r.nested());
                case DIALECT -> dialect = r.string();
                case HEADERS -> headers = ObjectHeadersCodec.read(r.nested());
                case CHECKSUM_TYPE -> checksumType = r.string();
                default -> { }
            }
        }
        String what = "upload";
        return new MultipartUpload(
                CommonCodecs.require(bucket, what, "bucket"),
                CommonCodecs.require(key, what, "key"),
                CommonCodecs.require(uploadId, what, "uploadId"),
                CommonCodecs.require(initiated, what, "initiated"),
                CommonCodecs.require(owner, what, "owner"),
                initiator == null ? owner : initiator,
                CommonCodecs.require(dialect, what, "dialect"),
                headers == null ? ObjectHeaders.defaults() : headers,
                checksumType);
    }
}
