package dev.rosetta.server.netty;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.stream.ChunkedInput;
import java.io.EOFException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;

/**
 * A region of an encrypted file, read in chunks and decrypted in place (AES-CTR: as many bytes out as in),
 * for {@link io.netty.handler.stream.ChunkedWriteHandler}. Only one chunk is in memory at a time, so a
 * large object streams as a plain one does behind TLS. Closes the file at the end or when the write fails.
 */
final class DecryptingFileInput implements ChunkedInput<ByteBuf> {
    private final FileChannel file;
    private final long start;
    private final long end;
    private final Cipher cipher;
    private final int chunkSize;
    private long offset;

    DecryptingFileInput(FileChannel file, long position, long count, Cipher cipher, int chunkSize) {
        this.file = file;
        this.start = position;
        this.end = position + count;
        this.offset = position;
        this.cipher = cipher;
        this.chunkSize = chunkSize;
    }

    @Override
    public boolean isEndOfInput() {
        return offset >= end || !file.isOpen();
    }

    @Override
    public void close() throws Exception {
        file.close();
    }

    @Deprecated
    @Override
    public ByteBuf readChunk(ChannelHandlerContext ctx) throws Exception {
        return readChunk(ctx.alloc());
    }

    @Override
    public ByteBuf readChunk(ByteBufAllocator allocator) throws Exception {
        if (offset >= end) {
            return null;
        }
        int n = (int) Math.min(chunkSize, end - offset);
        ByteBuf buf = allocator.heapBuffer(n);
        boolean release = true;
        try {
            int read = 0;
            while (read < n) {
                int r = buf.writeBytes(file, offset + read, n - read);
                if (r < 0) {
                    throw new EOFException("encrypted blob ends " + (end - offset - read) + " bytes early");
                }
                read += r;
            }
            byte[] array = buf.array();
            int at = buf.arrayOffset() + buf.readerIndex();
            try {
                int out = cipher.update(array, at, n, array, at);
                if (out != n) {
                    throw new IOException("stream cipher returned " + out + " of " + n + " bytes");
                }
            } catch (ShortBufferException e) {
                throw new IOException(e);
            }
            offset += n;
            release = false;
            return buf;
        } finally {
            if (release) {
                buf.release();
            }
        }
    }

    @Override
    public long length() {
        return end - start;
    }

    @Override
    public long progress() {
        return offset - start;
    }
}
