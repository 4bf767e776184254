package dev.rosetta.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.storage.kv.ColumnFamily;
import dev.rosetta.storage.kv.Database;
import dev.rosetta.storage.kv.KeyRange;
import dev.rosetta.storage.kv.Table;
import dev.rosetta.storage.kv.ValueCodec;
import dev.rosetta.storage.schema.Keys;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheOnlyReadsTest {
    private static final ColumnFamily<String, byte[]> FAMILY = new ColumnFamily<>("t", Keys.BUCKET, ValueCodec.RAW);

    @TempDir
    Path dir;

    private static byte[] value(int size, int fill) {
        byte[] v = new byte[size];
        Arrays.fill(v, (byte) fill);
        return v;
    }

    @Test
    void aValueOnlyOnDiskWouldBlockUntilAnOrdinaryReadCachedIt() {
        // 4 KiB values live in blob files, 100 bytes in SST blocks: both are cold after a reopen. Both keys
        // share one SST block, so "small" goes first: reading it caches the block but not the large blob
        try (Database db = Database.open(dir, Durability.FSYNC, List.of(FAMILY), 1)) {
            Table<String, byte[]> t = db.table(FAMILY);
            try (var b = db.batch()) {
                b.put(t, "large", value(4096, 1)).put(t, "small", value(100, 2)).commit();
            }
        }
        try (Database db = Database.open(dir, Durability.FSYNC, List.of(FAMILY), 1)) {
            Table<String, byte[]> t = db.table(FAMILY);
            for (String key : List.of("small", "large")) {
                assertThatThrownBy(() -> CacheOnlyReads.attempt(() -> t.get(key)))
                        .as(key).isInstanceOf(WouldBlockException.class);
                byte[] read = t.get(key); // may block: fills the caches
                assertThat(CacheOnlyReads.attempt(() -> t.get(key))).as(key).isEqualTo(read);
            }
            assertThat(CacheOnlyReads.active()).isFalse();
        }
    }

    @Test
    void freshWritesAreReadFromTheMemtableAndAbsentKeysAreAnsweredWithoutTheDisk() {
        try (Database db = Database.open(dir, Durability.FSYNC, List.of(FAMILY), 1)) {
            Table<String, byte[]> t = db.table(FAMILY);
            try (var b = db.batch()) {
                b.put(t, "k", value(4096, 7)).commit();
            }
            assertThat(CacheOnlyReads.attempt(() -> t.get("k"))).isEqualTo(value(4096, 7));
            assertThat(CacheOnlyReads.attempt(() -> t.get("absent"))).isNull();
        }
    }

    @Test
    void writesAndScansRefuseBeforeDoingAnything() {
        try (Database db = Database.open(dir, Durability.FSYNC, List.of(FAMILY), 1)) {
            Table<String, byte[]> t = db.table(FAMILY);
            assertThatThrownBy(() -> CacheOnlyReads.attempt(() -> {
                try (var b = db.batch()) {
                    b.put(t, "k", value(10, 1)).commit();
                }
                return null;
            })).isInstanceOf(WouldBlockException.class);
            assertThat(t.get("k")).isNull();
            assertThatThrownBy(() -> CacheOnlyReads.attempt(() -> t.isEmpty(KeyRange.all())))
                    .isInstanceOf(WouldBlockException.class);
            assertThat(CacheOnlyReads.active()).isFalse();
        }
    }
}
