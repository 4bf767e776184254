package dev.rosetta.storage.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.protocol.model.AccessControl;
import dev.rosetta.protocol.model.CannedAcl;
import dev.rosetta.protocol.model.Grant;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.ObjectLock;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.model.ServerSideEncryption;
import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.protocol.model.Tag;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.MultipartUpload;
import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.codec.RecordWriter;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordCodecsTest {
    static final Owner ALICE = new Owner("a1b2c3", "alice");
    static final Owner BOB = new Owner("d4e5f6", "bob");

    /** Headers with every field set, metadata in a deliberately unsorted order. */
    static ObjectHeaders fullHeaders() {
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("zeta", "last-first");
        meta.put("alpha", "");
        meta.put("mid", "ünïcödé 😀 value");
        return new ObjectHeaders("text/plain; charset=utf-8", "max-age=60", "attachment; filename=\"a b.txt\"",
                "gzip", "de-CH", "Wed, 21 Oct 2015 07:28:00 GMT", "/other/page.html", meta,
                StorageClass.STANDARD_IA,
                new AccessControl(CannedAcl.BUCKET_OWNER_FULL_CONTROL, List.of(
                        new Grant(Grant.Permission.READ, Grant.GranteeType.GROUP, Grant.ALL_USERS),
                        new Grant(Grant.Permission.FULL_CONTROL, Grant.GranteeType.CANONICAL_USER, "d4e5f6"),
                        new Grant(Grant.Permission.WRITE_ACP, Grant.GranteeType.EMAIL, "x@example.com"))),
                List.of(new Tag("project", "rosetta"), new Tag("empty", ""), new Tag("a", "b")),
                new ServerSideEncryption("aws:kms", "arn:aws:kms:key/1", "eyJhIjoiYiJ9", false, "AES256",
                        "bWQ1bWQ1bWQ1bWQ1bWQ1bQ=="),
                new ObjectLock("COMPLIANCE", Instant.parse("2030-01-02T03:04:05.678901234Z"), true),
                "CRC32C");
    }

    @Test
    void bucketRecordRoundTrips() {
        BucketRecord full = new BucketRecord("my-bucket-1250000000", ALICE,
                Instant.parse("2024-05-06T07:08:09.123Z"), "eu-west-1", "COS");
        BucketRecord minimal = new BucketRecord("b", new Owner("id", null), Instant.EPOCH, null, "AWS");
        for (BucketRecord r : List.of(full, minimal)) {
            assertThat(BucketRecordCodec.INSTANCE.decode(BucketRecordCodec.INSTANCE.encode(r))).isEqualTo(r);
        }
        BucketRecord emptyLocation = new BucketRecord("b", ALICE, Instant.EPOCH, "", "AWS");
        assertThat(BucketRecordCodec.INSTANCE.decode(BucketRecordCodec.INSTANCE.encode(emptyLocation)))
                .isEqualTo(emptyLocation);
    }

    @Test
    void multipartUploadRoundTripsWithEveryField() {
        MultipartUpload u = new MultipartUpload("bucket", "dir/ké y\u0000+%.bin", "0190A1B2C3D4E5F60718293A4B5C6D7E",
                Instant.ofEpochMilli(1_700_000_000_123L), ALICE, BOB, "OBS", fullHeaders());
        MultipartUpload back = MultipartUploadCodec.INSTANCE.decode(MultipartUploadCodec.INSTANCE.encode(u));
        assertThat(back).isEqualTo(u);
        assertThat(back.headers().userMetadata().keySet()).containsExactly("zeta", "alpha", "mid");
        assertThat(back.headers().tags()).extracting(Tag::key).containsExactly("project", "empty", "a");
    }

    @Test
    void multipartUploadRoundTripsWithDefaults() {
        MultipartUpload u = new MultipartUpload("b", "", "ID", Instant.EPOCH, ALICE, ALICE, "AWS",
                ObjectHeaders.defaults());
        assertThat(MultipartUploadCodec.INSTANCE.decode(MultipartUploadCodec.INSTANCE.encode(u))).isEqualTo(u);

        ObjectHeaders partial = new ObjectHeaders(null, null, null, null, null, null, null, null, null,
                new AccessControl(null, List.of(new Grant(Grant.Permission.READ, Grant.GranteeType.GROUP,
                        Grant.AUTHENTICATED_USERS))), null,
                new ServerSideEncryption(null, null, null, true, null, null),
                new ObjectLock(null, null, false), null);
        MultipartUpload p = new MultipartUpload("b", "k", "ID", Instant.EPOCH, ALICE, BOB, "AWS", partial);
        assertThat(MultipartUploadCodec.INSTANCE.decode(MultipartUploadCodec.INSTANCE.encode(p))).isEqualTo(p);
    }

    @Test
    void decodersSkipUnknownTags() {
        // A "newer" bucket record: fields reordered, unknown scalar and nested tags mixed in.
        RecordWriter w = RecordWriter.begin(1);
        w.string(BucketRecordCodec.DIALECT, "WOS");
        w.string(99, "versioning=Enabled");
        int future = w.beginNested(100);
        w.int64(1, 42);
        w.endNested(future);
        int owner = w.beginNested(BucketRecordCodec.OWNER);
        w.string(1, "id-1");
        w.string(7, "owner field from the future");
        w.string(2, "Display");
        w.endNested(owner);
        w.instant(BucketRecordCodec.CREATION_DATE, Instant.ofEpochMilli(5));
        w.string(BucketRecordCodec.NAME, "b");
        assertThat(BucketRecordCodec.INSTANCE.decode(w.toByteArray()))
                .isEqualTo(new BucketRecord("b", new Owner("id-1", "Display"), Instant.ofEpochMilli(5), null, "WOS"));

        // An upload record with an unknown top-level field appended and unknown fields inside headers.
        MultipartUpload u = new MultipartUpload("b", "k", "ID", Instant.EPOCH, ALICE, BOB, "AWS", fullHeaders());
        byte[] known = MultipartUploadCodec.INSTANCE.encode(u);
        byte[] extra = RecordWriter.begin(1).string(250, "expiry rule id").toByteArray();
        byte[] appended = new byte[known.length + extra.length - 1];
        System.arraycopy(known, 0, appended, 0, known.length);
        System.arraycopy(extra, 1, appended, known.length, extra.length - 1);
        assertThat(MultipartUploadCodec.INSTANCE.decode(appended)).isEqualTo(u);

        RecordWriter h = RecordWriter.begin(1);
        h.string(MultipartUploadCodec.BUCKET, "b");
        h.string(MultipartUploadCodec.KEY, "k");
        h.string(MultipartUploadCodec.UPLOAD_ID, "ID");
        h.instant(MultipartUploadCodec.INITIATED, Instant.EPOCH);
        CommonCodecs.writeOwner(h, MultipartUploadCodec.OWNER, ALICE);
        h.string(MultipartUploadCodec.DIALECT, "AWS");
        int headers = h.beginNested(MultipartUploadCodec.HEADERS);
        h.string(1, "image/png");
        h.string(77, "future header");
        int meta = h.beginNested(8);
        h.string(1, "k");
        h.string(3, "future metadata attribute");
        h.string(2, "v");
        h.endNested(meta);
        h.endNested(headers);
        MultipartUpload decoded = MultipartUploadCodec.INSTANCE.decode(h.toByteArray());
        assertThat(decoded.headers().contentType()).isEqualTo("image/png");
        assertThat(decoded.headers().userMetadata()).containsExactly(Map.entry("k", "v"));
        assertThat(decoded.initiator()).as("missing initiator defaults to owner").isEqualTo(ALICE);
    }

    @Test
    void missingRequiredFieldIsCorruption() {
        byte[] noName = RecordWriter.begin(1).string(BucketRecordCodec.DIALECT, "AWS").toByteArray();
        assertThatThrownBy(() -> BucketRecordCodec.INSTANCE.decode(noName)).isInstanceOf(StorageException.class);
    }
}
