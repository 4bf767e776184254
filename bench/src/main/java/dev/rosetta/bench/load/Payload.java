package dev.rosetta.bench.load;

import dev.rosetta.bench.sign.Crypto;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The request bodies: one direct buffer of random bytes, filled once; a body is a retained view of its first
 * {@code n} bytes, so sending an object allocates nothing of its size. Every object therefore has the same
 * content (fine for servers that neither compress nor deduplicate; say so when comparing with one that
 * does).
 */
public final class Payload implements AutoCloseable {
    private final ByteBuf buffer;
    private final ConcurrentHashMap<Integer, String> sha256 = new ConcurrentHashMap<>();

    public Payload(long maxSize) {
        if (maxSize > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("object size above 2 GiB is not supported");
        }
        int size = (int) maxSize;
        ByteBuf b = Unpooled.directBuffer(Math.max(size, 1));
        Random random = new Random(0x5eed);
        byte[] chunk = new byte[64 * 1024];
        for (int written = 0; written < size; ) {
            random.nextBytes(chunk);
            int n = Math.min(chunk.length, size - written);
            b.writeBytes(chunk, 0, n);
            written += n;
        }
        this.buffer = Unpooled.unreleasableBuffer(b);
    }

    /** A body of {@code length} bytes: a view the write releases. */
    public ByteBuf body(long length) {
        return buffer.retainedSlice(0, (int) length);
    }

    /** Hex SHA-256 of a body of {@code length} bytes (computed once per length). */
    public String sha256Hex(long length) {
        return sha256.computeIfAbsent((int) length, n -> {
            byte[] bytes = new byte[n];
            buffer.getBytes(0, bytes);
            return Crypto.hex(Crypto.sha256(bytes));
        });
    }

    @Override
    public void close() {
        // the buffer is unreleasable by design (shared by in-flight writes); it goes with the process
    }
}
