package dev.rosetta.storage.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.storage.Durability;
import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.schema.Keys;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

class GroupCommitterTest {
    private static final ColumnFamily<String, byte[]> A = new ColumnFamily<>("a", Keys.BUCKET, ValueCodec.RAW);
    private static final ColumnFamily<String, byte[]> B = new ColumnFamily<>("b", Keys.BUCKET, ValueCodec.RAW);

    @TempDir
    Path dir;

    @Test
    void mergedBatchHoldsEveryRecordOfEveryBatchInOrder() throws RocksDBException {
        try (Database db = Database.open(dir, Durability.NONE, List.of(A, B), 1)) {
            Table<String, byte[]> a = db.table(A);
            Table<String, byte[]> b = db.table(B);
            byte[] first;
            byte[] second;
            try (WriteBatch batch = new WriteBatch()) {
                batch.put(a.handle(), key("k1"), bytes("one"));
                batch.put(b.handle(), key("k1"), bytes("b-one"));
                batch.put(a.handle(), key("gone"), bytes("x"));
                first = batch.data();
            }
            try (WriteBatch batch = new WriteBatch()) {
                batch.put(a.handle(), key("k2"), bytes("two"));
                batch.delete(a.handle(), key("gone"));
                batch.put(a.handle(), key("k1"), bytes("one, replaced"));
                second = batch.data();
            }
            byte[] merged = GroupCommitter.mergeAll(List.of(first, second));
            try (WriteBatch batch = new WriteBatch(merged)) {
                assertThat(batch.count()).isEqualTo(6);
                db.write(batch);
            }
            assertThat(a.get("k1")).as("the later batch's put wins").isEqualTo(bytes("one, replaced"));
            assertThat(a.get("k2")).isEqualTo(bytes("two"));
            assertThat(b.get("k1")).isEqualTo(bytes("b-one"));
            assertThat(a.get("gone")).as("deleted by the later batch").isNull();
        }
    }

    @Test
    void batchesQueuedWhileAWriteIsInProgressAreCommittedTogether() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        LinkedBlockingQueue<Integer> writtenCounts = new LinkedBlockingQueue<>();
        LinkedBlockingQueue<Integer> batchesPerWrite = new LinkedBlockingQueue<>();
        GroupCommitStats stats = new GroupCommitStats();
        GroupCommitter committer = new GroupCommitter("test-commit", stats, (batch, batches) -> {
            writtenCounts.add(batch.count());
            batchesPerWrite.add(batches);
            firstStarted.countDown();
            await(release);
        });
        try {
            CompletableFuture<Void> first = committer.submit(rep(1));
            assertThat(firstStarted.await(10, TimeUnit.SECONDS)).isTrue();
            List<CompletableFuture<Void>> waiting = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                waiting.add(committer.submit(rep(2))); // queued behind the write in progress
            }
            assertThat(first).isNotDone();
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            CompletableFuture.allOf(waiting.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
            assertThat(writtenCounts).as("one write for the first batch, one for the ten queued behind it")
                    .containsExactly(1, 20);
            assertThat(batchesPerWrite).containsExactly(1, 10);
            assertThat(stats.groups()).isEqualTo(2);
            assertThat(stats.batches()).isEqualTo(11);
            assertThat(stats.writeNanos()).isPositive();
        } finally {
            release.countDown();
            committer.close();
        }
    }

    @Test
    void aFailedWriteFailsEveryBatchOfItsGroupAndTheCommitterGoesOn() throws Exception {
        StorageException failure = new StorageException("disk full");
        LinkedBlockingQueue<Integer> writtenCounts = new LinkedBlockingQueue<>();
        GroupCommitStats stats = new GroupCommitStats();
        GroupCommitter committer = new GroupCommitter("test-commit", stats, (batch, batches) -> {
            int count = batch.count();
            writtenCounts.add(count);
            if (count == 3) {
                throw failure;
            }
        });
        try {
            CompletableFuture<Void> failed = committer.submit(rep(3));
            assertThatThrownBy(() -> failed.get(10, TimeUnit.SECONDS)).hasCause(failure);
            committer.submit(rep(1)).get(10, TimeUnit.SECONDS);
            assertThat(writtenCounts).containsExactly(3, 1);
            assertThat(stats.groups()).as("a failed write is not counted").isEqualTo(1);
        } finally {
            committer.close();
        }
    }

    @Test
    void closeCommitsWhatIsQueuedAndRefusesWhatComesAfter() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        LinkedBlockingQueue<Integer> writtenCounts = new LinkedBlockingQueue<>();
        GroupCommitStats stats = new GroupCommitStats();
        GroupCommitter committer = new GroupCommitter("test-commit", stats, (batch, batches) -> {
            await(release);
            writtenCounts.add(batch.count());
        });
        CompletableFuture<Void> first = committer.submit(rep(1));
        CompletableFuture<Void> second = committer.submit(rep(1));
        Thread closer = new Thread(committer::close);
        closer.start();
        release.countDown();
        closer.join(10_000);
        assertThat(closer.isAlive()).isFalse();
        assertThat(first).isCompleted();
        assertThat(second).isCompleted();
        assertThat(writtenCounts.stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
        assertThatThrownBy(() -> committer.submit(rep(1)).join())
                .isInstanceOf(CompletionException.class).hasCauseInstanceOf(StorageException.class);
    }

    @Test
    void asynchronousCommitsAreDurableAcrossReopen() {
        List<CompletableFuture<Void>> commits = new ArrayList<>();
        try (Database db = Database.open(dir, Durability.FSYNC, List.of(A), 1)) {
            Table<String, byte[]> a = db.table(A);
            for (int i = 0; i < 50; i++) {
                try (Batch batch = db.batch()) {
                    commits.add(batch.put(a, "k" + i, bytes("v" + i)).commitAsync());
                }
            }
            CompletableFuture.allOf(commits.toArray(CompletableFuture[]::new)).join();
            assertThat(a.get("k49")).as("visible once its future completed").isEqualTo(bytes("v49"));
        }
        try (Database db = Database.open(dir, Durability.FSYNC, List.of(A), 1)) {
            for (int i = 0; i < 50; i++) {
                assertThat(db.table(A).get("k" + i)).isEqualTo(bytes("v" + i));
            }
        }
    }

    /** A serialized batch of {@code records} puts, as RocksDB lays it out. */
    private static byte[] rep(int records) throws RocksDBException {
        try (WriteBatch batch = new WriteBatch()) {
            for (int i = 0; i < records; i++) {
                batch.put(bytes("key" + i), bytes("value" + i));
            }
            return batch.data();
        }
    }

    private static byte[] key(String k) {
        return A.keys().encode(k);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
