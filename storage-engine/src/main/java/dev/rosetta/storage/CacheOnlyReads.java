package dev.rosetta.storage;

import java.util.function.Supplier;

/**
 * Lets a thread that must not block (a network event loop) try an operation that only reads metadata.
 * Inside {@link #attempt}, metadata reads are answered from RocksDB's memtables and caches alone, and
 * anything that would wait for the disk (a cache miss, a write, opening or deleting a blob file) throws
 * {@link WouldBlockException} before it starts; the caller then runs the whole operation again on a
 * thread that may block. An attempted operation must therefore have no side effect before its first
 * write, which holds for reads.
 */
public final class CacheOnlyReads {
    private static final ThreadLocal<Boolean> ACTIVE = new ThreadLocal<>();

    private CacheOnlyReads() {
    }

    /**
     * Runs {@code work} with cache-only reads on this thread.
     *
     * @throws WouldBlockException when {@code work} needed the disk; nothing was written
     */
    public static <T> T attempt(Supplier<T> work) {
        if (active()) {
            return work.get();
        }
        ACTIVE.set(Boolean.TRUE);
        try {
            return work.get();
        } finally {
            ACTIVE.remove();
        }
    }

    /** Whether this thread is inside {@link #attempt}. */
    public static boolean active() {
        return ACTIVE.get() == Boolean.TRUE;
    }

    /** The exception that ends an attempt which found it needed the disk (for the store's internals). */
    public static WouldBlockException wouldBlock() {
        return WouldBlockException.INSTANCE;
    }

    /** Called before anything that may block on the disk: throws inside {@link #attempt}. */
    public static void checkMayBlock() {
        if (active()) {
            throw WouldBlockException.INSTANCE;
        }
    }
}
