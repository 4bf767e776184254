package dev.rosetta.storage;

import dev.rosetta.storage.kv.Database;
import dev.rosetta.storage.schema.Schema;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The metadata of a Rosetta server: one RocksDB instance whose column families are declared in
 * {@link Schema} ({@code buckets}, {@code objects}, {@code uploads}, {@code parts}).
 *
 * <p><b>Crash safety.</b> Every state change is exactly one RocksDB {@code WriteBatch} (bucket
 * create/delete, upload initiate, upload abort with its parts), applied atomically and, with
 * {@link Durability#FSYNC}, fsynced to the WAL before the call returns. A crash at any instant
 * therefore leaves either the old state or the new one, never a half-applied change. Things outside
 * RocksDB (blob files, next) are written before their metadata commits and deleted after, so the worst
 * a crash leaves is an unreferenced blob for the start-up sweep.
 *
 * <p>Thread-safe. {@link #close()} waits for in-flight operations; later calls throw
 * {@link StorageException}.
 */
public final class MetadataStore implements AutoCloseable {
    private final Database db;
    private final BucketStore buckets;
    private final MultipartSessionStore uploads;

    private MetadataStore(Database db) {
        this.db = db;
        BucketLocks locks = new BucketLocks();
        this.buckets = new BucketStore(db, db.table(Schema.BUCKETS), db.table(Schema.OBJECTS),
                db.table(Schema.UPLOADS), locks);
        this.uploads = new MultipartSessionStore(db, db.table(Schema.BUCKETS), db.table(Schema.UPLOADS),
                db.table(Schema.PARTS), locks, new UploadIdGenerator());
    }

    /** Opens the store in {@code dir}, creating the directory and the database if missing. */
    public static MetadataStore open(Path dir, Durability durability) {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(durability, "durability");
        return new MetadataStore(Database.open(dir, durability, Schema.ALL, Schema.FORMAT_VERSION));
    }

    public BucketStore buckets() {
        return buckets;
    }

    public MultipartSessionStore uploads() {
        return uploads;
    }

    public Durability durability() {
        return db.durability();
    }

    /** The typed database underneath, for the stores of this module (and tests). */
    Database database() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }
}
