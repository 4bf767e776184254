package dev.rosetta.storage.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.storage.ManifestPart;
import dev.rosetta.storage.ObjectBody;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.PartRecord;
import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.codec.RecordWriter;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ObjectRecordCodecTest {
    static final Owner ALICE = new Owner("alice-id", "alice");
    static final BlobRef B1 = new BlobRef("0123456789abcdef0123456789abcdef", 5 * 1024 * 1024);
    static final BlobRef B2 = new BlobRef("fedcba9876543210fedcba9876543210", 17);

    static Map<String, String> checksums() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("SHA256", "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=");
        m.put("CRC32", "AAAAAA==");
        return m;
    }

    static ObjectRecord object(ObjectBody body, String uploadId) {
        return new ObjectRecord("bucket", "dir/ké y\u0000+%.bin", body.size(), "d41d8cd98f00b204e9800998ecf8427e-2",
                Instant.parse("2025-01-02T03:04:05.678901Z"), ALICE, "OBS", RecordCodecsTest.fullHeaders(),
                checksums(), "COMPOSITE", body, uploadId);
    }

    static ObjectRecord roundTrip(ObjectRecord o) {
        return ObjectRecordCodec.INSTANCE.decode(ObjectRecordCodec.INSTANCE.encode(o));
    }

    @Test
    void everyBodyKindRoundTrips() {
        byte[] bytes = new byte[300];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) i;
        }
        List<ObjectBody> bodies = List.of(
                ObjectBody.Inline.EMPTY,
                new ObjectBody.Inline(bytes),
                new ObjectBody.Blob(B1),
                new ObjectBody.Blob(new BlobRef("00000000000000000000000000000000", 0)),
                new ObjectBody.Manifest(List.of(
                        new ManifestPart(1, B1, B1.size(), "9e107d9d372bb6826bd81d3542a419d6", checksums()),
                        new ManifestPart(3, B2, B2.size(), "e4d909c290d0fb1ca068ffaddf22cbd0", Map.of()))),
                new ObjectBody.Manifest(List.of()));
        for (ObjectBody body : bodies) {
            ObjectRecord o = object(body, body instanceof ObjectBody.Manifest ? "0190A1B2C3D4E5F60718293A4B5C6D7E" : null);
            ObjectRecord back = roundTrip(o);
            assertThat(back).isEqualTo(o);
            assertThat(back.checksums().keySet()).containsExactly("SHA256", "CRC32");
            assertThat(back.lastModified()).isEqualTo(Instant.parse("2025-01-02T03:04:05.678Z"));
        }
    }

    @Test
    void aRecordDecodedInPlaceFromAReusedBufferKeepsNothingOfIt() {
        byte[] body = {1, 2, 3, 4, 5, 6, 7, 8};
        ObjectRecord o = object(new ObjectBody.Inline(body), null);
        byte[] encoded = ObjectRecordCodec.INSTANCE.encode(o);
        byte[] buffer = Arrays.copyOf(encoded, encoded.length + 100); // what follows is another value's remains
        Arrays.fill(buffer, encoded.length, buffer.length, (byte) 0x7F);

        ObjectRecord back = ObjectRecordCodec.INSTANCE.decode(buffer, encoded.length);
        Arrays.fill(buffer, (byte) 0); // the next read overwrites the buffer
        assertThat(back).isEqualTo(o);
        assertThat(((ObjectBody.Inline) back.body()).bytes()).containsExactly(body);
        assertThatThrownBy(() -> ObjectRecordCodec.INSTANCE.decode(encoded, 0)).isInstanceOf(StorageException.class);
    }

    @Test
    void minimalRecordRoundTrips() {
        ObjectRecord o = new ObjectRecord("b", "", 0, "d41d8cd98f00b204e9800998ecf8427e", Instant.EPOCH,
                new Owner("id", null), "AWS", null, null, null, ObjectBody.Inline.EMPTY, null);
        ObjectRecord back = roundTrip(o);
        assertThat(back).isEqualTo(o);
        assertThat(back.headers()).isEqualTo(ObjectHeaders.defaults());
        assertThat(back.checksums()).isEmpty();
        assertThat(back.checksumType()).isNull();
        assertThat(back.completedUploadId()).isNull();
    }

    @Test
    void partRecordRoundTrips() {
        PartRecord p = new PartRecord(10000, B1.size(), "9e107d9d372bb6826bd81d3542a419d6",
                Instant.parse("2025-01-02T03:04:05.678901Z"), checksums(), B1);
        PartRecord back = PartRecordCodec.INSTANCE.decode(PartRecordCodec.INSTANCE.encode(p));
        assertThat(back).isEqualTo(p);
        assertThat(back.lastModified()).isEqualTo(Instant.parse("2025-01-02T03:04:05.678Z"));
        PartRecord bare = new PartRecord(1, B2.size(), "e4d909c290d0fb1ca068ffaddf22cbd0", Instant.EPOCH, null, B2);
        assertThat(PartRecordCodec.INSTANCE.decode(PartRecordCodec.INSTANCE.encode(bare))).isEqualTo(bare);
    }

    @Test
    void unknownTagsAreSkipped() {
        ObjectRecord o = object(new ObjectBody.Blob(B2), null);
        byte[] known = ObjectRecordCodec.INSTANCE.encode(o);
        RecordWriter extra = RecordWriter.begin(1).string(200, "version id from the future");
        int nested = extra.beginNested(201);
        extra.int64(1, 7);
        extra.endNested(nested);
        byte[] tail = extra.toByteArray();
        byte[] appended = new byte[known.length + tail.length - 1];
        System.arraycopy(known, 0, appended, 0, known.length);
        System.arraycopy(tail, 1, appended, known.length, tail.length - 1);
        assertThat(ObjectRecordCodec.INSTANCE.decode(appended)).isEqualTo(o);
    }

    @Test
    void corruptRecordsAreStorageExceptions() {
        // a blob id that could name a path outside the blob tree
        RecordWriter w = RecordWriter.begin(1);
        w.string(ObjectRecordCodec.BUCKET, "b");
        w.string(ObjectRecordCodec.KEY, "k");
        w.int64(ObjectRecordCodec.SIZE, 1);
        w.string(ObjectRecordCodec.ETAG, "e");
        w.instant(ObjectRecordCodec.LAST_MODIFIED, Instant.EPOCH);
        CommonCodecs.writeOwner(w, ObjectRecordCodec.OWNER, ALICE);
        w.string(ObjectRecordCodec.DIALECT, "AWS");
        int blob = w.beginNested(ObjectRecordCodec.BODY_BLOB);
        w.string(1, "../../../../etc/passwd");
        w.int64(2, 1);
        w.endNested(blob);
        assertThatThrownBy(() -> ObjectRecordCodec.INSTANCE.decode(w.toByteArray()))
                .isInstanceOf(StorageException.class);

        // no body at all
        byte[] noBody = RecordWriter.begin(1).string(ObjectRecordCodec.BUCKET, "b").toByteArray();
        assertThatThrownBy(() -> ObjectRecordCodec.INSTANCE.decode(noBody)).isInstanceOf(StorageException.class);

        // size disagreeing with the body
        RecordWriter s = RecordWriter.begin(1);
        s.string(ObjectRecordCodec.BUCKET, "b");
        s.string(ObjectRecordCodec.KEY, "k");
        s.int64(ObjectRecordCodec.SIZE, 2);
        s.string(ObjectRecordCodec.ETAG, "e");
        s.instant(ObjectRecordCodec.LAST_MODIFIED, Instant.EPOCH);
        CommonCodecs.writeOwner(s, ObjectRecordCodec.OWNER, ALICE);
        s.string(ObjectRecordCodec.DIALECT, "AWS");
        s.bytes(ObjectRecordCodec.BODY_INLINE, new byte[] {1});
        assertThatThrownBy(() -> ObjectRecordCodec.INSTANCE.decode(s.toByteArray()))
                .isInstanceOf(StorageException.class);
    }

    @Test
    void recordsCheckTheirInvariants() {
        assertThatThrownBy(() -> new ObjectRecord("b", "k", 3, "e", Instant.EPOCH, ALICE, "AWS", null, null, null,
                new ObjectBody.Blob(B2), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PartRecord(0, 17, "e", Instant.EPOCH, null, B2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BlobRef("0123456789ABCDEF0123456789ABCDEF", 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ObjectBody.Inline(new byte[] {1, 2})).isEqualTo(new ObjectBody.Inline(new byte[] {1, 2}));
    }
}
