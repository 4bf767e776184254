package dev.rosetta.storage;

import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;

/**
 * A fixed set of mutexes picked by hash: one per object key ({@link #of(String, String)}) or per upload
 * id ({@link #of(String)}). Two names sharing a stripe only cost each other concurrency. Each use site
 * has its own instance, so that the lock order documented on {@link StorageEngine} is well defined.
 * Like {@link BucketLocks}, the mutexes belong to no thread (an asynchronous commit releases them on the
 * committer's thread) and are not reentrant.
 */
final class StripedLocks {
    private final Lock[] stripes;
    private final int mask;

    /** @param stripes rounded up to a power of two */
    StripedLocks(int stripes) {
        int n = Integer.highestOneBit(Math.max(1, stripes - 1)) << 1;
        this.stripes = new Lock[n];
        for (int i = 0; i < n; i++) {
            this.stripes[i] = new StampedLock().asWriteLock();
        }
        this.mask = n - 1;
    }

    /** The (unlocked) stripe of {@code name}. */
    Lock of(String name) {
        return at(name.hashCode());
    }

    /** The (unlocked) stripe of the pair {@code (a, b)}, e.g. bucket and object key. */
    Lock of(String a, String b) {
        return at(a.hashCode() * 31 + b.hashCode());
    }

    private Lock at(int h) {
        h ^= h >>> 16;
        h *= 0x9E3779B1;
        h ^= h >>> 15;
        return stripes[h & mask];
    }
}
