package dev.rosetta.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.BucketLifecycle;
import dev.rosetta.protocol.model.LifecycleRule;
import dev.rosetta.protocol.model.ObjectHeaders;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BucketStore.update, UploadScan, and the bytes Abort reports: what the lifecycle task builds on. */
class LifecycleStorageTest {
    static final BucketLifecycle ABORT_TMP = new BucketLifecycle(List.of(new LifecycleRule("r", true, null,
            LifecycleRule.Filter.prefix("tmp/"), null, List.of(), null, List.of(), 3)),
            BucketLifecycle.ALL_STORAGE_CLASSES_128K);

    @TempDir
    Path dir;

    private static String initiate(StorageEngine engine, String key) {
        return engine.uploads().initiate("b", key, Fixtures.ALICE, Fixtures.ALICE, "AWS", ObjectHeaders.defaults(),
                Fixtures.NOW).uploadId();
    }

    @Test
    void updateChangesTheRecordDurablyAndRefusesMissingBuckets() {
        try (StorageEngine engine = StorageEngine.open(dir, Durability.FSYNC)) {
            BucketRecord created = engine.buckets().create("b", Fixtures.ALICE, "eu", "AWS", Fixtures.NOW);
            BucketRecord updated = engine.buckets().update("b", r -> r.withLifecycle(ABORT_TMP));
            assertThat(updated).isEqualTo(created.withLifecycle(ABORT_TMP));
            assertThat(engine.buckets().require("b")).isEqualTo(updated);
            // an update that changes nothing returns the stored record
            assertThat(engine.buckets().update("b", r -> r.withLifecycle(ABORT_TMP))).isEqualTo(updated);

            assertThatThrownBy(() -> engine.buckets().update("nope", r -> r))
                    .isInstanceOfSatisfying(S3Exception.class,
                            e -> assertThat(e.errorCode()).isEqualTo(S3ErrorCode.NO_SUCH_BUCKET));
            assertThatThrownBy(() -> engine.buckets().update("b",
                    r -> new BucketRecord("c", r.owner(), r.creationDate(), null, "AWS")))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> engine.buckets().update("b", r -> {
                throw new S3Exception(S3ErrorCode.MALFORMED_XML);
            })).isInstanceOf(S3Exception.class);
            assertThat(engine.buckets().require("b").lifecycle()).isEqualTo(ABORT_TMP);
        }
        try (StorageEngine engine = StorageEngine.open(dir, Durability.FSYNC)) {
            assertThat(engine.buckets().require("b").lifecycle()).isEqualTo(ABORT_TMP);
            engine.buckets().update("b", r -> r.withLifecycle(null));
            assertThat(engine.buckets().require("b").lifecycle()).isNull();
        }
    }

    @Test
    void scanWalksPagesUnderAPrefixWhileTheVisitorAborts() {
        try (StorageEngine engine = StorageEngine.open(dir, Durability.NONE)) {
            engine.buckets().create("b", Fixtures.ALICE, null, "AWS", Fixtures.NOW);
            engine.buckets().create("other", Fixtures.ALICE, null, "AWS", Fixtures.NOW);
            engine.uploads().initiate("other", "tmp/x", Fixtures.ALICE, Fixtures.ALICE, "AWS",
                    ObjectHeaders.defaults(), Fixtures.NOW);
            List<String> ids = new ArrayList<>();
            for (String key : List.of("tmp/a", "tmp/a", "tmp/b", "tmp/c", "tmp/d", "keep/e")) {
                ids.add(initiate(engine, key));
            }
            UploadScan scan = new UploadScan(engine.uploads(), 2);
            List<Integer> pageSizes = new ArrayList<>();
            List<String> seen = new ArrayList<>();
            boolean complete = scan.forEachPage("b", "tmp/", page -> {
                pageSizes.add(page.size());
                for (MultipartUpload u : page) {
                    seen.add(u.key());
                    engine.uploads().abort(u.bucket(), u.key(), u.uploadId());
                }
                return true;
            });
            assertThat(complete).isTrue();
            assertThat(pageSizes).containsExactly(2, 2, 1);
            assertThat(seen).containsExactly("tmp/a", "tmp/a", "tmp/b", "tmp/c", "tmp/d");
            assertThat(engine.uploads().list("b", UploadListRequest.all(1000)).uploads())
                    .extracting(MultipartUpload::key).containsExactly("keep/e");
            assertThat(engine.uploads().list("other", UploadListRequest.all(1000)).uploads()).hasSize(1);

            List<String> all = new ArrayList<>();
            assertThat(scan.forEachPage("b", null, page -> {
                page.forEach(u -> all.add(u.key()));
                return false;
            })).isFalse();
            assertThat(all).containsExactly("keep/e");
            assertThat(scan.forEachPage("gone", "", page -> true)).isFalse();
        }
    }

    @Test
    void abortReportsTheBytesItsPartsHeld() {
        try (StorageEngine engine = StorageEngine.open(dir, Durability.NONE)) {
            engine.buckets().create("b", Fixtures.ALICE, null, "AWS", Fixtures.NOW);
            String id = initiate(engine, "k");
            engine.uploads().putPart("b", "k", id, Fixtures.part(engine.blobs(), 1, "12345"));
            engine.uploads().putPart("b", "k", id, Fixtures.part(engine.blobs(), 2, "678"));
            assertThat(engine.uploads().abort("b", "k", id)).isEqualTo(8);
            assertThat(engine.uploads().abort("b", "k", initiate(engine, "k"))).isZero();
        }
    }
}
