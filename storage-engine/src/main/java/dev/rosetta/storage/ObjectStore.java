package dev.rosetta.storage;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.blob.BlobStore;
import dev.rosetta.storage.kv.Batch;
import dev.rosetta.storage.kv.Cursor;
import dev.rosetta.storage.kv.Database;
import dev.rosetta.storage.kv.Table;
import dev.rosetta.storage.schema.ExpiryKey;
import dev.rosetta.storage.schema.Keys;
import dev.rosetta.storage.schema.ObjectKey;
import dev.rosetta.storage.schema.Schema;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Lock;
import java.util.function.Function;

/**
 * Objects: look up, put (create or replace), delete, list. Thread-safe.
 *
 * <p><b>Writes</b> hold the bucket's shared {@link BucketLocks lock} (so DeleteBucket cannot slip
 * between the bucket check and the commit) and then the key's stripe lock (so that the guard sees
 * the record the write replaces, and the replaced record's blobs are known exactly). Each is one
 * synced batch; blobs the write dropped are deleted after it commits. Reads take no lock.
 *
 * <p><b>Blob ownership.</b> A record handed to {@link #put} owns its blobs from then on, whether the
 * put commits or is refused: the caller never deletes them. See {@link BlobReclaimer}.
 */
public final class ObjectStore {
    private final Database db;
    private final BucketStore buckets;
    private final Table<ObjectKey, ObjectRecord> objects;
    private final BucketLocks bucketLocks;
    private final StripedLocks keyLocks;
    private final BlobStore blobs;
    private final BlobReclaimer reclaimer;
    private final int inlineThreshold;
    private final ObjectExpiryIndex expiry;

    ObjectStore(Database db, BucketStore buckets, Table<ObjectKey, ObjectRecord> objects,
                BucketLocks bucketLocks, StripedLocks keyLocks, BlobStore blobs, int inlineThreshold) {
        this.db = db;
        this.buckets = buckets;
        this.objects = objects;
        this.bucketLocks = bucketLocks;
        this.keyLocks = keyLocks;
        this.blobs = blobs;
        this.reclaimer = new BlobReclaimer(blobs);
        this.inlineThreshold = inlineThreshold;
        this.expiry = new ObjectExpiryIndex(db.table(Schema.EXPIRY));
    }

    public Optional<ObjectRecord> find(String bucket, String key) {
        return objects.find(new ObjectKey(bucket, key));
    }

    /** @throws S3Exception NoSuchBucket if the bucket is missing, else NoSuchKey (with a Key element) */
    public ObjectRecord require(String bucket, String key) {
        ObjectRecord o = objects.get(new ObjectKey(bucket, key));
        if (o == null) {
            if (!buckets.exists(bucket)) {
                throw S3Exception.noSuchBucket(bucket);
            }
            throw new S3Exception(S3ErrorCode.NO_SUCH_KEY).with("Key", key);
        }
        return o;
    }

    /** Whether a body of {@code size} bytes stays in memory in a {@link #newBody()} writer (inline in its record). */
    public boolean storesInline(long size) {
        return size >= 0 && size <= inlineThreshold;
    }

    /**
     * A writer for a new object's bytes that keeps them in memory up to the configured inline threshold
     * and spills to a blob past it.
     */
    public BodyWriter newBody() {
        return newBody(null);
    }

    /**
     * {@link #newBody()} storing the bytes encrypted with {@code key} (a fresh data key for this body alone),
     * inline or in a blob alike; null stores them as they are.
     */
    public BodyWriter newBody(dev.rosetta.storage.crypto.DataKey key) {
        return new BodyWriter(blobs, inlineThreshold, key);
    }

    /**
     * Stores {@code record} at its bucket and key, replacing what is there (one synced write), then
     * deletes the blobs of the replaced record that {@code record} does not reuse.
     *
     * <p>{@code record}'s blobs must be committed and belong to no other record, except blobs of the
     * record it replaces (a metadata-only rewrite may keep them). If the put is refused, they are
     * deleted (but not those the current record uses).
     *
     * @param guard checked against the current record (or null) under the key's lock
     * @return the replaced record, or null
     * @throws S3Exception NoSuchBucket, or whatever {@code guard} throws; nothing is changed then
     */
    public ObjectRecord put(ObjectRecord record, WriteGuard guard) {
        return Futures.join(putAsync(record, guard));
    }

