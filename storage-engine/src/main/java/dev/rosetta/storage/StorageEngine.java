package dev.rosetta.storage;

import dev.rosetta.storage.blob.BlobIdSet;
import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.blob.BlobStore;
import dev.rosetta.storage.blob.SweepReport;
import dev.rosetta.storage.kv.Cursor;
import dev.rosetta.storage.kv.Database;
import dev.rosetta.storage.kv.GroupCommitStats;
import dev.rosetta.storage.kv.KeyRange;
import dev.rosetta.storage.kv.Table;
import dev.rosetta.storage.schema.ObjectKey;
import dev.rosetta.storage.schema.PartKey;
import dev.rosetta.storage.schema.Schema;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A Rosetta data directory: metadata in one RocksDB instance ({@code <data>/meta}, column families of
 * {@link Schema}) and object bytes in files ({@code <data>/blobs}, {@code <data>/tmp}, see
 * {@link BlobStore}). Hands out the stores. Thread-safe.
 *
 * <p><b>Crash safety.</b> Every metadata change is exactly one RocksDB {@code WriteBatch}, applied
 * atomically and, with {@link Durability#FSYNC}, fsynced to the WAL before the call returns. A blob is
 * durable in the blob tree before any record names it, and deleted only after the record that dropped
 * it has committed. So a crash at any instant leaves the old state or the new one; the worst it leaves
 * is a file in {@code tmp/} (emptied at open) or a committed blob no record references (removed by
 * {@link #sweepOrphans()}).
 *
 * <p><b>Blob ownership.</b> A blob belongs to exactly one record, an object or a part. The only
 * sharing allowed is a record replacing another at the same key with the same blob (a metadata-only
 * update or a copy onto itself); a copy to another key gets its own blob ({@link BlobStore#copy}).
 * Once a blob is handed to a store ({@link ObjectStore#put}, {@link MultipartSessionStore#putPart}) the
 * store owns it, whether the call succeeds or not.
 *
 * <p><b>Lock order.</b> Writers take locks only in this order, each a prefix of it, so none can
 * deadlock:
 * <ol>
 *   <li>the bucket's lock ({@link BucketLocks}: exclusive for CreateBucket/DeleteBucket, shared for
 *       Initiate, PutObject, DeleteObject, Complete);</li>
 *   <li>the object key's stripe (PutObject, DeleteObject, Complete);</li>
 *   <li>the upload id's stripe (UploadPart and Abort take only this one; Complete takes it last).</li>
 * </ol>
 * Reads take no lock. RocksDB's {@code LOCK} file keeps other processes out of the directory, so these
 * in-process locks see every writer.
 *
 * <p>{@link #close()} waits for in-flight metadata operations; later calls throw
 * {@link StorageException}.
 */
public final class StorageEngine implements AutoCloseable {
    static final String META = "meta";
    private static final int KEY_LOCK_STRIPES = 1024;

    private final Path dataDir;
    private final Database db;
    private final BlobStore blobs;
    private final StorageOptions options;
    private final BucketStore buckets;
    private final ObjectStore objects;
    private final MultipartSessionStore uploads;

    private StorageEngine(Path dataDir, Database db, BlobStore blobs, StorageOptions options) {
        this.dataDir = dataDir;
        this.db = db;
        this.blobs = blobs;
        this.options = options;
        BucketLocks bucketLocks = new BucketLocks();
        StripedLocks keyLocks = new StripedLocks(KEY_LOCK_STRIPES);
        this.buckets = new BucketStore(db, db.table(Schema.BUCKETS), db.table(Schema.OBJECTS),
                db.table(Schema.UPLOADS), bucketLocks);
        this.objects = new ObjectStore(db, buckets, db.table(Schema.OBJECTS), bucketLocks, keyLocks,
                blobs, options.inlineThreshold());
        this.uploads = new MultipartSessionStore(db, buckets, db.table(Schema.UPLOADS),
                db.table(Schema.PARTS), db.table(Schema.OBJECTS), bucketLocks, keyLocks, new UploadIdGenerator(),
                blobs);
    }

    /**
     * Opens (creating if missing) the data directory: RocksDB in {@code dataDir/meta}, blobs in
     * {@code dataDir/blobs}; empties {@code dataDir/tmp}. Does not sweep: call {@link #sweepOrphans()}
     * (it may run while requests are served).
     */
    public static StorageEngine open(Path dataDir, Durability durability, StorageOptions options) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(durability, "durability");
        Objects.requireNonNull(options, "options");
        // RocksDB first: its LOCK file proves no other process uses the directory before tmp/ is emptied
        Database db = Database.open(dataDir.resolve(META), durability, Schema.ALL, Schema.FORMAT_VERSION);
        try {
            BlobStore blobs = BlobStore.open(dataDir, durability);
            return new StorageEngine(dataDir, db, blobs, options);
        } catch (RuntimeException | Error e) {
            db.close();
            throw e;
        }
    }

    /** {@link #open(Path, Durability, StorageOptions)} with {@link StorageOptions#defaults()}. */
    public static StorageEngine open(Path dataDir, Durability durability) {
        return open(dataDir, durability, StorageOptions.defaults());
    }

    public BucketStore buckets() {
        return buckets;
    }

    public ObjectStore objects() {
        return objects;
    }

    /** A RocksDB integer property summed over the column families, for metrics; see {@link Database#longProperty}. */
    public long metadataProperty(String property) {
        return db.longProperty(property);
    }

    /** Totals of the group committer that makes PUT, UploadPart and initiate writes durable. */
    public GroupCommitStats groupCommits() {
        return db.groupCommits();
    }

    public MultipartSessionStore uploads() {
        return uploads;
    }

    public BlobStore blobs() {
        return blobs;
    }

    public StorageOptions options() {
        return options;
    }

    public Durability durability() {
        return db.durability();
    }

    public Path dataDirectory() {
        return dataDir;
    }

    /**
     * Deletes committed blobs that no object and no part references (see {@link BlobStore#sweep} for
     * why a concurrent upload is never hurt). Reads every object and part record: run it at start-up
     * in the background, or rarely.
     */
    public SweepReport sweepOrphans() {
        return blobs.sweep(this::referencedBlobs);
    }

    private BlobIdSet referencedBlobs() {
        BlobIdSet ids = new BlobIdSet();
        Table<ObjectKey, ObjectRecord> objectTable = db.table(Schema.OBJECTS);
        try (Cursor<ObjectKey, ObjectRecord> c = objectTable.cursor(KeyRange.all())) {
            for (c.seekToFirst(); c.valid(); c.next()) {
                for (BlobRef r : c.value().body().blobs()) {
                    ids.add(r);
                }
            }
        }
        Table<PartKey, PartRecord> partTable = db.table(Schema.PARTS);
        try (Cursor<PartKey, PartRecord> c = partTable.cursor(KeyRange.all())) {
            for (c.seekToFirst(); c.valid(); c.next()) {
                ids.add(c.value().blob());
            }
        }
        return ids;
    }

    /** The typed database underneath, for this module's stores and tests. */
    Database database() {
        return db;
    }

    @Override
    public void close() {
        db.close();
    }
}
