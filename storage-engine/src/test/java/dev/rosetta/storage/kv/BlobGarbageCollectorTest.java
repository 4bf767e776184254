package dev.rosetta.storage.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.storage.Durability;
import dev.rosetta.storage.schema.Keys;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.CompactRangeOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;

class BlobGarbageCollectorTest {
    private static final ColumnFamily<String, byte[]> BODIES = new ColumnFamily<>("bodies", Keys.BUCKET, ValueCodec.RAW);
    private static final int VALUE_BYTES = 4096;

    @TempDir
    Path dir;

    @Test
    void collectsOnlyWhileReplacedValuesLeaveGarbage() throws RocksDBException {
        try (Database db = Database.open(dir, Durability.NONE, List.of(BODIES), 1)) {
            Table<String, byte[]> table = db.table(BODIES);
            ColumnFamilyHandle h = table.handle();
            RocksDB rocks = db.rocks();
            BlobGarbageCollector gc = collector(db, 0);

            writeAndFlush(db, 400, (byte) 1);
            gc.check();
            assertThat(gc.collecting(0)).as("new values only: nothing to collect").isFalse();

            writeAndFlush(db, 200, (byte) 2); // replaces half: their first blobs become garbage
            rocks.compactRange(h); // compaction is what finds the replaced blobs
            long garbage = rocks.getLongProperty(h, BlobGarbageCollector.GARBAGE_BYTES);
            long total = rocks.getLongProperty(h, BlobGarbageCollector.BLOB_BYTES);
            assertThat((double) garbage / total).as("200 of 600 blobs are garbage").isBetween(0.30, 0.36);

            gc.check();
            assertThat(gc.collecting(0)).isTrue();

            compactAll(rocks, h); // with collection on, the live blobs move out and the old file goes
            assertThat(rocks.getLongProperty(h, BlobGarbageCollector.GARBAGE_BYTES)).isZero();
            assertThat(rocks.getLongProperty(h, BlobGarbageCollector.BLOB_BYTES)).isLessThan(total - garbage / 2);
            gc.check();
            assertThat(gc.collecting(0)).isFalse();

            assertThat(table.get("k0")).isEqualTo(value((byte) 2));
            assertThat(table.get("k399")).isEqualTo(value((byte) 1));
        }
    }

    @Test
    void smallGarbageIsLeftAlone() throws RocksDBException {
        try (Database db = Database.open(dir, Durability.NONE, List.of(BODIES), 1)) {
            BlobGarbageCollector gc = collector(db, 32L << 20);
            writeAndFlush(db, 100, (byte) 1);
            writeAndFlush(db, 100, (byte) 2);
            db.rocks().compactRange(db.table(BODIES).handle());
            gc.check();
            assertThat(gc.collecting(0)).as("under the minimum amount of garbage").isFalse();
        }
    }

    @Test
    void thresholdsMustBeOrdered() {
        assertThatThrownBy(() -> new BlobGarbageCollector(null, List.of(), 0.1, 0.25, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static BlobGarbageCollector collector(Database db, long minGarbageBytes) {
        return new BlobGarbageCollector(db.rocks(), List.of(db.table(BODIES).handle()), 0.25, 0.10, minGarbageBytes);
    }

    /** Writes keys k0 .. k(count-1), all filled with {@code fill}, and flushes them to an SST and a blob file. */
    private static void writeAndFlush(Database db, int count, byte fill) throws RocksDBException {
        Table<String, byte[]> table = db.table(BODIES);
        try (Batch b = db.batch()) {
            for (int i = 0; i < count; i++) {
                b.put(table, "k" + i, value(fill));
            }
            b.commit();
        }
        flush(db.rocks(), table.handle());
    }

    private static byte[] value(byte fill) {
        byte[] v = new byte[VALUE_BYTES];
        Arrays.fill(v, fill);
        return v;
    }

    /** A full compaction, the bottom level included (which a plain compactRange may skip). */
    private static void compactAll(RocksDB rocks, ColumnFamilyHandle h) throws RocksDBException {
        try (CompactRangeOptions o = new CompactRangeOptions()
                .setBottommostLevelCompaction(CompactRangeOptions.BottommostLevelCompaction.kForce)) {
            rocks.compactRange(h, null, null, o);
        }
    }

    private static void flush(RocksDB rocks, ColumnFamilyHandle h) throws RocksDBException {
        try (FlushOptions f = new FlushOptions().setWaitForFlush(true)) {
            rocks.flush(f, h);
        }
    }
}
