package dev.rosetta.storage;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;

/**
 * In-process striped read/write locks keyed by bucket name: the rule that keeps "bucket exists" and
 * "bucket holds something" consistent without a transaction manager.
 *
 * <ul>
 *   <li><b>Shared</b> ({@link #shared}): any operation that adds something <em>into</em> a bucket
 *       (InitiateMultipartUpload now; PutObject, CopyObject, CompleteMultipartUpload next) checks that
 *       the bucket exists and commits its write while holding it. Many run at once.</li>
 *   <li><b>Exclusive</b> ({@link #exclusive}): CreateBucket and DeleteBucket. DeleteBucket checks
 *       emptiness and deletes the record under it, so no write into the bucket can sit between its
 *       check and its delete, and no such write can commit after it.</li>
 * </ul>
 *
 * Reads never lock. Each operation takes exactly one stripe, so there is no lock ordering and no
 * deadlock; two buckets sharing a stripe only cost each other some concurrency on create/delete.
 * Sufficient because RocksDB allows one process per database (its LOCK file), so this process sees
 * every writer.
 *
 * <p>The locks belong to no thread (they are {@link StampedLock} views): a write committed asynchronously
 * releases them on the committer's thread once it is durable. For the same reason they are not reentrant;
 * no operation takes a stripe twice.
 */
public final class BucketLocks {
    private static final int DEFAULT_STRIPES = 256;

    private final StampedLock[] stripes;
    private final int mask;

    public BucketLocks() {
        this(DEFAULT_STRIPES);
    }

    /** @param stripes rounded up to a power of two */
    public BucketLocks(int stripes) {
        int n = Integer.highestOneBit(Math.max(1, stripes - 1)) << 1;
        this.stripes = new StampedLock[n];
        for (int i = 0; i < n; i++) {
            this.stripes[i] = new StampedLock();
        }
        this.mask = n - 1;
    }

    /** The (unlocked) shared lock of {@code bucket}'s stripe. */
    public Lock shared(String bucket) {
        return stripe(bucket).asReadLock();
    }

    /** The (unlocked) exclusive lock of {@code bucket}'s stripe. */
    public Lock exclusive(String bucket) {
        return stripe(bucket).asWriteLock();
    }

    private StampedLock stripe(String bucket) {
        int h = bucket.hashCode();
        h ^= h >>> 16;
        return stripes[h & mask];
    }
}
