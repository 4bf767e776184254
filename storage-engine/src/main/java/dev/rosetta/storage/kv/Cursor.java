package dev.rosetta.storage.kv;

import dev.rosetta.storage.CacheOnlyReads;
import dev.rosetta.storage.StorageException;
import java.util.Arrays;
import java.util.concurrent.locks.Lock;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksDBException;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/**
 * A forward iterator over one {@link KeyRange} of a {@link Table}, reading the snapshot taken at
 * creation. Seeks below the range start at the range start; the range end is RocksDB's
 * {@code iterate_upper_bound}, so the cursor becomes invalid there without looking further.
 * Not thread-safe; close it (try-with-resources) on the thread that opened it.
 */
public final class Cursor<K, V> implements AutoCloseable {
    private final Table<K, V> table;
    private final KeyRange range;
    private final Lock guard;
    private final Slice lower;
    private final Slice upper;
    private final ReadOptions readOptions;
    private final RocksIterator it;
    private long moves;
    private boolean closed;

    Cursor(Database db, Table<K, V> table, ColumnFamilyHandle handle, KeyRange range) {
        CacheOnlyReads.checkMayBlock(); // a scan may read any number of blocks
        this.table = table;
        this.range = range;
        this.guard = db.enter();
        Slice lo = null;
        Slice up = null;
        ReadOptions ro = null;
        try {
            lo = new Slice(range.start());
            up = range.end() == null ? null : new Slice(range.end());
            ro = new ReadOptions().setIterateLowerBound(lo);
            if (up != null) {
                ro.setIterateUpperBound(up);
            }
            this.it = db.rocks().newIterator(handle, ro);
        } catch (RuntimeException | Error e) {
            if (ro != null) {
                ro.close();
            }
            if (up != null) {
                up.close();
            }
            if (lo != null) {
                lo.close();
            }
            guard.unlock();
            throw e;
        }
        this.lower = lo;
        this.upper = up;
        this.readOptions = ro;
    }

    public void seekToFirst() {
        seekRaw(range.start());
    }

    /** Positions at the first entry whose key is {@code >= key}. */
    public void seek(K key) {
        seekRaw(table.family().keys().encode(key));
    }

    /**
     * Positions at the first entry whose encoded key is {@code >= target}; targets are bounds made by
     * the schema's key helpers (for example "just past every key with this prefix").
     */
    public void seekRaw(byte[] target) {
        moves++;
        it.seek(Arrays.compareUnsigned(target, range.start()) < 0 ? range.start() : target);
    }

    public boolean valid() {
        if (it.isValid()) {
            return true;
        }
        try {
            it.status();
        } catch (RocksDBException e) {
            throw new StorageException("metadata iteration over " + table.family().name() + " failed: "
                    + e.getMessage(), e);
        }
        return false;
    }

    public void next() {
        moves++;
        it.next();
    }

    public K key() {
        return table.family().keys().decode(it.key());
    }

    public V value() {
        return table.decodeValue(it.value());
    }

    /** Seeks and nexts made so far: the cost of a scan, for tests and metrics. */
    public long moves() {
        return moves;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        it.close();
        readOptions.close();
        if (upper != null) {
            upper.close();
        }
        lower.close();
        guard.unlock();
    }
}
