package dev.rosetta.bench.jmh;

import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.storage.Durability;
import dev.rosetta.storage.MultipartUpload;
import dev.rosetta.storage.StorageEngine;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * A multipart-session write: {@code MultipartSessionStore.initiate} (bucket check under the bucket's shared
 * lock, one RocksDB WriteBatch) with {@code Durability.NONE} and {@code FSYNC}. {@code initiate} runs on one
 * thread (one fsync per upload); {@code initiate8Threads} on eight, where RocksDB's group commit shares WAL
 * syncs. The data directory is a temporary one under {@code -p dir=...} (default java.io.tmpdir): point it at
 * the disk you mean to measure, never tmpfs for FSYNC.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class MultipartSessionBenchmark {
    @Param({"NONE", "FSYNC"})
    public Durability durability;

    @Param({""})
    public String dir;

    Path dataDir;
    StorageEngine engine;
    final AtomicLong counter = new AtomicLong();

    @Setup(Level.Trial)
    public void open() throws IOException {
        dataDir = dir.isEmpty() ? Files.createTempDirectory("rosetta-jmh-") : Files.createTempDirectory(Path.of(dir), "rosetta-jmh-");
        engine = StorageEngine.open(dataDir, durability);
        engine.buckets().create("bench-bucket", Fixtures.OWNER, null, "AWS", Instant.now());
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
        engine.close();
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    MultipartUpload initiateOne() {
        return engine.uploads().initiate("bench-bucket", "videos/2026/01/clip-" + counter.incrementAndGet() + ".mp4",
                Fixtures.OWNER, Fixtures.OWNER, "AWS", ObjectHeaders.defaults(), Instant.now());
    }

    @Benchmark
    @Threads(1)
    public MultipartUpload initiate() {
        return initiateOne();
    }

    @Benchmark
    @Threads(8)
    public MultipartUpload initiate8Threads() {
        return initiateOne();
    }
}
