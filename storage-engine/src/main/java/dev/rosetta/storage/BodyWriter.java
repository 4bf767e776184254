package dev.rosetta.storage;

import dev.rosetta.storage.blob.BlobStore;
import dev.rosetta.storage.blob.BlobWriter;
import dev.rosetta.storage.crypto.DataKey;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Receives a new object's bytes and decides where they live: in memory while they fit the inline
 * threshold (the object becomes {@link ObjectBody.Inline}), in a blob as soon as they do not
 * ({@link ObjectBody.Blob}). Write sequentially from one worker thread; {@link #finish()} or
 * {@link #abort()}; {@link #close()} aborts unless finished.
 *
 * <p>With a {@link DataKey} the body is stored encrypted either way: the blob through an encrypting
 * writer, inline bytes encrypted when the body is finished (the plaintext is only ever in memory).
 */
public final class BodyWriter implements AutoCloseable {
    private final BlobStore blobs;
    private final int threshold;
    private final DataKey key;
    private byte[] buffer = new byte[0];
    private int buffered;
    private BlobWriter blob;
    private boolean done;

    BodyWriter(BlobStore blobs, int threshold, DataKey key) {
        this.blobs = blobs;
        this.threshold = threshold;
        this.key = key;
    }

    /** Appends every remaining byte of {@code src}. */
    public void write(ByteBuffer src) {
        if (done) {
            throw new IllegalStateException("body writer already finished or aborted");
        }
        if (blob == null && buffered + (long) src.remaining() <= threshold) {
            int n = src.remaining();
            if (buffered + n > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.min(threshold, Math.max(buffered + n, buffer.length * 2)));
            }
            src.get(buffer, buffered, n);
            buffered += n;
            return;
        }
        if (blob == null) {
            blob = blobs.create(key);
            blob.write(ByteBuffer.wrap(buffer, 0, buffered));
            java.util.Arrays.fill(buffer, 0, buffered, (byte) 0);
            buffer = null;
        }
        blob.write(src);
    }

    /** Bytes written so far. */
    public long size() {
        return blob == null ? buffered : blob.size();
    }

    /**
     * The body: inline bytes, or a committed blob (durable, pending until a store adopts it: hand the
     * record to {@link ObjectStore#put}, which owns it from then on).
     */
    public ObjectBody finish() {
        if (done) {
            throw new IllegalStateException("body writer already finished or aborted");
        }
        done = true;
        if (blob == null) {
            if (key != null) {
                byte[] sealed = key.crypt(buffer, 0, buffered, 0);
                Arrays.fill(buffer, (byte) 0);
                buffer = null;
                return new ObjectBody.Inline(sealed, key.envelope());
            }
            byte[] bytes = buffered == buffer.length ? buffer : Arrays.copyOf(buffer, buffered);
            buffer = null;
            return new ObjectBody.Inline(bytes);
        }
        return new ObjectBody.Blob(blob.commit());
    }

    /** Drops what was written; idempotent, a no-op after {@link #finish()}. */
    public void abort() {
        if (!done) {
            done = true;
            buffer = null;
            if (blob != null) {
                blob.abort();
            }
        }
    }

    @Override
    public void close() {
        abort();
    }
}
