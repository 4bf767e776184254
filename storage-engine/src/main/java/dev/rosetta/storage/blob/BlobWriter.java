package dev.rosetta.storage.blob;

import dev.rosetta.storage.Durability;
import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.crypto.DataKey;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.crypto.Cipher;
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
 *
 * <p>A writer made with a {@link DataKey} encrypts what it is given (AES-256-CTR, buffer by buffer, the
 * caller's buffers untouched) and commits a ref carrying the key's envelope: nothing of the plaintext
 * reaches the file.
 */
public final class BlobWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BlobWriter.class);
    private static final int SCRATCH_BYTES = 64 * 1024;

    private enum State { OPEN, COMMITTED, ABORTED }

    private final BlobStore store;
    private final String id;
    private final Path tmp;
    private final FileChannel channel;
    private final DataKey key;
    private final Cipher cipher;
    private ByteBuffer scratch;
    private long size;
    private State state = State.OPEN;

    BlobWriter(BlobStore store, String id, Path tmp, FileChannel channel, DataKey key) {
        this.store = store;
        this.id = id;
        this.tmp = tmp;
        this.channel = channel;
        this.key = key;
        this.cipher = key == null ? null : key.cipherAt(0);
    }

    /** Whether the bytes are encrypted on their way to the file. */
    public boolean encrypting() {
        return key != null;
    }

    /** The id the blob will have once committed. */
    public String id() {
        return id;
    }

    /** Appends every remaining byte of {@code src}. */
    public synchronized void write(ByteBuffer src) {
        requireOpen();
        try {
            if (cipher == null) {
                while (src.hasRemaining()) {
                    size += channel.write(src);
                }
            } else {
                writeEncrypted(src);
            }
        } catch (IOException e) {
            abortQuietly();
            throw new StorageException("blob write failed: " + e.getMessage(), e);
        }
    }

    private void writeEncrypted(ByteBuffer src) throws IOException {
        if (scratch == null) {
            scratch = ByteBuffer.allocate(SCRATCH_BYTES);
        }
        while (src.hasRemaining()) {
            int n = Math.min(src.remaining(), scratch.capacity());
            ByteBuffer in = src.duplicate();
            in.limit(in.position() + n);
            scratch.clear();
            DataKey.update(cipher, in, scratch);
            src.position(src.position() + n);
            scratch.flip();
            while (scratch.hasRemaining()) {
                size += channel.write(scratch);
            }
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
        scratch = null;
        return new BlobRef(id, size, key == null ? null : key.envelope());
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

    /** Accounts for bytes written through {@link #channel()} directly (raw: never through the cipher). */
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
