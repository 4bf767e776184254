package dev.rosetta.storage.kv;

import dev.rosetta.storage.StorageException;
import java.util.concurrent.CompletableFuture;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * One atomic state change: puts and deletes over any tables of one {@link Database},
 * applied all together by {@link #commit()} or not at all. With {@code Durability.FSYNC} the commit
 * returns after the WAL is fsynced. Not thread-safe; use one per operation, in try-with-resources.
 */
public final class Batch implements AutoCloseable {
    private final Database db;
    private final WriteBatch batch = new WriteBatch();
    private boolean committed;

    Batch(Database db) {
        this.db = db;
    }

    public <K, V> Batch put(Table<K, V> table, K key, V value) {
        check(table);
        try {
            batch.put(table.handle(), table.family().keys().encode(key), table.family().values().encode(value));
        } catch (RocksDBException e) {
            throw new StorageException("batch put failed: " + e.getMessage(), e);
        }
        return this;
    }

    public <K> Batch delete(Table<K, ?> table, K key) {
        check(table);
        try {
            batch.delete(table.handle(), table.family().keys().encode(key));
        } catch (RocksDBException e) {
            throw new StorageException("batch delete failed: " + e.getMessage(), e);
        }
        return this;
    }

    public int size() {
        return batch.count();
    }

    /** Writes the batch atomically (synced according to the database's durability). Once only. */
    public void commit() {
        if (committed) {
            throw new IllegalStateException("batch already committed");
        }
        committed = true;
        db.write(batch);
    }

    /**
     * Hands the batch to the database's group committer and returns at once (without fsync, the write is done
     * here). The batch may be closed right after. Once only.
     *
     * @return completed once the write is durable and visible, or failed with
     *         {@link StorageException}; dependent actions run on the committer's thread and must be quick
     */
    public CompletableFuture<Void> commitAsync() {
        if (committed) {
            throw new IllegalStateException("batch already committed");
        }
        committed = true;
        return db.writeAsync(batch);
    }

    @Override
    public void close() {
        batch.close();
    }

    private void check(Table<?, ?> table) {
        if (committed) {
            throw new IllegalStateException("batch already committed");
        }
        if (table.database() != db) {
            throw new IllegalArgumentException("table belongs to another database");
        }
    }
}
