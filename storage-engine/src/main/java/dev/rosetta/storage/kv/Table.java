package dev.rosetta.storage.kv;

import dev.rosetta.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;

/**
 * Typed access to one column family: keys and values go through the family's codecs, so callers never
 * handle raw bytes. Reads see the latest committed state; writes are made through a {@link Batch}.
 * Thread-safe.
 */
public final class Table<K, V> {
    /** Decodes any value as {@link Boolean#TRUE}: {@link #contains} needs no copy of it. */
    private static final ValueCodec<Boolean> PRESENT = new ValueCodec<>() {
        @Override
        public byte[] encode(Boolean value) {
            throw new UnsupportedOperationException("a presence check writes nothing");
        }

        @Override
        public Boolean decode(byte[] bytes) {
            return Boolean.TRUE;
        }

        @Override
        public Boolean decode(byte[] buffer, int length) {
            return Boolean.TRUE;
        }
    };

    private final Database db;
    private final ColumnFamily<K, V> family;
    private final ColumnFamilyHandle handle;

    Table(Database db, ColumnFamily<K, V> family, ColumnFamilyHandle handle) {
        this.db = db;
        this.family = family;
        this.handle = handle;
    }

    public ColumnFamily<K, V> family() {
        return family;
    }

    /** The value stored under {@code key}, or null. */
    public V get(K key) {
        return read(family.keys().encode(key), false, family.values());
    }

    /**
     * {@link #get} for a key that is usually absent (the record a new object replaces): a {@code keyMayExist}
     * probe (memtables, bloom filters and cached blocks) answers most misses at half the cost of a read, and
     * returns the value when it finds it there; only what it cannot decide is read in full.
     */
    public V getLikelyAbsent(K key) {
        return read(family.keys().encode(key), true, family.values());
    }

    public Optional<V> find(K key) {
        return Optional.ofNullable(get(key));
    }

    public boolean contains(K key) {
        return read(family.keys().encode(key), false, PRESENT) != null;
    }

    /**
     * Whether any key lies in {@code range}: one seek, cost independent of how many keys there are
     * (the iterator's upper bound also stops it at the end of the range instead of skipping
     * tombstones beyond).
     */
    public boolean isEmpty(KeyRange range) {
        try (Cursor<K, V> c = cursor(range)) {
            c.seekToFirst();
            return !c.valid();
        }
    }

    /** Every value in {@code range}, in key order. For small families only (buckets). */
    public List<V> values(KeyRange range) {
        List<V> out = new ArrayList<>();
        try (Cursor<K, V> c = cursor(range)) {
            for (c.seekToFirst(); c.valid(); c.next()) {
                out.add(c.value());
            }
        }
        return out;
    }

    /**
     * An iterator confined to {@code range}, positioned nowhere: call one of its seek methods first.
     * It reads a consistent snapshot taken when it is created. Must be closed.
     */
    public Cursor<K, V> cursor(KeyRange range) {
        return new Cursor<>(db, this, handle, range);
    }

    ColumnFamilyHandle handle() {
        return handle;
    }

    Database database() {
        return db;
    }

    V decodeValue(byte[] raw) {
        return family.values().decode(raw);
    }

    private <T> T read(byte[] key, boolean likelyAbsent, ValueCodec<T> codec) {
        Lock l = db.enter();
        try {
            return likelyAbsent ? db.getLikelyAbsent(handle, key, codec) : db.get(handle, key, codec);
        } catch (RocksDBException e) {
            throw new StorageException("metadata read from " + family.name() + " failed: " + e.getMessage(), e);
        } finally {
            l.unlock();
        }
    }
}
