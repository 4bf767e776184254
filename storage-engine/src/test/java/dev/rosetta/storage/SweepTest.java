package dev.rosetta.storage;

import static dev.rosetta.storage.Fixtures.ALICE;
import static dev.rosetta.storage.Fixtures.NOW;
import static dev.rosetta.storage.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.blob.BlobWriter;
import dev.rosetta.storage.blob.SweepReport;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The crash invariant: whatever instant a crash hits, reopening gives the old or the new state, and the
 * only debris (tmp files, committed but unreferenced blobs) is removed by open and the sweep.
 */
class SweepTest {
    @TempDir
    Path dir;

    static void backdate(StorageEngine e, BlobRef ref) throws IOException {
        Files.setLastModifiedTime(e.blobs().path(ref), FileTime.from(Instant.now().minusSeconds(3600)));
    }

    @Test
    void crashDebrisIsRemovedAndLiveBlobsAreKept() throws IOException {
        BlobRef objectBlob;
        BlobRef orphan;
        BlobRef freshOrphan;
        PartRecord pendingPart;
        PartRecord completedPart;
        PartRecord replacedPart;
        try (StorageEngine e = StorageEngine.open(dir, Durability.FSYNC)) {
            e.buckets().create("b", ALICE, null, "AWS", NOW);
            ObjectRecord o = Fixtures.blobObject(e.blobs(), "b", "blob", utf8("object bytes"));
            e.objects().put(o, WriteGuard.NONE);
            objectBlob = o.body().blobs().get(0);
            e.objects().put(Fixtures.inline("b", "inline", "x"), WriteGuard.NONE);

            MultipartUpload done = e.uploads().initiate("b", "mp", ALICE, ALICE, "AWS", null, NOW);
            completedPart = Fixtures.part(e.blobs(), 1, "part one");
            e.uploads().putPart("b", "mp", done.uploadId(), completedPart);
            e.uploads().complete("b", "mp", done.uploadId(), List.of(new RequestedPart(1, completedPart.etag())),
                    CompletionPolicy.of(0), NOW);

            MultipartUpload open = e.uploads().initiate("b", "open", ALICE, ALICE, "AWS", null, NOW);
            pendingPart = Fixtures.part(e.blobs(), 1, "pending part");
            e.uploads().putPart("b", "open", open.uploadId(), pendingPart);
            replacedPart = Fixtures.part(e.blobs(), 2, "replaced part");
            e.uploads().putPart("b", "open", open.uploadId(), replacedPart);

            // crash points: blob committed but its metadata never written; a write still in tmp/
            orphan = Fixtures.blob(e.blobs(), utf8("never referenced"));
            freshOrphan = Fixtures.blob(e.blobs(), utf8("also never referenced"));
            BlobWriter inFlight = e.blobs().create();
            inFlight.write(ByteBuffer.wrap(utf8("half an upload")));

            // in this process the orphans are pending (their upload may still be committing): kept
            for (BlobRef r : List.of(objectBlob, orphan, completedPart.blob(), pendingPart.blob())) {
                backdate(e, r);
            }
            SweepReport live = e.sweepOrphans();
            assertThat(live.deleted()).isZero();
            assertThat(e.blobs().exists(orphan)).isTrue();
        }
        assertThat(dir.resolve("tmp").toFile().list()).hasSize(1);

        try (StorageEngine e = StorageEngine.open(dir, Durability.FSYNC)) {
            assertThat(dir.resolve("tmp").toFile().list()).as("tmp emptied at open").isEmpty();
            Files.setLastModifiedTime(e.blobs().path(freshOrphan), FileTime.from(Instant.now().plusSeconds(60)));
            SweepReport report = e.sweepOrphans();
            assertThat(report.deleted()).isEqualTo(1);
            assertThat(report.bytesFreed()).isEqualTo(orphan.size());
            assertThat(report.keptRecent()).isEqualTo(1);
            assertThat(e.blobs().exists(orphan)).isFalse();
            assertThat(e.blobs().exists(freshOrphan)).as("newer than the sweep start").isTrue();
            for (BlobRef r : List.of(objectBlob, completedPart.blob(), pendingPart.blob(), replacedPart.blob())) {
                assertThat(e.blobs().exists(r)).isTrue();
            }
            assertThat(Fixtures.read(e.blobs(), e.objects().require("b", "mp"))).isEqualTo(utf8("part one"));
            assertThat(Fixtures.read(e.blobs(), e.objects().require("b", "blob"))).isEqualTo(utf8("object bytes"));
        }
    }

    @Test
    void aSecondOpenOfALiveDirectoryFailsWithoutTouchingTmp() {
        try (StorageEngine e = StorageEngine.open(dir, Durability.NONE);
             BlobWriter inFlight = e.blobs().create()) {
            inFlight.write(ByteBuffer.wrap(utf8("streaming")));
            assertThatThrownBy(() -> StorageEngine.open(dir, Durability.NONE)).isInstanceOf(StorageException.class);
            assertThat(dir.resolve("tmp").resolve(inFlight.id())).exists();
            assertThat(inFlight.commit().size()).isEqualTo(9);
        }
    }

    @Test
    @SuppressWarnings("deprecation")
    void legacyEntryPointLaysOutTheSameDataDirectory() {
        Path meta = dir.resolve("data/meta");
        try (MetadataStore store = MetadataStore.open(meta, Durability.NONE)) {
            assertThat(store.engine().dataDirectory()).isEqualTo(dir.resolve("data"));
            store.buckets().create("b", ALICE, null, "AWS", NOW);
        }
        assertThat(Files.isDirectory(dir.resolve("data/blobs"))).isTrue();
        try (StorageEngine e = StorageEngine.open(dir.resolve("data"), Durability.NONE)) {
            assertThat(e.buckets().exists("b")).isTrue();
        }
        try (MetadataStore store = MetadataStore.open(dir.resolve("elsewhere"), Durability.NONE)) {
            assertThat(store.engine().dataDirectory()).isEqualTo(dir.resolve("elsewhere"));
        }
        assertThat(Files.isDirectory(dir.resolve("elsewhere/meta"))).isTrue();
    }
}
