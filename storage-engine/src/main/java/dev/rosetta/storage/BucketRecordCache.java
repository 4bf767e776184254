package dev.rosetta.storage;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Decoded bucket records by name, so that a request does not read and decode its bucket's record from
 * RocksDB. Writers invalidate a name after their commit (under the bucket's exclusive lock); a reader's
 * fill that raced with a write is dropped again (generation check), so a stale record never stays.
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
            records.put(name, loaded);
            if (generation.get() != before) {
                records.remove(name, loaded); // a write committed meanwhile: what we read may be old
            }
        }
        return loaded;
    }

    /** After a write to {@code name}'s record committed (or failed in an unknown state). */
    void invalidate(String name) {
        generation.incrementAndGet();
        records.remove(name);
    }
}
