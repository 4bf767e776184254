package dev.rosetta.storage.kv;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a directory's file system takes {@code O_DIRECT} writes. RocksDB fails a flush, not the open, when
 * it does not (older tmpfs, some FUSE and overlay mounts), so the store asks before it turns direct I/O on.
 */
public final class DirectIoProbe {
    private static final Logger LOG = LoggerFactory.getLogger(DirectIoProbe.class);
    private static final String PROBE_NAME = ".direct-io-probe";

    private DirectIoProbe() {
    }

    /** Writes one aligned block to a scratch file in {@code dir} with {@code O_DIRECT}; false on any refusal. */
    public static boolean supported(Path dir) {
        Path probe = dir.resolve(PROBE_NAME);
        try {
            int block = (int) Math.max(4096, Files.getFileStore(dir).getBlockSize());
            ByteBuffer aligned = ByteBuffer.allocateDirect(block * 2).alignedSlice(block);
            aligned.limit(block);
            try (FileChannel ch = FileChannel.open(probe, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING, ExtendedOpenOption.DIRECT)) {
                while (aligned.hasRemaining()) {
                    ch.write(aligned, aligned.position());
                }
            }
            return true;
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            LOG.debug("O_DIRECT write refused in {}: {}", dir, e.toString()); // the caller logs the consequence
            return false;
        } finally {
            try {
                Files.deleteIfExists(probe);
            } catch (IOException ignored) {
                // a leftover probe file is harmless and replaced by the next probe
            }
        }
    }
}