    /**
     * {@link #put} without waiting for the disk: the checks run now, the write is queued for the group
     * committer, and the bucket and key locks stay held until it is durable, so that nothing can be read or
     * written between what the guard saw and the write. Dependent actions of the future run on the committer's
     * thread and must be quick.
     *
     * @return completed with the replaced record (or null) once the write is durable, or failed with
     *         {@link StorageException} if the commit failed
     * @throws S3Exception NoSuchBucket, or whatever {@code guard} throws, before anything is queued
     */
    public CompletableFuture<ObjectRecord> putAsync(ObjectRecord record, WriteGuard guard) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(guard, "guard");
        String bucket = record.bucket();
        List<BlobRef> handed = record.body().blobs();
        ObjectKey ok = new ObjectKey(bucket, record.key());
        ObjectRecord existing = null;
        boolean refusing = false; // true once the current state is known and the record not yet committing
        Lock bucketLock = bucketLocks.shared(bucket);
        Lock keyLock = keyLocks.of(bucket, record.key());
        CompletableFuture<Void> committed;
        CacheOnlyReads.lock(bucketLock);
        try {
            CacheOnlyReads.lock(keyLock);
            try {
                if (!buckets.exists(bucket)) {
                    refusing = true;
                    throw S3Exception.noSuchBucket(bucket);
                }
                existing = objects.getLikelyAbsent(ok); // most PUTs write a new key
                refusing = true;
                guard.check(existing);
                refusing = false;
                if (CacheOnlyReads.active() && existing != null
                        && !BlobReclaimer.minus(existing.body().blobs(), handed).isEmpty()) {
                    // the replaced blobs are deleted after the commit, maybe on this thread if it is quick
                    throw CacheOnlyReads.wouldBlock();
                }
                try (Batch batch = db.batch()) {
                    batch.put(objects, ok, record);
                    expiry.stage(batch, existing, record);
                    committed = batch.commitAsync();
                }
            } catch (RuntimeException | Error e) {
                keyLock.unlock();
                throw e;
            }
        } catch (WouldBlockException e) {
            bucketLock.unlock();
            throw e; // tried on a thread that must not block: run again elsewhere, still owning the blobs
        } catch (RuntimeException | Error e) {
            bucketLock.unlock();
            if (refusing) {
                reclaimer.refused(handed, existing);
            } else {
                // a read or the commit failed: the metadata decides, the next sweep cleans up
                reclaimer.adopt(handed);
            }
            throw e;
        }
        ObjectRecord replaced = existing;
        return committed.handle((done, failure) -> {
            keyLock.unlock();
            bucketLock.unlock();
            reclaimer.adopt(handed); // committed or not, the metadata decides (see BlobReclaimer)
            if (failure != null) {
                throw Futures.unwrap(failure);
            }
            reclaimer.replaced(replaced, record);
            return replaced;
        });
    }

    /**
     * Deletes the object at {@code bucket}/{@code key} (one synced write), then its blobs. A missing key
     * is not an error (S3 answers 204 either way).
     *
     * @param guard checked against the current record (or null) under the key's lock
     * @return the deleted record, or null if there was none
     * @throws S3Exception NoSuchBucket, or whatever {@code guard} throws
     */
    public ObjectRecord delete(String bucket, String key, WriteGuard guard) {
        Objects.requireNonNull(guard, "guard");
        ObjectKey ok = new ObjectKey(bucket, key);
        ObjectRecord existing;
        Lock bucketLock = bucketLocks.shared(bucket);
        bucketLock.lock();
        try {
            Lock keyLock = keyLocks.of(bucket, key);
            keyLock.lock();
            try {
                if (!buckets.exists(bucket)) {
                    throw S3Exception.noSuchBucket(bucket);
                }
                existing = objects.get(ok);
                guard.check(existing);
                if (existing == null) {
                    return null;
                }
                try (Batch batch = db.batch()) {
                    batch.delete(objects, ok);
                    expiry.stage(batch, existing, null);
                    batch.commit();
                }
            } finally {
                keyLock.unlock();
            }
        } finally {
            bucketLock.unlock();
        }
        reclaimer.replaced(existing, null);
        return existing;
    }

    /** The index of objects due to expire ({@code x-obs-expires}), kept in step with every write here. */
    public ObjectExpiryIndex expiryIndex() {
        return expiry;
    }

    /** What {@link #expire} did with one index entry. */
    public enum Expiry {
        /** The object was deleted (one synced write that also removed the entry). */
        EXPIRED,
        /** The object is protected for now (object lock); its entry was moved to when to look again. */
        POSTPONED,
        /** The entry no longer described the object at its key (replaced or deleted meanwhile); it was dropped. */
        STALE,
        /** The object is not due at that time; nothing changed. */
        NOT_DUE
    }

    /**
     * Deletes the object an expiry index entry names if the entry is due at {@code now} and still stands for the
     * object at its key (the object's own due time is not after the entry's: the entry is its own, or its own moved
     * later by a postponement), in one synced write with the entry's removal; then its blobs. An entry that no
     * longer stands for the object is dropped.
     *
     * @param protectedUntil given the object, null when it may be deleted now, else when to try again (an
     *                       object lock's retain-until date, a legal hold's next check)
     * @throws S3Exception NoSuchBucket when the bucket is gone (no entry can outlive its objects, so only in a race)
     */
    public Expiry expire(ExpiryKey entry, Instant now, Function<ObjectRecord, Instant> protectedUntil) {
        Objects.requireNonNull(entry, "entry");
        ObjectKey ok = entry.objectKey();
        ObjectRecord existing;
        Lock bucketLock = bucketLocks.shared(entry.bucket());
        bucketLock.lock();
        try {
            Lock keyLock = keyLocks.of(entry.bucket(), entry.key());
            keyLock.lock();
            try {
                existing = objects.get(ok);
                if (entry.due().isAfter(now)) {
                    return Expiry.NOT_DUE;
                }
                // the entry is the object's own (at its due time) or its own moved later by a postponement; an
                // object due after the entry replaced the one it was made for
                Instant due = existing == null ? null : ObjectExpiryIndex.dueOf(existing);
                if (due == null || due.isAfter(entry.due())) {
                    if (expiry.contains(entry)) {
                        try (Batch batch = db.batch()) {
                            expiry.remove(batch, entry);
                            batch.commit();
                        }
                    }
                    return Expiry.STALE;
                }
                Instant later = protectedUntil.apply(existing);
                if (later != null) {
                    try (Batch batch = db.batch()) {
                        expiry.reschedule(batch, entry, later.isAfter(now) ? later : now.plusSeconds(1));
                        batch.commit();
                    }
                    return Expiry.POSTPONED;
                }
                try (Batch batch = db.batch()) {
                    batch.delete(objects, ok);
                    expiry.remove(batch, entry);
                    batch.commit();
                }
            } finally {
                keyLock.unlock();
            }
        } finally {
            bucketLock.unlock();
        }
        reclaimer.replaced(existing, null);
        return Expiry.EXPIRED;
    }

    /**
     * ListObjects / ListObjectsV2 with S3's semantics: keys in UTF-8 byte order; prefix, delimiter and
     * start-after as documented on {@link ObjectListRequest} and {@link ListingWalk}. Cost grows with
     * the page, not the bucket.
     *
     * @throws S3Exception NoSuchBucket
     */
    public ObjectListing list(String bucket, ObjectListRequest request) {
        return list(bucket, request, null);
    }

    /** {@link #list(String, ObjectListRequest)}, reporting the cursor's seeks and steps in {@code moves[0]}. */
    ObjectListing list(String bucket, ObjectListRequest request, long[] moves) {
        if (!buckets.exists(bucket)) {
            throw S3Exception.noSuchBucket(bucket);
        }
        if (request.maxKeys() == 0) {
            return ObjectListing.EMPTY;
        }
        String prefix = request.prefix() == null ? "" : request.prefix();
        String delimiter = ListingWalk.isEmpty(request.delimiter()) ? null : request.delimiter();
        String startAfter = ListingWalk.isEmpty(request.startAfter()) ? null : request.startAfter();
        ListingWalk.Page<ObjectRecord> page;
        try (Cursor<ObjectKey, ObjectRecord> c = objects.cursor(Keys.keysWithPrefix(bucket, prefix))) {
            if (startAfter == null) {
                c.seekToFirst();
            } else {
                c.seekRaw(Keys.afterKey(bucket, startAfter));
            }
            page = ListingWalk.walk(c, ObjectKey::key, bucket, prefix, delimiter, startAfter, request.maxKeys());
            if (moves != null) {
                moves[0] = c.moves();
            }
        }
        return new ObjectListing(page.entries(), page.commonPrefixes(), page.truncated(),
                page.truncated() ? page.lastKey() : null);
    }
}
