package dev.rosetta.bench.load;

import dev.rosetta.bench.http.Connection;
import dev.rosetta.bench.http.HttpTransport;
import io.netty.channel.EventLoop;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs workloads over fresh connections: timed levels (warm-up, then the measured window, with a progress
 * callback every second and CPU samples at the window's edges) and drains (prepare, clean-up).
 */
public final class LoadRunner {
    /** Called about once a second on the calling thread while a level runs. */
    public interface Progress {
        void tick(Tick tick);
    }

    /** A progress report: totals over the whole run so far, and over the last interval. */
    public record Tick(int concurrency, boolean warmup, double elapsedSeconds, double totalSeconds,
                       double opsPerSecond, double bytesPerSecond, long errors, String lastError) {
    }

    private final HttpTransport transport;
    private final long timeoutMillis;

    public LoadRunner(HttpTransport transport, long timeoutMillis) {
        this.transport = transport;
        this.timeoutMillis = timeoutMillis;
    }

    /** Runs {@code workload} on {@code concurrency} connections: warm-up, then the measured window. */
    public LevelResult timed(Workload workload, int concurrency, long warmupNanos, long durationNanos, CpuMeter cpu,
                             Progress progress) throws InterruptedException {
        List<Connection> connections = open(concurrency);
        Map<EventLoop, Stats> stats = statsPerLoop();
        try {
            long t0 = System.nanoTime();
            Run run = Run.timed(workload, concurrency, t0, warmupNanos, durationNanos);
            List<Slot> slots = slots(run, connections, stats);
            CpuMeter.Sample before = warmupNanos == 0 ? cpu.sample() : null;
            slots.forEach(Slot::start);
            long lastTick = t0;
            long lastOps = 0;
            long lastBytes = 0;
            CpuMeter.Sample after = null;
            while (after == null) {
                long now = System.nanoTime();
                if (before == null && now - run.measureStart() >= 0) {
                    before = cpu.sample();
                }
                if (now - run.measureEnd() >= 0) {
                    after = cpu.sample();
                    break;
                }
                if (run.abortCause() != null) {
                    break;
                }
                if (now - lastTick >= TimeUnit.SECONDS.toNanos(1)) {
                    long ops = run.okOps.sum();
                    long bytes = run.bytes.sum();
                    double dt = (now - lastTick) / 1e9;
                    if (progress != null) {
                        progress.tick(new Tick(concurrency, lastTick - run.measureStart() < 0, (now - t0) / 1e9,
                                (warmupNanos + durationNanos) / 1e9, (ops - lastOps) / dt, (bytes - lastBytes) / dt,
                                run.failedOps.sum(), lastError(run)));
                    }
                    lastTick = now;
                    lastOps = ops;
                    lastBytes = bytes;
                }
                long wake = Math.min(lastTick + TimeUnit.SECONDS.toNanos(1),
                        before == null ? run.measureStart() : run.measureEnd());
                long sleep = Math.max(0, wake - System.nanoTime());
                TimeUnit.NANOSECONDS.sleep(Math.min(sleep, TimeUnit.MILLISECONDS.toNanos(200)));
            }
            awaitSlots(run, connections);
            if (run.abortCause() != null) {
                throw new IllegalStateException("the workload failed: " + run.abortCause(), run.abortCause());
            }
            if (before == null) {
                before = after;
            }
            long[] sequences = slots.stream().mapToLong(Slot::sequences).toArray();
            return new LevelResult(concurrency, durationNanos, merge(stats), after.minus(before), sequences);
        } finally {
            connections.forEach(Connection::close);
        }
    }

    /** Runs {@code workload} until it has nothing left, on {@code concurrency} connections. */
    public DrainResult drain(Workload workload, int concurrency) throws InterruptedException {
        List<Connection> connections = open(concurrency);
        Map<EventLoop, Stats> stats = statsPerLoop();
        try {
            long t0 = System.nanoTime();
            Run run = Run.drain(workload, concurrency);
            slots(run, connections, stats).forEach(Slot::start);
            run.finished().await();
            if (run.abortCause() != null) {
                throw new IllegalStateException("the workload failed: " + run.abortCause(), run.abortCause());
            }
            Stats total = merge(stats);
            return new DrainResult(run.okOps.sum(), run.failedOps.sum(), new TreeMap<>(total.errors()),
                    System.nanoTime() - t0);
        } finally {
            connections.forEach(Connection::close);
        }
    }

    private static String lastError(Run run) {
        String last = null;
        for (String k : run.errorsSeen.keySet()) {
            last = k;
        }
        return last;
    }

    private List<Connection> open(int concurrency) throws InterruptedException {
        List<EventLoop> loops = transport.loops();
        List<Connection> connections = new ArrayList<>(concurrency);
        List<CompletableFuture<Void>> opened = new ArrayList<>(concurrency);
        for (int i = 0; i < concurrency; i++) {
            Connection c = transport.newConnection(loops.get(i % loops.size()));
            connections.add(c);
            opened.add(c.open());
        }
        try {
            CompletableFuture.allOf(opened.toArray(CompletableFuture[]::new))
                    .get(Math.max(timeoutMillis, 5000), TimeUnit.MILLISECONDS);
        } catch (ExecutionException | TimeoutException e) {
            connections.forEach(Connection::close);
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new IllegalStateException("cannot connect to " + transport.hostHeader() + ": " + cause, cause);
        }
        return connections;
    }

    private Map<EventLoop, Stats> statsPerLoop() {
        Map<EventLoop, Stats> stats = new IdentityHashMap<>();
        for (EventLoop loop : transport.loops()) {
            stats.put(loop, new Stats());
        }
        return stats;
    }

    private static List<Slot> slots(Run run, List<Connection> connections, Map<EventLoop, Stats> stats) {
        List<Slot> slots = new ArrayList<>(connections.size());
        for (int i = 0; i < connections.size(); i++) {
            Connection c = connections.get(i);
            slots.add(new Slot(i, c, run, stats.get(c.loop())));
        }
        return slots;
    }

    /** Waits for in-flight operations to end (each has the request timeout); closes connections past that. */
    private void awaitSlots(Run run, List<Connection> connections) throws InterruptedException {
        if (!run.finished().await(timeoutMillis + 5000, TimeUnit.MILLISECONDS)) {
            connections.forEach(Connection::close);
            run.finished().await(10, TimeUnit.SECONDS);
        }
    }

    /** Copies each loop's figures on its own thread, then adds them up. */
    private static Stats merge(Map<EventLoop, Stats> stats) throws InterruptedException {
        Stats total = new Stats();
        for (Map.Entry<EventLoop, Stats> e : stats.entrySet()) {
            try {
                total.add(e.getKey().submit(e.getValue()::copy).get(30, TimeUnit.SECONDS));
            } catch (ExecutionException | TimeoutException ex) {
                throw new IllegalStateException("cannot collect the figures of " + e.getKey(), ex);
            }
        }
        return total;
    }
}
