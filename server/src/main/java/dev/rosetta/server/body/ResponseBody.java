package dev.rosetta.server.body;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.List;
import javax.crypto.Cipher;

/**
 * A response body that is not a small document: pieces of files sent with zero-copy file regions,
 * pieces of encrypted files decrypted while they are read, and in-memory bytes (inline objects). The
 * handler opens the files (on the blocking executor); the writer owns them from then on and closes each
 * when it has been sent or the connection is gone.
 */
public record ResponseBody(List<Segment> segments, long length) {

    /** One piece of the body. */
    public sealed interface Segment permits FileSegment, BytesSegment, CipherFileSegment {
        long length();
    }

    /** {@code count} bytes of an open file from {@code position}. */
    public record FileSegment(FileChannel channel, long position, long count) implements Segment {
        @Override
        public long length() {
            return count;
        }
    }

    /**
     * {@code count} bytes of an open file from {@code position}, run through {@code cipher} as they are read
     * (a stream cipher already positioned at {@code position}, which decrypts as many bytes as it is given):
     * encrypted blobs, which cannot go out as zero-copy file regions.
     */
    public record CipherFileSegment(FileChannel channel, long position, long count, Cipher cipher) implements Segment {
        @Override
        public long length() {
            return count;
        }
    }

    /** Bytes held in memory. */
    public record BytesSegment(byte[] bytes, int offset, int count) implements Segment {
        @Override
        public long length() {
            return count;
        }
    }

    public static ResponseBody of(List<Segment> segments) {
        long total = 0;
        for (Segment s : segments) {
            total += s.length();
        }
        return new ResponseBody(List.copyOf(segments), total);
    }

    /** Closes every file this body holds (when it is not sent: HEAD, errors, a closed connection). */
    public void close() {
        for (Segment s : segments) {
            FileChannel channel = s instanceof FileSegment f ? f.channel()
                    : s instanceof CipherFileSegment c ? c.channel() : null;
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing more to release
                }
            }
        }
    }
}
