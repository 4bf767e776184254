package dev.rosetta.storage.kv;

import dev.rosetta.storage.CacheOnlyReads;
import dev.rosetta.storage.Durability;
import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.WouldBlockException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.Cache;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.ConfigOptions;
import org.rocksdb.DBOptions;
import org.rocksdb.Filter;
import org.rocksdb.Holder;
import org.rocksdb.InfoLogLevel;
import org.rocksdb.LRUCache;
import org.rocksdb.Options;
import org.rocksdb.PrepopulateBlobCache;
import org.rocksdb.ReadOptions;
import org.rocksdb.ReadTier;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.Status;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One RocksDB instance opened with a fixed set of declared {@link ColumnFamily column families}, each
 * reachable as a typed {@link Table}. Owns every native object (options, cache, filter, handles) and
 * releases them on {@link #close()}.
 *
 * <p><b>Writes</b> go through {@link Batch}: one batch is one atomic RocksDB write, synced or not
 * according to the {@link Durability} chosen at open. A batch committed {@linkplain Batch#commitAsync()
 * asynchronously} is written by the {@link GroupCommitter} with the others waiting at that moment, so the
 * committing thread does not wait for the fsync.
 *
 * <p><b>Close safety.</b> Touching a closed RocksDB handle from Java crashes the JVM, so every
 * operation holds the read side of a lock that {@link #close()} takes exclusively: close waits for
 * in-flight reads, writes and open cursors; operations after close throw {@link StorageException}.
 *
 * <p><b>Format guard.</b> The default column family holds a format-version marker. Opening a
 * directory written by a newer, incompatible format fails instead of misreading it. Column families
 * present on disk but not declared (written by a newer release) are opened and left alone.
 */
public final class Database implements AutoCloseable {
    /**
     * Per thread, where point reads land ({@link #read}): 72 KiB holds a record with an inline body up to the
     * default inline threshold (64 KiB) and its metadata; larger values are read twice.
     */
    private static final ThreadLocal<byte[]> READ_BUFFER = ThreadLocal.withInitial(() -> new byte[72 * 1024]);
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final byte[] FORMAT_KEY = "rosetta.format".getBytes(StandardCharsets.US_ASCII);

    static {
        NativeLibrary.load();
    }

    /**
     * Shared block cache for all column families (native memory, filled only as blocks are read). Index and
     * filter blocks live here too: at 32 MiB, a stream of PUTs of new keys re-read the SST files' bloom
     * filters from the page cache on every lookup (half of a 4 KiB PUT's CPU without fsync).
     */
    private static final long BLOCK_CACHE_BYTES = 128L << 20;
    private static final long WRITE_BUFFER_BYTES = 16L << 20;
    private static final long DB_WRITE_BUFFER_BYTES = 64L << 20;
    /** Values this large or larger live in RocksDB blob files (see the column family options). */
    private static final long MIN_BLOB_BYTES = 1024;
    /** Cache of blob values (object bodies stored inline), beside the block cache of the SST files. */
    private static final long BLOB_CACHE_BYTES = 64L << 20;
    /**
     * Blob garbage is looked at once per this many batches written (and at open); a group commit counts the
     * batches it merged.
     */
    private static final int BLOB_GARBAGE_CHECK_WRITES = 4096;

    private final Path dir;
    private final Durability durability;
    private final RocksDB db;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final Cache blockCache;
    private final Filter bloomFilter;
    private final WriteOptions writeOptions;
    /** Reads that never touch the disk: a miss is {@code Incomplete} (see {@link CacheOnlyReads}). */
    private final ReadOptions cacheOnlyReads;
    /** Options of the {@code keyMayExist} probe (which reads from memory whatever its read tier). */
    private final ReadOptions probeReads = new ReadOptions();
    /** Options of an ordinary point read (the default ones, kept rather than made per read). */
    private final ReadOptions plainReads = new ReadOptions();
    private final List<ColumnFamilyHandle> handles;
    private final Map<ColumnFamily<?, ?>, Table<?, ?>> tables = new IdentityHashMap<>();
    private final ReentrantReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private volatile boolean closed;
    private final BlobGarbageCollector blobGarbage;
    private final AtomicInteger writes = new AtomicInteger();
    /** Asynchronous synced commits; null without fsync, where a write does not wait and is done inline. */
    private final GroupCommitter committer;
    private final GroupCommitStats commitStats = new GroupCommitStats();

    private Database(Path dir, Durability durability, RocksDB db, DBOptions dbOptions, ColumnFamilyOptions cfOptions,
                     Cache blockCache, Filter bloomFilter, List<ColumnFamilyHandle> handles) {
        this.dir = dir;
        this.durability = durability;
        this.db = db;
        this.dbOptions = dbOptions;
        this.cfOptions = cfOptions;
        this.blockCache = blockCache;
        this.bloomFilter = bloomFilter;
        this.handles = handles;
        this.writeOptions = new WriteOptions().setSync(durability == Durability.FSYNC);
        this.cacheOnlyReads = new ReadOptions().setReadTier(ReadTier.BLOCK_CACHE_TIER);
        this.blobGarbage = new BlobGarbageCollector(db, handles, 0.25, 0.10, 32L << 20);
        this.committer = durability == Durability.FSYNC
                ? new GroupCommitter("rosetta-commit-" + dir.getFileName(), commitStats, this::writeNow) : null;
    }

    /**
     * Opens (creating if missing) the database in {@code dir} with the given column families.
     *
     * @param formatVersion the on-disk format this code writes; a directory marked with a higher one is
     *                      refused
     */
    public static Database open(Path dir, Durability durability, List<ColumnFamily<?, ?>> families,
                                int formatVersion) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new StorageException("cannot create metadata directory " + dir, e);
        }
        List<String> names = new ArrayList<>();
        names.add(new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.UTF_8));
        for (ColumnFamily<?, ?> f : families) {
            if (names.contains(f.name())) {
                throw new IllegalArgumentException("column family declared twice: " + f.name());
            }
            names.add(f.name());
        }
        for (String existing : existingFamilies(dir)) {
            if (!names.contains(existing)) {
                LOG.warn("Metadata directory {} has undeclared column family '{}'; leaving it untouched", dir, existing);
                names.add(existing);
            }
        }
        Cache cache = new LRUCache(BLOCK_CACHE_BYTES);
        Filter bloom = new BloomFilter(10);
        BlockBasedTableConfig table = new BlockBasedTableConfig()
                .setBlockCache(cache)
                .setFilterPolicy(bloom)
                .setCacheIndexAndFilterBlocks(true)
                .setPinL0FilterAndIndexBlocksInCache(true);
        ColumnFamilyOptions cfOptions = withBlobCache()
                .setTableFormatConfig(table)
                .setWriteBufferSize(WRITE_BUFFER_BYTES)
                .setMaxWriteBufferNumber(3)
                .setLevelCompactionDynamicLevelBytes(true)
                // LZ4 on every level: the records are small and compaction CPU is what a busy server lacks
                .setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setBottommostCompressionType(CompressionType.LZ4_COMPRESSION)
                // Large values (object records holding an inline body) go to blob files, written once at
                // flush: compaction then moves a small reference instead of rewriting the bytes at every level
                .setEnableBlobFiles(true)
                .setMinBlobSize(MIN_BLOB_BYTES)
                .setBlobFileSize(64L << 20)
                .setBlobCompressionType(CompressionType.NO_COMPRESSION)
                // freshly flushed blobs stay cached, so recent small objects are read without I/O
                .setPrepopulateBlobCache(PrepopulateBlobCache.PREPOPULATE_BLOB_FLUSH_ONLY);
        // collected only while there is garbage to collect (see BlobGarbageCollector)
        BlobGarbageCollector.configureAtOpen(cfOptions);
        DBOptions dbOptions = new DBOptions()
                .setCreateIfMissing(true)
                .setCreateMissingColumnFamilies(true)
                .setInfoLogLevel(InfoLogLevel.WARN_LEVEL)
                .setMaxLogFileSize(4L << 20)
                .setKeepLogFileNum(3)
                .setMaxBackgroundJobs(2)
                // With several column families the WAL can only be recycled once every family has
                // flushed; cap it so a rarely written family cannot pin gigabytes of log.
                .setMaxTotalWalSize(64L << 20)
                // memtables of all families together, whatever their number
                .setDbWriteBufferSize(DB_WRITE_BUFFER_BYTES)
                // writers waiting for a group commit block instead of spinning: on a small machine the
                // spinning takes the CPU the commit leader (and the event loops) need
                .setEnableWriteThreadAdaptiveYield(false)
                .setBytesPerSync(1L << 20)
                .setMaxOpenFiles(512);
        if (DirectIoProbe.supported(dir)) {
            // flushes and compactions write around the page cache: the copy into fresh page-cache pages was
            // half of a flush's CPU under small PUTs, and those pages are read again only via the block cache
            dbOptions.setUseDirectIoForFlushAndCompaction(true);
        } else {
            LOG.info("Metadata directory {} does not take O_DIRECT writes; flushes go through the page cache", dir);
        }

        List<ColumnFamilyDescriptor> descriptors = new ArrayList<>(names.size());
        for (String n : names) {
            descriptors.add(new ColumnFamilyDescriptor(n.getBytes(StandardCharsets.UTF_8), cfOptions));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>(names.size());
        RocksDB rocks;
        try {
            rocks = RocksDB.open(dbOptions, dir.toString(), descriptors, handles);
        } catch (RocksDBException e) {
            closeAll(handles);
            dbOptions.close();
            cfOptions.close();
            bloom.close();
            cache.close();
            throw new StorageException("cannot open metadata store in " + dir + ": " + e.getMessage(), e);
        }
        Database database = new Database(dir, durability, rocks, dbOptions, cfOptions, cache, bloom, handles);
        try {
            database.checkFormat(formatVersion);
        } catch (RuntimeException e) {
            database.close();
            throw e;
        }
        for (int i = 0; i < families.size(); i++) {
            ColumnFamily<?, ?> f = families.get(i);
            database.tables.put(f, newTable(database, f, handles.get(i + 1)));
        }
        database.blobGarbage.check(); // garbage left by an earlier run
        LOG.debug("Opened metadata store {} (durability {})", dir, durability);
        return database;
    }

    private static <K, V> Table<K, V> newTable(Database db, ColumnFamily<K, V> family, ColumnFamilyHandle handle) {
        return new Table<>(db, family, handle);
    }

    private static List<String> existingFamilies(Path dir) {
        if (!Files.exists(dir.resolve("CURRENT"))) {
            return List.of();
        }
        try (Options options = new Options()) {
            List<String> out = new ArrayList<>();
            for (byte[] name : RocksDB.listColumnFamilies(options, dir.toString())) {
                out.add(new String(name, StandardCharsets.UTF_8));
            }
            return out;
        } catch (RocksDBException e) {
            throw new StorageException("cannot list column families in " + dir + ": " + e.getMessage(), e);
        }
    }

    private void checkFormat(int formatVersion) {
        try {
            byte[] stored = db.get(FORMAT_KEY);
            if (stored == null) {
                db.put(writeOptions, FORMAT_KEY, new byte[] {(byte) formatVersion});
            } else if (stored.length != 1 || (stored[0] & 0xFF) > formatVersion) {
                throw new StorageException("metadata store " + dir + " has format " + Arrays.toString(stored)
                        + ", this release reads up to " + formatVersion);
            }
        } catch (RocksDBException e) {
            throw new StorageException("cannot read format marker in " + dir, e);
        }
    }

    /** The typed table of a family this database was opened with. */
    @SuppressWarnings("unchecked")
    public <K, V> Table<K, V> table(ColumnFamily<K, V> family) {
        Table<K, V> t = (Table<K, V>) tables.get(family);
        if (t == null) {
            throw new IllegalArgumentException("column family not declared: " + family.name());
        }
        return t;
    }

    /**
     * Column family options with a blob cache: RocksJava has no setter for it, only the options-string
     * form. Without one, every read of a blob value (an inline object body) would go to the disk.
     */
    private static ColumnFamilyOptions withBlobCache() {
        Properties props = new Properties();
        props.setProperty("blob_cache", "capacity=" + BLOB_CACHE_BYTES);
        try (ConfigOptions config = new ConfigOptions()) {
            ColumnFamilyOptions options = ColumnFamilyOptions.getColumnFamilyOptionsFromProps(config, props);
            if (options == null) {
                throw new StorageException("RocksDB refused the blob cache options " + props);
            }
            return options;
        }
    }

    /** A new, empty atomic write. */
    public Batch batch() {
        return new Batch(this);
    }

    public Durability durability() {
        return durability;
    }

    /** The group committer's totals (all zero without fsync, where it is not used). */
    public GroupCommitStats groupCommits() {
        return commitStats;
    }

    public Path directory() {
        return dir;
    }

    /**
     * A RocksDB integer property summed over every column family (e.g. {@code rocksdb.estimate-num-keys},
     * {@code rocksdb.total-sst-files-size}, {@code rocksdb.estimate-pending-compaction-bytes}); 0 when
     * the store is closed or the property is unknown.
     */
    public long longProperty(String property) {
        Lock l = lifecycle.readLock();
        l.lock();
        try {
            if (closed) {
                return 0;
            }
            long sum = 0;
            for (ColumnFamilyHandle h : handles) {
                sum += db.getLongProperty(h, property);
            }
            return sum;
        } catch (RocksDBException e) {
            return 0;
        } finally {
            l.unlock();
        }
    }

    // --- lifecycle guard, used by Table, Batch and Cursor ---------------------------------------

    /** Enters an operation; the returned lock must be unlocked when the operation ends. */
    Lock enter() {
        Lock l = lifecycle.readLock();
        l.lock();
        if (closed) {
            l.unlock();
            throw new StorageException("metadata store " + dir + " is closed");
        }
        return l;
    }

    RocksDB rocks() {
        return db;
    }

    /**
     * A point read; inside {@link CacheOnlyReads#attempt} from memtables and caches only.
     *
     * @throws WouldBlockException inside {@link CacheOnlyReads#attempt} when the value is not cached
     */
    <V> V get(ColumnFamilyHandle handle, byte[] key, ValueCodec<V> codec) throws RocksDBException {
        if (!CacheOnlyReads.active()) {
            return read(handle, plainReads, key, codec);
        }
        try {
            return read(handle, cacheOnlyReads, key, codec);
        } catch (RocksDBException e) {
            if (e.getStatus() != null && e.getStatus().getCode() == Status.Code.Incomplete) {
                throw CacheOnlyReads.wouldBlock();
            }
            throw e;
        }
    }

    /**
     * A value read into this thread's buffer and decoded from there ({@link ValueCodec#decode(byte[], int)}):
     * the JNI read that returns a new array allocates and zeroes it through JNI, the slowest part of a small
     * read, and the object codec decodes in place, so a record is copied out of RocksDB once. A value larger
     * than the buffer is read again in full. Codecs are pure: nothing reads the database while one decodes.
     */
    private <V> V read(ColumnFamilyHandle handle, ReadOptions options, byte[] key, ValueCodec<V> codec)
            throws RocksDBException {
        byte[] buffer = READ_BUFFER.get();
        int size = db.get(handle, options, key, buffer);
        if (size == RocksDB.NOT_FOUND) {
            return null;
        }
        return size <= buffer.length ? codec.decode(buffer, size) : codec.decode(db.get(handle, options, key));
    }

    /** {@link #get} after a {@code keyMayExist} probe, which answers most misses cheaper than a read. */
    <V> V getLikelyAbsent(ColumnFamilyHandle handle, byte[] key, ValueCodec<V> codec) throws RocksDBException {
        Holder<byte[]> found = new Holder<>();
        // the probe reads memtables and the block cache only, whether or not this is a cache-only attempt
        if (!db.keyMayExist(handle, probeReads, key, found)) {
            return null;
        }
        return found.getValue() != null ? codec.decode(found.getValue()) : get(handle, key, codec);
    }

    void write(WriteBatch batch) {
        CacheOnlyReads.checkMayBlock();
        writeNow(batch, 1);
    }

    /**
     * Queues {@code batch} for the group committer (with fsync) or writes it now (without); the batch may be
     * closed as soon as this returns. Queueing does not block on the disk, so it is allowed inside
     * {@link CacheOnlyReads#attempt}; writing now is not.
     *
     * @return completed once the write is durable (as the durability setting defines it) and visible; failed with
     *         {@link StorageException} when it failed
     */
    CompletableFuture<Void> writeAsync(WriteBatch batch) {
        try {
            if (committer == null) {
                CacheOnlyReads.checkMayBlock(); // an unsynced write may still stall on a full memtable
                writeNow(batch, 1);
                return CompletableFuture.completedFuture(null);
            }
            return committer.submit(batch.data());
        } catch (RocksDBException e) {
            return CompletableFuture.failedFuture(new StorageException("metadata write failed: " + e.getMessage(), e));
        } catch (StorageException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Writes {@code batch}, which holds {@code batches} committed batches (more than one merged by a group commit). */
    private void writeNow(WriteBatch batch, int batches) {
        Lock l = enter();
        try {
            db.write(writeOptions, batch);
            int before = writes.getAndAdd(batches);
            if (before / BLOB_GARBAGE_CHECK_WRITES != (before + batches) / BLOB_GARBAGE_CHECK_WRITES) {
                blobGarbage.check();
            }
        } catch (RocksDBException e) {
            throw new StorageException("metadata write failed: " + e.getMessage(), e);
        } finally {
            l.unlock();
        }
    }

    /**
     * Waits for in-flight operations, syncs the WAL (so that even {@link Durability#NONE} loses
     * nothing on a clean shutdown) and releases every native resource. Idempotent.
     */
    @Override
    public void close() {
        if (committer != null) {
            committer.close(); // commits what is queued; later submissions fail
        }
        Lock l = lifecycle.writeLock();
        l.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            try {
                db.syncWal();
            } catch (RocksDBException e) {
                LOG.warn("WAL sync at close of {} failed: {}", dir, e.getMessage());
            }
            closeAll(handles);
            try {
                db.closeE();
            } catch (RocksDBException e) {
                LOG.warn("Closing metadata store {} reported: {}", dir, e.getMessage());
            }
            writeOptions.close();
            cacheOnlyReads.close();
            probeReads.close();
            plainReads.close();
            dbOptions.close();
            cfOptions.close();
            bloomFilter.close();
            blockCache.close();
            LOG.debug("Closed metadata store {}", dir);
        } finally {
            l.unlock();
        }
    }

    private static void closeAll(List<ColumnFamilyHandle> handles) {
        for (ColumnFamilyHandle h : handles) {
            h.close();
        }
    }
}
