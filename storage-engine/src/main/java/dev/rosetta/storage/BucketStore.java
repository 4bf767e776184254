package dev.rosetta.storage;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.storage.kv.Batch;
import dev.rosetta.storage.kv.Database;
import dev.rosetta.storage.kv.KeyRange;
import dev.rosetta.storage.kv.Table;
import dev.rosetta.storage.schema.Keys;
import dev.rosetta.storage.schema.ObjectKey;
import dev.rosetta.storage.schema.UploadKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.function.UnaryOperator;

/**
 * Buckets: create, look up, list, update settings, delete. Bucket-name syntax is the caller's job.
 * Create, update and delete hold the bucket's exclusive {@link BucketLocks lock}; reads take none.
 * Thread-safe.
 */
public final class BucketStore {
    private final Database db;
    private final Table<String, BucketRecord> buckets;
    private final Table<ObjectKey, ObjectRecord> objects;
    private final Table<UploadKey, MultipartUpload> uploads;
    private final BucketLocks locks;
    private final BucketRecordCache cache = new BucketRecordCache();

    BucketStore(Database db, Table<String, BucketRecord> buckets, Table<ObjectKey, ObjectRecord> objects,
                Table<UploadKey, MultipartUpload> uploads, BucketLocks locks) {
        this.db = db;
        this.buckets = buckets;
        this.objects = objects;
        this.uploads = uploads;
        this.locks = locks;
    }

    /**
     * Creates a bucket (one synced write).
     *
     * @param locationConstraint as sent, or null
     * @param dialect            name of the request's wire style
     * @param now                creation time; stored with millisecond precision
     * @throws S3Exception BucketAlreadyOwnedByYou if {@code owner} already has it, BucketAlreadyExists
     *                     if another account has it (both 409, with a BucketName element)
     */
    public BucketRecord create(String name, Owner owner, String locationConstraint, String dialect, Instant now) {
        return create(name, owner, locationConstraint, dialect, now, UnaryOperator.identity());
    }

    /**
     * {@link #create(String, Owner, String, String, Instant)} with settings made at creation (object lock,
     * default storage class, ...), written in the same synced write.
     *
     * @param settings given the new record, returns it with its initial settings; it must keep the name
     */
    public BucketRecord create(String name, Owner owner, String locationConstraint, String dialect, Instant now,
                               UnaryOperator<BucketRecord> settings) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(now, "now");
        Objects.requireNonNull(settings, "settings");
        BucketRecord record = Objects.requireNonNull(settings.apply(new BucketRecord(name, owner,
                now.truncatedTo(ChronoUnit.MILLIS), locationConstraint, dialect)), "settings result");
        if (!record.name().equals(name)) {
            throw new IllegalArgumentException("bucket settings cannot rename bucket " + name);
        }
        Lock lock = locks.exclusive(name);
        lock.lock();
        try {
            BucketRecord existing = buckets.get(name);
            if (existing != null) {
                S3ErrorCode code = existing.owner().id().equals(owner.id())
                        ? S3ErrorCode.BUCKET_ALREADY_OWNED_BY_YOU : S3ErrorCode.BUCKET_ALREADY_EXISTS;
                throw new S3Exception(code).with("BucketName", name);
            }
            try (Batch batch = db.batch()) {
                batch.put(buckets, name, record).commit();
            } finally {
                cache.invalidate(name);
            }
            return record;
        } finally {
            lock.unlock();
        }
    }

    public Optional<BucketRecord> find(String name) {
        return Optional.ofNullable(cache.get(name, buckets::get));
    }

    /** @throws S3Exception NoSuchBucket */
    public BucketRecord require(String name) {
        BucketRecord b = cache.get(name, buckets::get);
        if (b == null) {
            throw S3Exception.noSuchBucket(name);
        }
        return b;
    }

    public boolean exists(String name) {
        return cache.get(name, buckets::get) != null;
    }

    /** Every bucket, sorted by name. */
    public List<BucketRecord> list() {
        return buckets.values(KeyRange.all());
    }

    /**
     * Changes a bucket's settings (one synced write, none when nothing changes). Runs under the bucket's
     * exclusive lock, so concurrent updates apply one after the other and none is lost, and the bucket
     * cannot be deleted or re-created in between.
     *
     * @param change given the stored record, returns the record to store; it must keep the name
     * @return the record now stored
     * @throws S3Exception NoSuchBucket, or whatever {@code change} throws (nothing is written then)
     */
    public BucketRecord update(String name, UnaryOperator<BucketRecord> change) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(change, "change");
        Lock lock = locks.exclusive(name);
        lock.lock();
        try {
            BucketRecord existing = buckets.get(name);
            if (existing == null) {
                throw S3Exception.noSuchBucket(name);
            }
            BucketRecord updated = Objects.requireNonNull(change.apply(existing), "updated record");
            if (!updated.name().equals(name)) {
                throw new IllegalArgumentException("an update cannot rename bucket " + name);
            }
            if (updated.equals(existing)) {
                return existing;
            }
            try (Batch batch = db.batch()) {
                batch.put(buckets, name, updated).commit();
            } finally {
                cache.invalidate(name);
            }
            return updated;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Deletes an empty bucket (one synced write).
     *
     * <p>Emptiness is two seeks (objects family, uploads family) to the bucket's key prefix, whatever
     * the number of buckets or objects. Runs under the bucket's exclusive lock, so nothing can be put
     * into the bucket between that check and the delete.
     *
     * @throws S3Exception NoSuchBucket; BucketNotEmpty (409) while it holds an object or a multipart
     *                     upload
     */
    public void delete(String name) {
        Lock lock = locks.exclusive(name);
        lock.lock();
        try {
            if (!buckets.contains(name)) {
                throw S3Exception.noSuchBucket(name);
            }
            KeyRange contents = Keys.bucketContents(name);
            if (!objects.isEmpty(contents) || !uploads.isEmpty(contents)) {
                throw new S3Exception(S3ErrorCode.BUCKET_NOT_EMPTY).with("BucketName", name);
            }
            try (Batch batch = db.batch()) {
                batch.delete(buckets, name).commit();
            } finally {
                cache.invalidate(name);
            }
        } finally {
            lock.unlock();
        }
    }

}
