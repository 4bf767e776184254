package dev.rosetta.storage.blob;

import dev.rosetta.storage.CacheOnlyReads;
import dev.rosetta.storage.Durability;
import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.crypto.DataKey;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Object bytes as immutable files: {@code <data>/tmp/<id>} while written, {@code <data>/blobs/aa/bb/<id>}
 * once committed ({@code aa}, {@code bb}: the id's first four hex characters, so no directory grows
 * past 256 entries plus its share of blobs). Thread-safe.
 *
 * <p><b>Durability.</b> With {@link Durability#FSYNC} a {@link BlobWriter#commit() commit} fsyncs the
 * file, renames it atomically into place and fsyncs the target directory (and, the first time this
 * process uses a shard directory, its parents), so a committed blob survives power loss before any
 * metadata names it. {@link Durability#NONE} skips the fsyncs.
 *
 * <p><b>Ownership and the crash invariant.</b> Blobs are written and committed <em>before</em> the
 * metadata that references them, and deleted only <em>after</em> the metadata that dropped them has
 * committed. A crash at any instant therefore leaves the old state or the new one, never a record
 * naming a missing blob; the worst it leaves is a file in {@code tmp/} (emptied by {@link #open}) or a
 * committed blob no record references (removed by {@link #sweep}).
 *
 * <p>Every blob this process creates is <em>pending</em> from {@link #create()} (or {@link #copy}) until
 * it is {@link #adopted} by a committed record or deleted. The sweep never removes a pending blob, nor
 * one that stopped being pending while the sweep ran, nor one modified after the sweep started: a blob
 * whose upload is committing its metadata concurrently is never lost.
 */
public final class BlobStore {
    private static final Logger LOG = LoggerFactory.getLogger(BlobStore.class);
    static final String BLOBS = "blobs";
    static final String TMP = "tmp";
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Path blobsDir;
    private final Path tmpDir;
    private final Durability durability;
    private final SecureRandom random = new SecureRandom();
    /** Ids created or copied by this process and not yet adopted or deleted. */
    private final Set<String> pending = ConcurrentHashMap.newKeySet();
    /** Shard directories known to be durable (created and their parents fsynced) in this process. */
    private final Set<Path> durableDirs = ConcurrentHashMap.newKeySet();
    /** While a sweep runs: every id that stopped being pending since it started. */
    private volatile Set<String> sweepWitness;
    private volatile boolean hardLinks = true;

    private BlobStore(Path dataDir, Durability durability) {
        this.blobsDir = dataDir.resolve(BLOBS);
        this.tmpDir = dataDir.resolve(TMP);
        this.durability = durability;
    }

    /**
     * Opens the blob tree under {@code dataDir} ({@code blobs/}, {@code tmp/}), creating it if missing,
     * and empties {@code tmp/}: whatever is there was never committed.
     */
    public static BlobStore open(Path dataDir, Durability durability) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(durability, "durability");
        BlobStore store = new BlobStore(dataDir, durability);
        try {
            Files.createDirectories(store.blobsDir);
            Files.createDirectories(store.tmpDir);
            int removed = deleteContents(store.tmpDir);
            if (removed > 0) {
                LOG.info("Removed {} uncommitted blob file(s) from {}", removed, store.tmpDir);
            }
            if (durability == Durability.FSYNC) {
                fsyncDirectory(store.tmpDir);
                fsyncDirectory(dataDir);
            }
        } catch (IOException e) {
            throw new StorageException("cannot open blob store in " + dataDir + ": " + e.getMessage(), e);
        }
        return store;
    }

    public Durability durability() {
        return durability;
    }

    /** A new blob, written to {@code tmp/<id>} until committed. The caller must commit or close it. */
    public BlobWriter create() {
        return create(null);
    }

    /**
     * A new blob whose bytes are encrypted with {@code key} (a fresh data key: never one another blob
     * was written with), or stored as given when {@code key} is null. The caller must commit or close it.
     */
    public BlobWriter create(DataKey key) {
        CacheOnlyReads.checkMayBlock();
        String id = newId();
        pending.add(id);
        try {
            FileChannel channel = FileChannel.open(tmpDir.resolve(id), StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE);
            return new BlobWriter(this, id, tmpDir.resolve(id), channel, key);
        } catch (IOException e) {
            release(id);
            throw new StorageException("cannot create blob file in " + tmpDir + ": " + e.getMessage(), e);
        }
    }

    /** Where a committed blob lives (for zero-copy file regions). */
    public Path path(BlobRef ref) {
        String id = ref.id();
        return blobsDir.resolve(id.substring(0, 2)).resolve(id.substring(2, 4)).resolve(id);
    }

    /**
     * Opens a committed blob for reading. An open channel keeps reading the blob's bytes even if the
     * blob is deleted meanwhile (its record replaced), so open before streaming.
     *
     * @throws NoSuchFileException if the blob is gone: its record was replaced or deleted after it was
     *                             read; read the record again
     */
    public FileChannel open(BlobRef ref) throws IOException {
        CacheOnlyReads.checkMayBlock();
        return FileChannel.open(path(ref), StandardOpenOption.READ);
    }

    public boolean exists(BlobRef ref) {
        CacheOnlyReads.checkMayBlock();
        return Files.exists(path(ref));
    }

    /**
     * Deletes a blob; best effort: a missing file is fine and a failure is only logged (the file
     * becomes an orphan for the next sweep). Call it only once no committed record references it.
     */
    public void delete(BlobRef ref) {
        CacheOnlyReads.checkMayBlock();
        try {
            Files.deleteIfExists(path(ref));
        } catch (IOException e) {
            LOG.warn("Could not delete blob {}: {}", ref.id(), e.toString());
        } finally {
            release(ref.id());
        }
    }

    /**
     * A new pending blob with the same bytes as {@code source}: a hard link where the file system allows
     * (O(1), blobs are immutable), else a copy. For CopyObject and UploadPartCopy of whole blobs, so
     * that each record keeps a blob of its own. The copy has the source's bytes, so it keeps the source's
     * envelope (a caller may re-wrap it with {@link BlobRef#withEnvelope}).
     */
    public BlobRef copy(BlobRef source) {
        CacheOnlyReads.checkMayBlock();
        String id = newId();
        pending.add(id);
        BlobRef ref = new BlobRef(id, source.size(), source.envelope());
        Path target = path(ref);
        try {
            ensureShardDirectory(target.getParent());
            try {
                if (!hardLinks) {
                    throw new UnsupportedOperationException("hard links disabled");
                }
                Files.createLink(target, path(source));
            } catch (UnsupportedOperationException | IOException linkFailed) {
                if (linkFailed instanceof NoSuchFileException) {
                    throw (NoSuchFileException) linkFailed;
                }
                return copyBytes(source, id);
            }
            if (durability == Durability.FSYNC) {
                fsyncDirectory(target.getParent());
            }
            return ref;
        } catch (IOException e) {
            release(id);
            throw new StorageException("cannot copy blob " + source.id() + ": " + e.getMessage(), e);
        }
    }

    /** For tests: makes {@link #copy} take its fallback path. */
    void disableHardLinks() {
        hardLinks = false;
    }

    private BlobRef copyBytes(BlobRef source, String id) throws IOException {
        release(id); // the writer pins its own id
        try (BlobWriter w = create(); FileChannel in = open(source)) {
            long pos = 0;
            while (pos < source.size()) {
                long n = w.channel().transferFrom(in, pos, source.size() - pos);
                if (n <= 0) {
                    throw new IOException("blob " + source.id() + " shorter than " + source.size());
                }
                pos += n;
            }
            w.advance(pos);
            return w.commit().withEnvelope(source.envelope());
        }
    }

    /**
     * Records that a committed record now references {@code ref}: the blob stops being pending.
     * The stores call this after their commit; callers hand blobs to a store and never adopt them
     * themselves.
     */
    public void adopted(BlobRef ref) {
        release(ref.id());
    }

    /** Number of pending blobs (created, not yet adopted or deleted). */
    public int pendingCount() {
        return pending.size();
    }

    /**
     * Removes committed blobs that no record references.
     *
     * <p>The protocol: note the start time, start witnessing ids that stop being pending, snapshot the
     * pending set, <em>then</em> ask {@code referenced} for every id the metadata references, then walk
     * the blob tree. A file is deleted only if it is not referenced, was not pending at the snapshot,
     * did not stop being pending during the sweep, is not pending now, and was last modified before the
     * start. A blob whose metadata commits concurrently is pending until after that commit, so one of
     * those conditions keeps it. One sweep at a time.
     *
     * @param referenced reads every blob id the metadata references (called once, after the snapshot)
     */
    public synchronized SweepReport sweep(Supplier<BlobIdSet> referenced) {
        Instant start = Instant.now();
        Set<String> witness = ConcurrentHashMap.newKeySet();
        sweepWitness = witness;
        try {
            Set<String> pendingAtStart = Set.copyOf(pending);
            BlobIdSet live = referenced.get();
            long[] counts = new long[4]; // scanned, deleted, bytes, kept
            try (DirectoryStream<Path> level1 = Files.newDirectoryStream(blobsDir)) {
                for (Path a : level1) {
                    if (!Files.isDirectory(a)) {
                        continue;
                    }
                    try (DirectoryStream<Path> level2 = Files.newDirectoryStream(a)) {
                        for (Path b : level2) {
                            if (Files.isDirectory(b)) {
                                sweepShard(b, start, live, pendingAtStart, witness, counts);
                            }
                        }
                    }
                }
            }
            SweepReport report = new SweepReport(counts[0], counts[1], counts[2], counts[3]);
            LOG.info("Blob sweep: {}", report);
            return report;
        } catch (IOException e) {
            throw new StorageException("blob sweep failed: " + e.getMessage(), e);
        } finally {
            sweepWitness = null;
        }
    }

    private void sweepShard(Path shard, Instant start, BlobIdSet live, Set<String> pendingAtStart,
                            Set<String> witness, long[] counts) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(shard)) {
            for (Path f : files) {
                String id = f.getFileName().toString();
                if (!BlobRef.isWellFormed(id)) {
                    continue; // not ours: leave it
                }
                BasicFileAttributes attrs;
                try {
                    attrs = Files.readAttributes(f, BasicFileAttributes.class);
                } catch (NoSuchFileException gone) {
                    continue;
                }
                if (!attrs.isRegularFile()) {
                    continue;
                }
                counts[0]++;
                if (live.contains(id)) {
                    continue;
                }
                if (pendingAtStart.contains(id) || witness.contains(id) || pending.contains(id)
                        || !attrs.lastModifiedTime().toInstant().isBefore(start)) {
                    counts[3]++;
                    continue;
                }
                if (Files.deleteIfExists(f)) {
                    counts[1]++;
                    counts[2] += attrs.size();
                }
            }
        }
    }

    // --- used by BlobWriter ------------------------------------------------------------------------

    /** Moves a finished tmp file into place; returns after the rename is durable. */
    void install(Path tmp, String id) throws IOException {
        Path target = path(new BlobRef(id, 0));
        ensureShardDirectory(target.getParent());
        try {
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("file system cannot rename atomically from " + tmpDir + " to " + blobsDir, e);
        }
        if (durability == Durability.FSYNC) {
            try {
                fsyncDirectory(target.getParent());
            } catch (IOException e) {
                Files.deleteIfExists(target);
                throw e;
            }
        }
    }

    /** Marks {@code id} no longer pending (adopted, deleted or abandoned). */
    void release(String id) {
        pending.remove(id);
        Set<String> witness = sweepWitness;
        if (witness != null) {
            witness.add(id);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------

    private String newId() {
        byte[] b = new byte[16];
        random.nextBytes(b);
        char[] out = new char[BlobRef.ID_LENGTH];
        for (int i = 0; i < b.length; i++) {
            out[2 * i] = HEX[(b[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[b[i] & 0xF];
        }
        return new String(out);
    }

    /**
     * Creates {@code blobs/aa/bb} if needed. With FSYNC, the first use in this process fsyncs
     * {@code blobs/aa} and {@code blobs/} too, whether or not this call created them: another writer
     * (or a crashed process) may have created them without their entries being durable yet.
     */
    private void ensureShardDirectory(Path shard) throws IOException {
        if (durableDirs.contains(shard)) {
            return;
        }
        try {
            Files.createDirectories(shard);
        } catch (FileAlreadyExistsException e) {
            if (!Files.isDirectory(shard)) {
                throw e;
            }
        }
        if (durability == Durability.FSYNC) {
            fsyncDirectory(shard.getParent());
            fsyncDirectory(blobsDir);
        }
        durableDirs.add(shard);
    }

    static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel c = FileChannel.open(dir, StandardOpenOption.READ)) {
            c.force(true);
        }
    }

    private static int deleteContents(Path dir) throws IOException {
        int n = 0;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    n += deleteContents(p);
                }
                Files.deleteIfExists(p);
                n++;
            }
        }
        return n;
    }
}
