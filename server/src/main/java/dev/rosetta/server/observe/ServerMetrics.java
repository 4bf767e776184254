package dev.rosetta.server.observe;

import dev.rosetta.storage.StorageEngine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * The server's meters, in a Prometheus registry of its own (no global state: several servers may
 * share a JVM): request timers by operation, dialect and status class; bytes in and out; errors by S3
 * code; open connections and requests in flight; unfinished multipart uploads and the bytes they hold;
 * RocksDB and data-directory figures; JVM and process metrics. Meters are cached so that recording a
 * request costs a map lookup, not a registration.
 */
public final class ServerMetrics implements RequestObserver {
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    /** operation -> dialect -> timer per status class (index 1..5): two lookups, no key built per request. */
    private final ConcurrentHashMap<String, ConcurrentHashMap<String, Timer[]>> timers = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Counter> errors = new ConcurrentHashMap<>();
    private final Counter bytesIn;
    private final Counter bytesOut;

    public ServerMetrics() {
        bytesIn = Counter.builder("rosetta.bytes.received").baseUnit("bytes")
                .description("Request body bytes received").register(registry);
        bytesOut = Counter.builder("rosetta.bytes.sent").baseUnit("bytes")
                .description("Response body bytes sent").register(registry);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** Connections open and requests in flight, read when scraped. */
    public void bindServer(IntSupplier openConnections, IntSupplier inFlightRequests) {
        Gauge.builder("rosetta.connections.open", openConnections::getAsInt)
                .description("Client connections open").register(registry);
        Gauge.builder("rosetta.requests.inflight", inFlightRequests::getAsInt)
                .description("Requests between their head and their last response byte").register(registry);
    }

    /** Storage figures, read when scraped. */
    public void bindStorage(StorageEngine storage) {
        Gauge.builder("rosetta.multipart.uploads.open", storage, s -> s.uploads().stats().openUploads())
                .description("Multipart uploads neither completed nor aborted").register(registry);
        Gauge.builder("rosetta.multipart.bytes.held", storage, s -> s.uploads().stats().bytesHeld())
                .baseUnit("bytes").description("Bytes held by the parts of unfinished uploads").register(registry);
        Gauge.builder("rosetta.rocksdb.estimated.keys", storage, s -> s.metadataProperty("rocksdb.estimate-num-keys"))
                .description("RocksDB's estimate of the keys stored").register(registry);
        Gauge.builder("rosetta.rocksdb.pending.compaction", storage,
                        s -> s.metadataProperty("rocksdb.estimate-pending-compaction-bytes"))
                .baseUnit("bytes").description("Bytes RocksDB estimates compaction must rewrite").register(registry);
        Gauge.builder("rosetta.rocksdb.sst.size", storage, s -> s.metadataProperty("rocksdb.total-sst-files-size"))
                .baseUnit("bytes").description("Size of RocksDB's SST files").register(registry);
        FunctionCounter.builder("rosetta.commit.groups", storage, s -> s.groupCommits().groups())
                .description("Synced metadata writes made by the group committer").register(registry);
        FunctionCounter.builder("rosetta.commit.batches", storage, s -> s.groupCommits().batches())
                .description("Writes (PUT, UploadPart, initiate) made durable by the group committer")
                .register(registry);
        FunctionCounter.builder("rosetta.commit.write", storage, s -> s.groupCommits().writeNanos() / 1e9)
                .baseUnit("seconds").description("Time the group committer spent in synced writes")
                .register(registry);
        FileStore fileStore = fileStore(storage);
        if (fileStore != null) {
            Gauge.builder("rosetta.disk.free", fileStore, ServerMetrics::usable).baseUnit("bytes").strongReference(true)
                    .description("Usable space on the data directory's file system").register(registry);
        }
    }

    private static FileStore fileStore(StorageEngine storage) {
        try {
            return Files.getFileStore(storage.dataDirectory());
        } catch (IOException e) {
            return null;
        }
    }

    private static double usable(FileStore store) {
        try {
            return store.getUsableSpace();
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    private Timer timer(RequestEvent e) {
        String dialect = e.dialect() == null ? "-" : e.dialect();
        ConcurrentHashMap<String, Timer[]> byDialect = timers.get(e.operation());
        if (byDialect == null) {
            byDialect = timers.computeIfAbsent(e.operation(), k -> new ConcurrentHashMap<>());
        }
        Timer[] byStatus = byDialect.get(dialect);
        if (byStatus == null) {
            byStatus = byDialect.computeIfAbsent(dialect, k -> new Timer[6]);
        }
        int statusClass = Math.min(5, Math.max(1, e.status() / 100));
        Timer t = byStatus[statusClass];
        if (t == null) {
            // registering the same meter twice returns the first, so a race here is harmless
            t = Timer.builder("rosetta.requests")
                    .description("Requests by operation, dialect and status class")
                    .tag("operation", e.operation()).tag("dialect", dialect).tag("status", statusClass + "xx")
                    .register(registry);
            byStatus[statusClass] = t;
        }
        return t;
    }

    @Override
    public void onRequest(RequestEvent e) {
        timer(e).record(e.durationNanos(), TimeUnit.NANOSECONDS);
        if (e.bytesIn() > 0) {
            bytesIn.increment(e.bytesIn());
        }
        if (e.bytesOut() > 0) {
            bytesOut.increment(e.bytesOut());
        }
        if (e.errorCode() != null) {
            errors.computeIfAbsent(e.errorCode(), code -> Counter.builder("rosetta.errors")
                    .description("Error responses by S3 error code").tag("code", code).register(registry))
                    .increment();
        }
    }
}
