package dev.rosetta.storage.blob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.storage.Durability;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class BlobStoreTest {
    @TempDir
    Path dir;

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] read(BlobStore store, BlobRef ref) throws IOException {
        try (FileChannel c = store.open(ref)) {
            ByteBuffer buf = ByteBuffer.allocate((int) c.size());
            while (buf.hasRemaining() && c.read(buf) >= 0) {
                // fill
            }
            return buf.array();
        }
    }

    static long filesUnder(Path p) throws IOException {
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void commitMovesTheFileIntoItsShard(Durability durability) throws IOException {
        BlobStore store = BlobStore.open(dir, durability);
        byte[] data = bytes(200_000, 1);
        BlobRef ref;
        try (BlobWriter w = store.create()) {
            assertThat(Files.exists(dir.resolve("tmp").resolve(w.id()))).isTrue();
            // several writes, a direct and a heap buffer, one of them partially consumed already
            w.write(ByteBuffer.wrap(data, 0, 1000));
            ByteBuffer direct = ByteBuffer.allocateDirect(100_000);
            direct.put(data, 1000, 100_000).flip();
            w.write(direct);
            assertThat(direct.hasRemaining()).isFalse();
            w.write(ByteBuffer.wrap(data, 101_000, 99_000));
            assertThat(w.size()).isEqualTo(200_000);
            ref = w.commit();
            assertThat(ref.id()).isEqualTo(w.id());
        }
        assertThat(ref.size()).isEqualTo(200_000);
        assertThat(ref.id()).matches("[0-9a-f]{32}");
        Path p = store.path(ref);
        assertThat(p).isEqualTo(dir.resolve("blobs").resolve(ref.id().substring(0, 2))
                .resolve(ref.id().substring(2, 4)).resolve(ref.id()));
        assertThat(Files.exists(p)).isTrue();
        assertThat(read(store, ref)).isEqualTo(data);
        assertThat(filesUnder(dir.resolve("tmp"))).isZero();
        assertThat(store.pendingCount()).as("committed, not yet adopted").isEqualTo(1);
        store.adopted(ref);
        assertThat(store.pendingCount()).isZero();

        store.delete(ref);
        store.delete(ref); // missing is fine
        assertThat(Files.exists(p)).isFalse();
        assertThatThrownBy(() -> store.open(ref)).isInstanceOf(NoSuchFileException.class);
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void abortAndCloseLeaveNothing(Durability durability) {
        BlobStore store = BlobStore.open(dir, durability);
        BlobWriter w = store.create();
        w.write(ByteBuffer.wrap(bytes(10, 2)));
        w.abort();
        w.abort(); // idempotent
        w.close();
        assertThatThrownBy(() -> w.write(ByteBuffer.allocate(1))).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(w::commit).isInstanceOf(IllegalStateException.class);
        try (BlobWriter unfinished = store.create()) {
            unfinished.write(ByteBuffer.wrap(bytes(10, 3)));
        }
        BlobRef empty;
        try (BlobWriter e = store.create()) {
            empty = e.commit();
            e.abort(); // after commit: no-op
        }
        assertThat(empty.size()).isZero();
        assertThat(store.exists(empty)).isTrue();
        assertThat(dir.resolve("tmp").toFile().list()).isEmpty();
        assertThat(store.pendingCount()).isEqualTo(1); // only the committed one
    }

    @Test
    void openEmptiesTmpAndKeepsBlobs() throws IOException {
        BlobStore store = BlobStore.open(dir, Durability.FSYNC);
        BlobRef kept;
        try (BlobWriter w = store.create()) {
            w.write(ByteBuffer.wrap(bytes(5, 4)));
            kept = w.commit();
        }
        BlobWriter crashed = store.create(); // never committed nor aborted: a crash mid-upload
        crashed.write(ByteBuffer.wrap(bytes(5, 5)));
        Files.createDirectories(dir.resolve("tmp/stray-dir"));
        Files.write(dir.resolve("tmp/stray-dir/x"), new byte[] {1});

        BlobStore reopened = BlobStore.open(dir, Durability.FSYNC);
        assertThat(dir.resolve("tmp").toFile().list()).isEmpty();
        assertThat(reopened.exists(kept)).isTrue();
        assertThat(read(reopened, kept)).isEqualTo(bytes(5, 4));
        assertThat(reopened.pendingCount()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Durability.class)
    void copyIsIndependentOfItsSource(Durability durability) throws IOException {
        BlobStore store = BlobStore.open(dir, durability);
        copyRoundTrip(store);
    }

    @Test
    void copyFallsBackToCopyingBytes() throws IOException {
        BlobStore store = BlobStore.open(dir, Durability.FSYNC);
        store.disableHardLinks();
        copyRoundTrip(store);
        assertThat(dir.resolve("tmp").toFile().list()).isEmpty();
    }

    private static void copyRoundTrip(BlobStore store) throws IOException {
        byte[] data = bytes(70_000, 6);
        BlobRef src;
        try (BlobWriter w = store.create()) {
            w.write(ByteBuffer.wrap(data));
            src = w.commit();
        }
        BlobRef copy = store.copy(src);
        assertThat(copy.id()).isNotEqualTo(src.id());
        assertThat(copy.size()).isEqualTo(src.size());
        store.delete(src);
        assertThat(read(store, copy)).isEqualTo(data);
        assertThat(store.pendingCount()).isEqualTo(1);
        assertThatThrownBy(() -> store.copy(src)).hasMessageContaining(src.id());
        assertThat(store.pendingCount()).isEqualTo(1);
    }

    @Test
    void readerKeepsTheBytesOfADeletedBlob() throws IOException {
        BlobStore store = BlobStore.open(dir, Durability.NONE);
        byte[] data = bytes(4096, 7);
        BlobRef ref;
        try (BlobWriter w = store.create()) {
            w.write(ByteBuffer.wrap(data));
            ref = w.commit();
        }
        try (FileChannel c = store.open(ref)) {
            store.delete(ref);
            ByteBuffer buf = ByteBuffer.allocate(4096);
            while (buf.hasRemaining() && c.read(buf) >= 0) {
                // fill
            }
            assertThat(buf.array()).isEqualTo(data);
        }
    }

    // --- sweep ---------------------------------------------------------------------------------------

    private static BlobRef commit(BlobStore store, int n, long seed) {
        try (BlobWriter w = store.create()) {
            w.write(ByteBuffer.wrap(bytes(n, seed)));
            return w.commit();
        }
    }

    private static void backdate(BlobStore store, BlobRef ref) throws IOException {
        Files.setLastModifiedTime(store.path(ref), FileTime.from(Instant.now().minusSeconds(3600)));
    }

    @Test
    void sweepRemovesOnlyOldUnreferencedSettledBlobs() throws IOException {
        BlobStore store = BlobStore.open(dir, Durability.NONE);
        BlobRef referenced = commit(store, 10, 1);
        BlobRef orphan = commit(store, 20, 2);
        BlobRef fresh = commit(store, 30, 3);
        BlobRef pending = commit(store, 40, 4);
        for (BlobRef r : new BlobRef[] {referenced, orphan, fresh}) {
            store.adopted(r);
        }
        backdate(store, referenced);
        backdate(store, orphan);
        backdate(store, pending);
        Files.setLastModifiedTime(store.path(fresh), FileTime.from(Instant.now().plusSeconds(60))); // written after the start
        Files.write(store.path(orphan).resolveSibling("not-a-blob"), new byte[] {1});

        SweepReport report = store.sweep(() -> {
            BlobIdSet ids = new BlobIdSet();
            ids.add(referenced);
            return ids;
        });
        assertThat(report.deleted()).isEqualTo(1);
        assertThat(report.bytesFreed()).isEqualTo(20);
        assertThat(report.scanned()).isEqualTo(4);
        assertThat(report.keptRecent()).isEqualTo(2); // fresh (newer than the sweep), pending
        assertThat(store.exists(orphan)).isFalse();
        assertThat(store.exists(referenced)).isTrue();
        assertThat(store.exists(fresh)).isTrue();
        assertThat(store.exists(pending)).isTrue();
        assertThat(Files.exists(store.path(orphan).resolveSibling("not-a-blob"))).isTrue();
    }

    @Test
    void aBlobAdoptedWhileTheSweepReadsMetadataIsKept() throws IOException {
        BlobStore store = BlobStore.open(dir, Durability.NONE);
        BlobRef racing = commit(store, 10, 1);
        backdate(store, racing);
        // The metadata snapshot misses the record (it commits just after), and the blob stops being
        // pending before the files are walked: the witness set must keep it.
        SweepReport report = store.sweep(() -> {
            BlobIdSet snapshot = new BlobIdSet();
            store.adopted(racing);
            return snapshot;
        });
        assertThat(store.exists(racing)).isTrue();
        assertThat(report.deleted()).isZero();
        // the next sweep (which would see the record) is not fooled either way
        BlobIdSet withRecord = new BlobIdSet();
        withRecord.add(racing);
        store.sweep(() -> withRecord);
        assertThat(store.exists(racing)).isTrue();
        store.sweep(BlobIdSet::new); // record deleted meanwhile, blob settled: now it goes
        assertThat(store.exists(racing)).isFalse();
    }

    @Test
    void blobIdSet() {
        BlobIdSet set = new BlobIdSet(1);
        Set<String> reference = new HashSet<>();
        Random rnd = new Random(9);
        for (int i = 0; i < 5000; i++) {
            String id = String.format("%016x%016x", rnd.nextLong(), i % 7 == 0 ? 0L : rnd.nextLong());
            set.add(id);
            reference.add(id);
        }
        set.add("00000000000000000000000000000000");
        reference.add("00000000000000000000000000000000");
        assertThat(set.size()).isEqualTo(reference.size());
        for (String id : reference) {
            assertThat(set.contains(id)).isTrue();
        }
        for (int i = 0; i < 5000; i++) {
            String id = String.format("%016x%016x", rnd.nextLong(), rnd.nextLong());
            assertThat(set.contains(id)).isEqualTo(reference.contains(id));
        }
        assertThat(set.contains("not an id")).isFalse();
        assertThat(set.contains(null)).isFalse();
    }
}
