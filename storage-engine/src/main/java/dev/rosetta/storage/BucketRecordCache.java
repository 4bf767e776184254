package dev.rosetta.storage;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Decoded bucket records by name, so that a request does not read and decode its bucket's record from
 * RocksDB. Writers invalidate a name after their commit (under the bucket's exclusive lock). A fill and an
 * invalidation exclude each other, and a fill whose read may predate an invalidation (generation check) is
 * not stored: once an invalidation returned, no record read before it can be found here. So a thread holding
 * the bucket's shared lock sees exactly what RocksDB holds (the stores check a bucket's existence here).
 * Absent buckets are not cached. Bounded: beyond {@value #MAX_ENTRIES} buckets, misses are simply loaded.
 */
final class BucketRecordCache {
    private static final int MAX_ENTRIES = 10_000;

    private final ConcurrentHashMap<String, BucketRecord> records = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    /** The cached record, else {@code load}'s (null when the bucket does not exist). */
    BucketRecord get(String name, Function<String, BucketRecord> load) {
        BucketRecord cached = records.get(name);
        if (cached != null) {
            return cached;
        }
        long before = generation.get();
        BucketRecord loaded = load.apply(name);
        if (loaded != null && records.size() < MAX_ENTRIES) {
            synchronized (this) { // fills happen once per bucket; invalidations once per bucket write
                if (generation.get() == before) { // else a write committed meanwhile: what we read may be old
                    records.put(name, loaded);
                }
            }
        }
        return loaded;
    }

    /** After a write to {@code name}'s record committed (or failed in an unknown state). */
    synchronized void invalidate(String name) {
        generation.incrementAndGet();
        records.remove(name);
    }
}
