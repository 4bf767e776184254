package dev.rosetta.storage;

import static dev.rosetta.storage.Fixtures.ALICE;
import static dev.rosetta.storage.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.blob.BlobWriter;
import dev.rosetta.storage.crypto.DataKey;
import dev.rosetta.storage.crypto.KeyEncryptionKey;
import dev.rosetta.storage.crypto.KeyRing;
import dev.rosetta.storage.schema.ObjectKey;
import dev.rosetta.storage.schema.Schema;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encrypted bodies in the storage engine: inline and blob, records that keep their envelopes, ranged reads. */
class EncryptedBodyTest {
    static final String MARKER = "PLAINTEXT-MARKER-7f3a9c";

    @TempDir
    Path dir;
    StorageEngine engine;
    KeyRing ring;

    @BeforeEach
    void open() {
        engine = StorageEngine.open(dir, Durability.NONE, new StorageOptions(1024));
        engine.buckets().create("b", ALICE, null, "AWS", NOW);
        ring = KeyRing.open(dir, null, true, List.of());
    }

    @AfterEach
    void close() {
        engine.close();
    }

    static byte[] content(int n) {
        StringBuilder sb = new StringBuilder();
        while (sb.length() < n) {
            sb.append(MARKER).append(' ').append(sb.length()).append('\n');
        }
        return sb.substring(0, n).getBytes(StandardCharsets.UTF_8);
    }

    ObjectRecord put(String key, byte[] bytes, KeyEncryptionKey kek) {
        try (BodyWriter w = engine.objects().newBody(kek == null ? null : kek.newDataKey())) {
            // in uneven pieces, as a socket delivers them
            int at = 0;
            int step = 1;
            while (at < bytes.length) {
                int n = Math.min(step, bytes.length - at);
                w.write(ByteBuffer.wrap(bytes, at, n));
                at += n;
                step = step * 3 + 1;
            }
            ObjectRecord o = Fixtures.record("b", key, bytes, w.finish());
            engine.objects().put(o, WriteGuard.NONE);
            return engine.objects().require("b", key); // as decoded from RocksDB
        }
    }

    /** Bytes [first, last] through the slices, decrypted with the envelopes' keys. */
    byte[] read(ObjectRecord o, long first, long last) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (BodySlice s : BodyRanges.slices(o.body(), first, last)) {
            byte[] raw = Fixtures.readRange(engine.blobs(), s);
            if (s instanceof BodySlice.Bytes b && b.envelope() != null) {
                raw = ring.forEnvelope(b.envelope()).open(b.envelope()).crypt(raw, 0, raw.length, b.offset());
            } else if (s instanceof BodySlice.BlobRange r && r.blob().encrypted()) {
                DataKey key = ring.forEnvelope(r.blob().envelope()).open(r.blob().envelope());
                raw = key.crypt(raw, 0, raw.length, r.offset());
            }
            out.writeBytes(raw);
        }
        return out.toByteArray();
    }

    @Test
    void inlineAndBlobBodiesAreStoredEncryptedAndReadBackInAnyRange() throws Exception {
        for (int size : new int[] {0, 1, 100, 1024, 1025, 300_000}) {
            byte[] bytes = content(size);
            ObjectRecord o = put("k" + size, bytes, ring.master());
            assertThat(o.body().encrypted()).isEqualTo(true);
            assertThat(o.body() instanceof ObjectBody.Inline).isEqualTo(size <= 1024);
            if (size == 0) {
                continue;
            }
            assertThat(read(o, 0, size - 1)).isEqualTo(bytes);
            long first = size / 3;
            long last = Math.min(size - 1, first + 77_777);
            assertThat(read(o, first, last)).isEqualTo(java.util.Arrays.copyOfRange(bytes, (int) first, (int) last + 1));
        }
        assertNoPlaintextUnder(dir);
    }

    @Test
    void plaintextBodiesAreUnchanged() {
        byte[] bytes = content(5000);
        ObjectRecord o = put("plain", bytes, null);
        assertThat(o.body().encrypted()).isFalse();
        assertThat(Fixtures.read(engine.blobs(), o)).isEqualTo(bytes);
    }

    @Test
    void encryptedPartsMakeAManifestReadAcrossPartBoundaries() throws Exception {
        KeyEncryptionKey kms = ring.kmsForWrite("k", "e30=");
        MultipartUpload u = engine.uploads().initiate("b", "mp", ALICE, ALICE, "AWS",
                dev.rosetta.protocol.model.ObjectHeaders.defaults(), null, NOW);
        byte[] all = content(3 * 40_000);
        for (int i = 0; i < 3; i++) {
            byte[] part = java.util.Arrays.copyOfRange(all, i * 40_000, (i + 1) * 40_000);
            BlobRef ref;
            try (BlobWriter w = engine.blobs().create(kms.newDataKey())) {
                w.write(ByteBuffer.wrap(part));
                ref = w.commit();
            }
            engine.uploads().putPart("b", "mp", u.uploadId(),
                    new PartRecord(i + 1, ref.size(), Fixtures.md5Hex(part), NOW, Map.of(), ref));
        }
        List<PartRecord> stored = engine.uploads().listParts("b", "mp", u.uploadId(), 0, 10).parts();
        List<RequestedPart> parts = stored.stream().map(p -> new RequestedPart(p.partNumber(), p.etag())).toList();
        engine.uploads().complete("b", "mp", u.uploadId(), parts, CompletionPolicy.of(0), NOW);
        ObjectRecord o = engine.objects().require("b", "mp");
        ObjectBody.Manifest m = (ObjectBody.Manifest) o.body();
        assertThat(m.parts()).allSatisfy(p -> assertThat(p.blob().envelope().keyId()).isEqualTo("k"));
        assertThat(m.parts().stream().map(p -> p.blob().envelope()).distinct()).hasSize(3); // a data key per part
        assertThat(read(o, 39_990, 80_010)).isEqualTo(java.util.Arrays.copyOfRange(all, 39_990, 80_011));
        assertNoPlaintextUnder(dir);
    }

    @Test
    void aHardLinkedCopyKeepsTheEnvelope() {
        byte[] bytes = content(4000);
        ObjectRecord o = put("src", bytes, ring.master());
        BlobRef src = ((ObjectBody.Blob) o.body()).ref();
        BlobRef copy = engine.blobs().copy(src);
        assertThat(copy.envelope()).isEqualTo(src.envelope());
        assertThat(copy.id()).isNotEqualTo(src.id());
        engine.blobs().delete(copy);
    }

    @Test
    void anEnvelopeSurvivesTheRecordCodecs() {
        ObjectRecord o = put("inline", content(10), ring.kmsForWrite("x", null));
        ObjectRecord raw = engine.database().table(Schema.OBJECTS).get(new ObjectKey("b", "inline"));
        assertThat(raw.body()).isEqualTo(o.body());
        assertThat(((ObjectBody.Inline) raw.body()).envelope().keyId()).isEqualTo("x");
    }

    static void assertNoPlaintextUnder(Path root) throws Exception {
        byte[] marker = MARKER.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] data = Files.readAllBytes(f);
                assertThat(indexOf(data, marker)).as("plaintext in %s", f).isEqualTo(-1);
            }
        }
    }

    static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
