package dev.rosetta.bench.tools;

import dev.rosetta.bench.util.Units;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.HdrHistogram.Histogram;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Appends and fdatasyncs (FileChannel.force(false)) in a loop: the rate of synced writes the disk allows,
 * which bounds a server that syncs every commit (RocksDB's WAL under --durability fsync).
 */
@Command(name = "fsync", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Synced appends: write --size bytes, fdatasync, repeat; prints syncs/s, MiB/s and latency.")
public final class FsyncCommand implements Callable<Integer> {
    @Option(names = "--dir", required = true, description = "A directory on the disk to measure (not tmpfs).")
    Path dir;

    @Option(names = "--size", defaultValue = "4KiB", description = "Bytes per write (default ${DEFAULT-VALUE}).")
    String size;

    @Option(names = "--duration", defaultValue = "5s", description = "How long (default ${DEFAULT-VALUE}).")
    String duration;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        int bytes = (int) Units.parseSize(size);
        long nanos = Units.parseDuration(duration);
        Path file = Files.createTempFile(dir, "rosetta-bench-fsync", ".tmp");
        Histogram h = new Histogram(60_000_000L, 3);
        long written = 0;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ByteBuffer buf = ByteBuffer.allocateDirect(Math.max(bytes, 1));
            long start = System.nanoTime();
            long end = start + nanos;
            while (System.nanoTime() - end < 0) {
                long t = System.nanoTime();
                buf.clear().limit(bytes);
                while (buf.hasRemaining()) {
                    written += ch.write(buf);
                }
                ch.force(false);
                h.recordValue(Math.min((System.nanoTime() - t) / 1000, 60_000_000L));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter out = spec.commandLine().getOut();
            out.printf(Locale.ROOT, "fsync %s: %s writes, %.1f s: %.0f syncs/s, %.1f MiB/s, latency p50 %.3f p99 %.3f max %.3f ms%n",
                    dir, Units.formatSize(bytes), seconds, h.getTotalCount() / seconds, written / seconds / 1048576,
                    h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0, h.getMaxValue() / 1000.0);
            out.flush();
        } finally {
            Files.deleteIfExists(file);
        }
        return 0;
    }
}
