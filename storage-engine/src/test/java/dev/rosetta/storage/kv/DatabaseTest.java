package dev.rosetta.storage.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.storage.Durability;
import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.schema.Keys;
import dev.rosetta.storage.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseTest {
    @TempDir
    Path dir;

    static final ColumnFamily<String, byte[]> FUTURE = new ColumnFamily<>("future", Keys.BUCKET, ValueCodec.RAW);

    @Test
    void undeclaredFamiliesFromANewerReleaseAreTolerated() {
        List<ColumnFamily<?, ?>> newer = new ArrayList<>(Schema.ALL);
        newer.add(FUTURE);
        try (Database db = Database.open(dir, Durability.NONE, newer, 1)) {
            try (Batch b = db.batch()) {
                b.put(db.table(FUTURE), "x", new byte[] {1}).commit();
            }
        }
        try (Database db = Database.open(dir, Durability.NONE, Schema.ALL, 1)) {
            assertThat(db.table(Schema.BUCKETS).get("x")).isNull();
            assertThatThrownBy(() -> db.table(FUTURE)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void newerFormatIsRefusedAndSecondOpenFails() {
        try (Database db = Database.open(dir, Durability.FSYNC, Schema.ALL, 2)) {
            assertThatThrownBy(() -> Database.open(dir, Durability.FSYNC, Schema.ALL, 2))
                    .as("RocksDB's LOCK file: one process, one opener")
                    .isInstanceOf(StorageException.class);
        }
        assertThatThrownBy(() -> Database.open(dir, Durability.FSYNC, Schema.ALL, 1))
                .isInstanceOf(StorageException.class).hasMessageContaining("format");
        Database.open(dir, Durability.FSYNC, Schema.ALL, 3).close();
    }

    @Test
    void cursorStaysInsideItsRangeAndBatchesCommitOnce() {
        ColumnFamily<String, byte[]> t = new ColumnFamily<>("t", Keys.BUCKET, ValueCodec.RAW);
        try (Database db = Database.open(dir, Durability.NONE, List.of(t), 1)) {
            Table<String, byte[]> table = db.table(t);
            try (Batch b = db.batch()) {
                for (String k : List.of("a", "b", "c", "d")) {
                    b.put(table, k, k.getBytes(StandardCharsets.UTF_8));
                }
                assertThat(b.size()).isEqualTo(4);
                b.commit();
                assertThatThrownBy(b::commit).isInstanceOf(IllegalStateException.class);
            }
            KeyRange bc = KeyRange.of(Keys.BUCKET.encode("b"), Keys.BUCKET.encode("d"));
            List<String> seen = new ArrayList<>();
            try (Cursor<String, byte[]> c = table.cursor(bc)) {
                c.seekRaw(Keys.BUCKET.encode("a")); // below the range: clamped to its start
                for (; c.valid(); c.next()) {
                    seen.add(c.key());
                }
                assertThat(c.moves()).isEqualTo(3);
            }
            assertThat(seen).containsExactly("b", "c");
            assertThat(table.isEmpty(KeyRange.prefix(Keys.BUCKET.encode("c")))).isFalse();
            assertThat(table.isEmpty(KeyRange.prefix(Keys.BUCKET.encode("e")))).isTrue();
        }
    }

    @Test
    void aProbedReadFindsWhatAFullReadFinds() {
        ColumnFamily<String, byte[]> t = new ColumnFamily<>("t", Keys.BUCKET, ValueCodec.RAW);
        byte[] small = "small".getBytes(StandardCharsets.UTF_8);
        byte[] blob = new byte[4096]; // above the blob threshold: a blob file once flushed
        java.util.Arrays.fill(blob, (byte) 7);
        try (Database db = Database.open(dir, Durability.FSYNC, List.of(t), 1)) {
            Table<String, byte[]> table = db.table(t);
            try (Batch b = db.batch()) {
                b.put(table, "small", small).put(table, "blob", blob).commit();
            }
            assertThat(table.getLikelyAbsent("small")).as("from the memtable").isEqualTo(small);
            assertThat(table.getLikelyAbsent("blob")).isEqualTo(blob);
            assertThat(table.getLikelyAbsent("missing")).isNull();
        }
        // reopening flushes the recovered memtable: the records are now in a table file and a blob file
        try (Database db = Database.open(dir, Durability.FSYNC, List.of(t), 1)) {
            Table<String, byte[]> table = db.table(t);
            assertThat(table.getLikelyAbsent("small")).as("from a table file").isEqualTo(small);
            assertThat(table.getLikelyAbsent("blob")).as("from a blob file").isEqualTo(blob);
            assertThat(table.getLikelyAbsent("missing")).isNull();
            assertThat(table.getLikelyAbsent("blob")).as("the same, now cached").isEqualTo(blob);
            assertThat(dev.rosetta.storage.CacheOnlyReads.attempt(() -> table.getLikelyAbsent("blob")))
                    .as("from the caches, in an attempt that must not block").isEqualTo(blob);
            assertThat(dev.rosetta.storage.CacheOnlyReads.attempt(() -> table.getLikelyAbsent("small")))
                    .isEqualTo(small);
        }
    }

    @Test
    void valuesOfEverySizeReadBackExactly() {
        ColumnFamily<String, byte[]> t = new ColumnFamily<>("t", Keys.BUCKET, ValueCodec.RAW);
        // around the per-thread read buffer's size (72 KiB): smaller values are copied out of it, larger
        // ones read again in full
        int[] sizes = {0, 1, 4096, 72 * 1024 - 1, 72 * 1024, 72 * 1024 + 1, 300 * 1024};
        try (Database db = Database.open(dir, Durability.NONE, List.of(t), 1)) {
            Table<String, byte[]> table = db.table(t);
            try (Batch b = db.batch()) {
                for (int size : sizes) {
                    b.put(table, "v" + size, pattern(size));
                }
                b.commit();
            }
            for (int size : sizes) {
                assertThat(table.get("v" + size)).as("%d bytes", size).isEqualTo(pattern(size));
                assertThat(dev.rosetta.storage.CacheOnlyReads.attempt(() -> table.get("v" + size)))
                        .as("%d bytes from the memtable in a cache-only attempt", size).isEqualTo(pattern(size));
            }
            assertThat(table.get("missing")).isNull();
            assertThat(table.contains("v0")).isTrue();
        }
    }

    private static byte[] pattern(int size) {
        byte[] b = new byte[size];
        for (int i = 0; i < size; i++) {
            b[i] = (byte) (i * 31 + size);
        }
        return b;
    }
}
