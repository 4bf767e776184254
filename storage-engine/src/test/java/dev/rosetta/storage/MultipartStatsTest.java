package dev.rosetta.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.model.ObjectHeaders;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartStatsTest {
    @TempDir
    Path dir;

    @Test
    void countsFollowEveryChangeAndSurviveAReopen() {
        String keep;
        try (StorageEngine engine = StorageEngine.open(dir, Durability.NONE)) {
            engine.buckets().create("b", Fixtures.ALICE, null, "AWS", Fixtures.NOW);
            MultipartSessionStore uploads = engine.uploads();
            String a = uploads.initiate("b", "k1", Fixtures.ALICE, Fixtures.ALICE, "AWS", ObjectHeaders.defaults(),
                    Fixtures.NOW).uploadId();
            keep = uploads.initiate("b", "k2", Fixtures.ALICE, Fixtures.ALICE, "AWS", ObjectHeaders.defaults(),
                    Fixtures.NOW).uploadId();
            assertThat(uploads.stats().openUploads()).isEqualTo(2);

            uploads.putPart("b", "k1", a, Fixtures.part(engine.blobs(), 1, "12345"));
            uploads.putPart("b", "k2", keep, Fixtures.part(engine.blobs(), 1, "123"));
            assertThat(uploads.stats().bytesHeld()).isEqualTo(8);
            uploads.putPart("b", "k1", a, Fixtures.part(engine.blobs(), 1, "1"));
            assertThat(uploads.stats().bytesHeld()).isEqualTo(4);

            uploads.abort("b", "k1", a);
            assertThat(uploads.stats().openUploads()).isEqualTo(1);
            assertThat(uploads.stats().bytesHeld()).isEqualTo(3);
        }
        try (StorageEngine engine = StorageEngine.open(dir, Durability.NONE)) {
            MultipartSessionStore uploads = engine.uploads();
            assertThat(uploads.stats().openUploads()).isEqualTo(1);
            assertThat(uploads.stats().bytesHeld()).isEqualTo(3);
            uploads.complete("b", "k2", keep, List.of(new RequestedPart(1, Fixtures.md5Hex(Fixtures.utf8("123")))),
                    CompletionPolicy.of(0), Fixtures.NOW);
            assertThat(uploads.stats().openUploads()).isZero();
            assertThat(uploads.stats().bytesHeld()).isZero();
            assertThat(engine.metadataProperty("rocksdb.estimate-num-keys")).isPositive();
        }
    }
}
