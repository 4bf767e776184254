package dev.rosetta.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.storage.schema.RecordCodecsTestAccess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PersistenceTest {
    static final Owner ALICE = new Owner("alice-id", "alice");

    @TempDir
    Path dir;

    @Test
    void uploadsAndBucketsSurviveReopen() {
        Path data = dir.resolve("nested");
        Path meta = data.resolve("meta");
        List<MultipartUpload> created = new ArrayList<>();
        BucketRecord bucket;
        try (StorageEngine store = StorageEngine.open(data, Durability.FSYNC)) {
            assertThat(Files.isDirectory(meta)).isTrue();
            bucket = store.buckets().create("b", ALICE, "us-east-1", "AWS", Instant.parse("2025-03-04T05:06:07.891Z"));
            Instant t = Instant.parse("2025-03-04T05:06:08.123456789Z");
            for (int i = 0; i < 5; i++) {
                ObjectHeaders h = i == 0 ? RecordCodecsTestAccess.fullHeaders() : ObjectHeaders.defaults();
                created.add(store.uploads().initiate("b", "key-" + (i % 2), ALICE, new Owner("init", null), "OBS", h,
                        t.plusMillis(i)));
            }
        }
        assertThat(created.get(0).initiated()).isEqualTo(Instant.parse("2025-03-04T05:06:08.123Z"));
        assertThat(UploadIdGenerator.epochMillisOf(created.get(0).uploadId()))
                .isEqualTo(created.get(0).initiated().toEpochMilli());

        try (StorageEngine store = StorageEngine.open(data, Durability.NONE)) {
            assertThat(store.buckets().list()).containsExactly(bucket);
            for (MultipartUpload u : created) {
                assertThat(store.uploads().find("b", u.key(), u.uploadId())).contains(u);
            }
            UploadListing all = store.uploads().list("b", UploadListRequest.all(1000));
            assertThat(all.uploads()).containsExactlyInAnyOrderElementsOf(created);
            assertThat(all.uploads()).hasSize(5);
            // key-0 uploads first, each key's uploads by id (ids grow with time here)
            assertThat(all.uploads()).extracting(MultipartUpload::key)
                    .containsExactly("key-0", "key-0", "key-0", "key-1", "key-1");
        }
    }

    @Test
    void objectsPartsAndBlobsSurviveReopen() {
        ObjectRecord inline;
        ObjectRecord blob;
        ObjectRecord multipart;
        PartRecord pending;
        MultipartUpload open;
        try (StorageEngine e = StorageEngine.open(dir, Durability.FSYNC)) {
            e.buckets().create("b", ALICE, null, "AWS", Instant.EPOCH);
            inline = Fixtures.inline("b", "i", "inline bytes");
            e.objects().put(inline, WriteGuard.NONE);
            blob = Fixtures.blobObject(e.blobs(), "b", "f", Fixtures.utf8("blob bytes"));
            e.objects().put(blob, WriteGuard.NONE);
            MultipartUpload u = e.uploads().initiate("b", "m", ALICE, ALICE, "AWS", null, Instant.EPOCH);
            PartRecord p1 = Fixtures.part(e.blobs(), 1, "first part");
            PartRecord p2 = Fixtures.part(e.blobs(), 2, "+second");
            e.uploads().putPart("b", "m", u.uploadId(), p1);
            e.uploads().putPart("b", "m", u.uploadId(), p2);
            multipart = e.uploads().complete("b", "m", u.uploadId(),
                    List.of(new RequestedPart(1, p1.etag()), new RequestedPart(2, p2.etag())), CompletionPolicy.of(1),
                    Instant.EPOCH).object();
            open = e.uploads().initiate("b", "o", ALICE, ALICE, "AWS", null, Instant.EPOCH);
            pending = Fixtures.part(e.blobs(), 7, "pending");
            e.uploads().putPart("b", "o", open.uploadId(), pending);
        }
        try (StorageEngine e = StorageEngine.open(dir, Durability.NONE)) {
            assertThat(e.objects().require("b", "i")).isEqualTo(inline);
            assertThat(e.objects().require("b", "f")).isEqualTo(blob);
            assertThat(e.objects().require("b", "m")).isEqualTo(multipart);
            assertThat(Fixtures.read(e.blobs(), multipart)).isEqualTo(Fixtures.utf8("first part+second"));
            assertThat(Fixtures.read(e.blobs(), blob)).isEqualTo(Fixtures.utf8("blob bytes"));
            assertThat(e.uploads().listParts("b", "o", open.uploadId(), 0, 10).parts()).containsExactly(pending);
            assertThat(e.objects().list("b", ObjectListRequest.all(10)).objects()).extracting(ObjectRecord::key)
                    .containsExactly("f", "i", "m");
            assertThat(e.sweepOrphans().deleted()).isZero();
        }
    }
}
