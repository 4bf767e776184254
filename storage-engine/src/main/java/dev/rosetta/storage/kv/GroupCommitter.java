package dev.rosetta.storage.kv;

import dev.rosetta.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import org.rocksdb.WriteBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Commits queued write batches on one thread, as many as are waiting in one synced write, and completes
 * each batch's future once its write is durable and visible.
 *
 * <p>Why not RocksDB's own group commit alone: it merges concurrent writers into one WAL fsync too, but
 * every writer's thread waits parked for the leader's fsync, two context switches per write that cost more
 * CPU than the write itself on a small machine. Here the submitting thread goes on with other requests
 * and one thread waits for all.
 *
 * <p>A batch is taken in its serialized form (RocksDB's {@code WriteBatch} representation: a 12-byte header,
 * sequence number and record count, then the records), so the caller may free its native batch at once;
 * batches waiting together are concatenated under one header, which is what RocksDB's
 * {@code WriteBatchInternal::Append} does. The group is one atomic write: all of it lands or none.
 *
 * <p>Futures are completed on the committer thread: what depends on them must be quick (releasing locks,
 * handing a response to an event loop).
 */
final class GroupCommitter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GroupCommitter.class);
    /** RocksDB's WriteBatch header: sequence number (fixed64) and count (fixed32), little-endian. */
    static final int HEADER_BYTES = 12;
    /** A group stops growing at this many bytes (the batches behind it form the next group). */
    private static final int MAX_GROUP_BYTES = 4 << 20;
    private static final Pending STOP = new Pending(new byte[0], null);

    private final Writer writer;
    private final GroupCommitStats stats;
    private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private volatile boolean closed;

    private record Pending(byte[] rep, CompletableFuture<Void> done) {
    }

    /** Writes one batch durably (a synced RocksDB write); throws {@link StorageException} on failure. */
    @FunctionalInterface
    interface Writer {
        /** @param batches how many submitted batches {@code merged} holds */
        void write(WriteBatch merged, int batches);
    }

    GroupCommitter(String name, GroupCommitStats stats, Writer writer) {
        this.writer = writer;
        this.stats = stats;
        this.thread = new Thread(this::run, name);
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Queues a serialized batch.
     *
     * @return completed once the batch is written and synced; failed with {@link StorageException} if the
     *         write failed or the committer is closed
     */
    CompletableFuture<Void> submit(byte[] rep) {
        if (rep.length < HEADER_BYTES) {
            throw new IllegalArgumentException("not a write batch: " + rep.length + " bytes");
        }
        Pending pending = new Pending(rep, new CompletableFuture<>());
        queue.add(pending);
        if (closed && queue.remove(pending)) {
            // closed before or while queueing: close() may already have drained the queue
            pending.done.completeExceptionally(new StorageException("metadata store is closed"));
        }
        return pending.done;
    }

    private void run() {
        List<Pending> group = new ArrayList<>();
        Pending carried = null;
        while (true) {
            Pending first;
            try {
                first = carried != null ? carried : queue.take();
            } catch (InterruptedException e) {
                continue; // only close() stops the committer, by queueing STOP
            }
            carried = null;
            if (first == STOP) {
                return;
            }
            group.add(first);
            long bytes = first.rep.length;
            Pending next;
            while (bytes < MAX_GROUP_BYTES && (next = queue.poll()) != null) {
                if (next == STOP) {
                    carried = STOP;
                    break;
                }
                group.add(next);
                bytes += next.rep.length - HEADER_BYTES;
            }
            commit(group);
            group.clear();
        }
    }

    private void commit(List<Pending> group) {
        Throwable failure = null;
        long start = System.nanoTime();
        try (WriteBatch batch = new WriteBatch(merge(group))) {
            writer.write(batch, group.size());
            stats.recordGroup(group.size(), System.nanoTime() - start);
        } catch (RuntimeException | Error e) {
            failure = e;
            LOG.warn("group commit of {} batches failed: {}", group.size(), e.toString());
        }
        for (Pending p : group) {
            try {
                if (failure == null) {
                    p.done.complete(null);
                } else {
                    p.done.completeExceptionally(failure);
                }
            } catch (RuntimeException | Error e) {
                LOG.error("a commit's dependent action failed", e);
            }
        }
    }

    /** One batch holding every record of {@code group}, in order, under the first one's header. */
    static byte[] merge(List<Pending> group) {
        if (group.size() == 1) {
            return group.get(0).rep;
        }
        int length = HEADER_BYTES;
        long count = 0;
        for (Pending p : group) {
            length += p.rep.length - HEADER_BYTES;
            count += readCount(p.rep);
        }
        byte[] out = new byte[length];
        System.arraycopy(group.get(0).rep, 0, out, 0, HEADER_BYTES);
        int at = HEADER_BYTES;
        for (Pending p : group) {
            int n = p.rep.length - HEADER_BYTES;
            System.arraycopy(p.rep, HEADER_BYTES, out, at, n);
            at += n;
        }
        writeCount(out, Math.toIntExact(count));
        return out;
    }

    /** {@link #merge(List)} over serialized batches (for tests). */
    static byte[] mergeAll(List<byte[]> reps) {
        return merge(reps.stream().map(r -> new Pending(r, null)).toList());
    }

    private static long readCount(byte[] rep) {
        return (rep[8] & 0xFFL) | (rep[9] & 0xFFL) << 8 | (rep[10] & 0xFFL) << 16 | (rep[11] & 0xFFL) << 24;
    }

    private static void writeCount(byte[] rep, int count) {
        rep[8] = (byte) count;
        rep[9] = (byte) (count >>> 8);
        rep[10] = (byte) (count >>> 16);
        rep[11] = (byte) (count >>> 24);
    }

    /** Stops taking batches, commits those already queued, and waits for the thread to end. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        queue.add(STOP);
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        // anything queued after STOP (a submit racing with close) is refused, not left hanging
        Pending p;
        while ((p = queue.poll()) != null) {
            if (p.done != null) {
                p.done.completeExceptionally(new StorageException("metadata store is closed"));
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
