package dev.rosetta.storage;

import java.util.concurrent.locks.Lock;
import java.util.function.Supplier;

/**
 * Lets a thread that must not block (a network event loop) try an operation that only reads metadata.
 * Inside {@link #attempt}, metadata reads are answered from RocksDB's memtables and caches alone, and
 * anything that would wait for the disk (a cache miss, a write, opening or deleting a blob file) throws
 * {@link WouldBlockException} before it starts; the caller then runs the whole operation again on a
 * thread that may block. An attempted operation must therefore have no side effect before its first
 * write, which holds for reads.
 *
 * <p>A write handed to the group committer ({@code Batch.commitAsync} with fsync) does not block, so an
 * attempt may end with one queued: PutObject of a small body and InitiateMultipartUpload run this way. Locks
 * are only tried ({@link #lock}): one that is held (by a write waiting for its fsync) ends the attempt.
 */
public final class CacheOnlyReads {
    /**
     * Per thread, whether it is inside an attempt: a flag flipped in place, since setting and removing a thread
     * local on every request costs an entry allocation and a native reference clear.
     */
    private static final ThreadLocal<boolean[]> ACTIVE = ThreadLocal.withInitial(() -> new boolean[1]);

    private CacheOnlyReads() {
    }

    /**
     * Runs {@code work} with cache-only reads on this thread.
     *
     * @throws WouldBlockException when {@code work} needed the disk; nothing was written
     */
    public static <T> T attempt(Supplier<T> work) {
        boolean[] active = ACTIVE.get();
        if (active[0]) {
            return work.get();
        }
        active[0] = true;
        try {
            return work.get();
        } finally {
            active[0] = false;
        }
    }

    /** Whether this thread is inside {@link #attempt}. */
    public static boolean active() {
        return ACTIVE.get()[0];
    }

    /** The exception that ends an attempt which found it needed the disk (for the store's internals). */
    public static WouldBlockException wouldBlock() {
        return WouldBlockException.INSTANCE;
    }

    /**
     * Takes {@code lock}: waiting for it outside an attempt, only if it is free inside one.
     *
     * @throws WouldBlockException inside {@link #attempt} when the lock is held
     */
    public static void lock(Lock lock) {
        if (!active()) {
            lock.lock();
        } else if (!lock.tryLock()) {
            throw WouldBlockException.INSTANCE;
        }
    }

    /** Called before anything that may block on the disk: throws inside {@link #attempt}. */
    public static void checkMayBlock() {
        if (active()) {
            throw WouldBlockException.INSTANCE;
        }
    }
}
