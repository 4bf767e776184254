package dev.rosetta.storage.kv;

import java.util.List;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.MutableColumnFamilyOptions;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns RocksDB's blob garbage collection on for a column family only while its blob files hold enough
 * garbage, and off again once compaction has reclaimed it.
 *
 * <p>Why not leave it on: RocksDB's collection is age based. With it on, every compaction rewrites the
 * live blobs of the oldest blob files it touches, garbage or not; under a stream of new small objects
 * (no garbage at all) that cost a third of a 4 KiB PUT's server CPU (docs/benchmarks.md). Garbage only
 * appears when inline objects are replaced or deleted, so collection runs only then: on at
 * {@code startRatio} of garbage (by bytes, over the family's live blob files, and at least
 * {@code minGarbageBytes}), off at {@code stopRatio}. While on, every blob file is eligible and the
 * oldest batch of files is force-compacted once its own garbage reaches {@code startRatio}, so cold
 * garbage goes too.
 *
 * <p>{@link #check()} is cheap (two integer properties per family) and thread-safe.
 */
final class BlobGarbageCollector {
    private static final Logger LOG = LoggerFactory.getLogger(BlobGarbageCollector.class);
    static final String GARBAGE_BYTES = "rocksdb.live-blob-file-garbage-size";
    static final String BLOB_BYTES = "rocksdb.live-blob-file-size";

    private final RocksDB db;
    private final List<ColumnFamilyHandle> families;
    private final double startRatio;
    private final double stopRatio;
    private final long minGarbageBytes;
    private final boolean[] collecting;

    BlobGarbageCollector(RocksDB db, List<ColumnFamilyHandle> families, double startRatio, double stopRatio,
                         long minGarbageBytes) {
        if (!(0 < stopRatio && stopRatio < startRatio && startRatio < 1)) {
            throw new IllegalArgumentException("need 0 < stopRatio < startRatio < 1");
        }
        this.db = db;
        this.families = List.copyOf(families);
        this.startRatio = startRatio;
        this.stopRatio = stopRatio;
        this.minGarbageBytes = minGarbageBytes;
        this.collecting = new boolean[this.families.size()];
    }

    /** Options for a family's creation: collection off (this class turns it on when garbage appears). */
    static void configureAtOpen(org.rocksdb.ColumnFamilyOptions options) {
        options.setEnableBlobGarbageCollection(false);
    }

    /** Looks at every family's garbage and starts or stops its collection. */
    synchronized void check() {
        for (int i = 0; i < families.size(); i++) {
            ColumnFamilyHandle h = families.get(i);
            try {
                long garbage = db.getLongProperty(h, GARBAGE_BYTES);
                long total = db.getLongProperty(h, BLOB_BYTES);
                double ratio = total == 0 ? 0 : (double) garbage / total;
                if (!collecting[i] && ratio >= startRatio && garbage >= minGarbageBytes) {
                    db.setOptions(h, collectionOn());
                    collecting[i] = true;
                    LOG.info("Blob garbage collection on for '{}': {} of {} blob bytes are garbage",
                            name(h), garbage, total);
                } else if (collecting[i] && ratio <= stopRatio) {
                    db.setOptions(h, collectionOff());
                    collecting[i] = false;
                    LOG.info("Blob garbage collection off for '{}': {} of {} blob bytes are garbage",
                            name(h), garbage, total);
                }
            } catch (RocksDBException e) {
                LOG.warn("Blob garbage check of '{}' failed: {}", name(h), e.getMessage());
            }
        }
    }

    /** Whether collection is on for the family at {@code index} of the list given at construction. */
    synchronized boolean collecting(int index) {
        return collecting[index];
    }

    private MutableColumnFamilyOptions collectionOn() {
        return MutableColumnFamilyOptions.builder()
                .setEnableBlobGarbageCollection(true)
                .setBlobGarbageCollectionAgeCutoff(1.0)
                .setBlobGarbageCollectionForceThreshold(startRatio)
                .build();
    }

    private static MutableColumnFamilyOptions collectionOff() {
        return MutableColumnFamilyOptions.builder()
                .setEnableBlobGarbageCollection(false)
                .build();
    }

    private static String name(ColumnFamilyHandle h) {
        try {
            return new String(h.getName(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (RocksDBException e) {
            return "?";
        }
    }
}
