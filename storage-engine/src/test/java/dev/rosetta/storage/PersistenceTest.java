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
        Path meta = dir.resolve("nested/meta");
        List<MultipartUpload> created = new ArrayList<>();
        BucketRecord bucket;
        try (MetadataStore store = MetadataStore.open(meta, Durability.FSYNC)) {
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

        try (MetadataStore store = MetadataStore.open(meta, Durability.NONE)) {
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
}
