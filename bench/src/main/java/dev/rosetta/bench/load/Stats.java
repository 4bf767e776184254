package dev.rosetta.bench.load;

import dev.rosetta.bench.http.RequestKind;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * What one event loop measured: operation latencies, per-request latencies by kind, payload bytes, errors.
 * Written by its loop only; read after the level, via a copy made on the loop.
 */
public final class Stats {
    /** Latencies are recorded in microseconds, up to this (longer ones are clamped). */
    static final long HIGHEST_MICROS = TimeUnit.MINUTES.toMicros(10);
    private static final int DIGITS = 3;

    final Histogram ops = newHistogram();
    final EnumMap<RequestKind, Histogram> requests = new EnumMap<>(RequestKind.class);
    long bytes;
    long failedOps;
    final Map<String, Long> errors = new TreeMap<>();

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, DIGITS);
    }

    void recordOp(long micros) {
        ops.recordValue(Math.min(Math.max(micros, 0), HIGHEST_MICROS));
    }

    void recordRequest(RequestKind kind, long micros) {
        requests.computeIfAbsent(kind, k -> newHistogram()).recordValue(Math.min(Math.max(micros, 0), HIGHEST_MICROS));
    }

    void recordError(String key) {
        failedOps++;
        errors.merge(key, 1L, Long::sum);
    }

    /** Adds another's figures to this one. */
    public void add(Stats other) {
        ops.add(other.ops);
        other.requests.forEach((k, h) -> requests.computeIfAbsent(k, x -> newHistogram()).add(h));
        bytes += other.bytes;
        failedOps += other.failedOps;
        other.errors.forEach((k, v) -> errors.merge(k, v, Long::sum));
    }

    public Stats copy() {
        Stats s = new Stats();
        s.add(this);
        return s;
    }

    /** Successful operations. */
    public long ops() {
        return ops.getTotalCount();
    }

    public Histogram opLatencyMicros() {
        return ops;
    }

    public Map<RequestKind, Histogram> requestLatencyMicros() {
        return requests;
    }

    /** Payload bytes moved by successful requests (request bodies sent, response bodies received). */
    public long bytes() {
        return bytes;
    }

    public long failedOps() {
        return failedOps;
    }

    /** Failed operations by error key ({@code 503 SlowDown}, {@code transport: timeout}, ...). */
    public Map<String, Long> errors() {
        return errors;
    }
}
