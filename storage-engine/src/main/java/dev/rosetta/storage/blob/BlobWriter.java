package dev.rosetta.storage.blob;

import dev.rosetta.storage.Durability;
import dev.rosetta.storage.StorageException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One blob being written, in {@code tmp/<id>}: {@link #write} the bytes in order, then
 * {@link #commit()} (durable, renamed into the blob tree) or {@link #abort()}. {@link #close()}
 * aborts unless committed, so try-with-resources never leaks a tmp file.
 *
 * <p>Meant for one worker thread writing sequentially; the methods are synchronized so that an abort
 * from another thread (a dropped connection) is safe too. I/O failures throw
 * {@link StorageException} and leave nothing behind.
 */
public final class BlobWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlobWriter.class);

    private enum State { OPEN, COMMITTED, ABORTED }

    private final BlobStore store;
    private final String id;
    private final Path tmp;
    private final FileChannel channel;
    private long size;
    private State state = State.OPEN;

    BlobWriter(BlobStore store, String id, Path tmp, FileChannel channel) {
        this.store = store;
        this.id = id;
        this.tmp = tmp;
        this.channel = channel;
    }

    /** The id the blob will have once committed. */
    public String id() {
        return id;
    }

    /** Appends every remaining byte of {@code src}. */
    public synchronized void write(ByteBuffer src) {
        requireOpen();
        try {
            while (src.hasRemaining()) {
                size += channel.write(src);
            }
        } catch (IOException e) {
            abortQuietly();
            throw new StorageException("blob write failed: " + e.getMessage(), e);
        }
    }

    /** Bytes written so far. */
    public synchronized long size() {
        return size;
    }

    /**
     * Makes the blob durable (per the store's {@link Durability}) and moves it into the blob tree.
     * The blob stays pending (the sweep leaves it alone) until a store adopts it or it is deleted:
     * hand the returned ref to a store, or {@link BlobStore#delete} it.
     */
    public synchronized BlobRef commit() {
        requireOpen();
        try {
            if (store.durability() == Durability.FSYNC) {
                channel.force(true);
            }
            channel.close();
            store.install(tmp, id);
        } catch (IOException e) {
            abortQuietly();
            throw new StorageException("blob commit failed: " + e.getMessage(), e);
        }
        state = State.COMMITTED;
        return new BlobRef(id, size);
    }

    /** Drops the blob; idempotent, and a no-op after {@link #commit()}. */
    public synchronized void abort() {
        if (state == State.OPEN) {
            abortQuietly();
        }
    }

    /** {@link #abort()} unless committed. */
    @Override
    public void close() {
        abort();
    }

    FileChannel channel() {
        return channel;
    }

    /** Accounts for bytes written through {@link #channel()} directly. */
    synchronized void advance(long n) {
        size += n;
    }

    private void requireOpen() {
        if (state != State.OPEN) {
            throw new IllegalStateException("blob writer " + id + " is " + state.name().toLowerCase());
        }
    }

    private void abortQuietly() {
        state = State.ABORTED;
        try {
            channel.close();
        } catch (IOException e) {
            LOG.debug("closing blob {} failed", id, e);
        }
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            LOG.warn("Could not delete uncommitted blob {}: {}", tmp, e.toString());
        }
        store.release(id);
    }
}
