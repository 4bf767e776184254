package dev.rosetta.bench.load;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.LongAdder;

/**
 * One run of a workload over a set of slots: a timed level (issue operations until a deadline, record only
 * those that start after the warm-up and end before the deadline) or a drain (until the workload has nothing
 * left; everything recorded).
 */
final class Run {
    private final Workload workload;
    private final long measureStart;
    private final long measureEnd;
    private final long stopAt;
    private final CountDownLatch finished;
    private volatile boolean aborted;
    private volatile Throwable abortCause;
    final LongAdder okOps = new LongAdder();
    final LongAdder failedOps = new LongAdder();
    final LongAdder bytes = new LongAdder();
    /** Error keys seen (all phases), for the progress line and drain failures. */
    final ConcurrentHashMap<String, LongAdder> errorsSeen = new ConcurrentHashMap<>();

    Run(Workload workload, int slots, long measureStart, long measureEnd, long stopAt) {
        this.workload = workload;
        this.measureStart = measureStart;
        this.measureEnd = measureEnd;
        this.stopAt = stopAt;
        this.finished = new CountDownLatch(slots);
    }

    static Run timed(Workload workload, int slots, long start, long warmupNanos, long durationNanos) {
        long measureStart = start + warmupNanos;
        long measureEnd = measureStart + durationNanos;
        return new Run(workload, slots, measureStart, measureEnd, measureEnd);
    }

    static Run drain(Workload workload, int slots) {
        return new Run(workload, slots, Long.MIN_VALUE, Long.MAX_VALUE, Long.MAX_VALUE);
    }

    Workload workload() {
        return workload;
    }

    boolean stopIssuing() {
        return aborted || (stopAt != Long.MAX_VALUE && System.nanoTime() - stopAt >= 0);
    }

    boolean inWindow(long start, long end) {
        if (measureStart == Long.MIN_VALUE) {
            return true;
        }
        return start - measureStart >= 0 && measureEnd - end >= 0;
    }

    long measureStart() {
        return measureStart;
    }

    long measureEnd() {
        return measureEnd;
    }

    void progress(boolean ok) {
        (ok ? okOps : failedOps).increment();
    }

    void noteError(String key) {
        errorsSeen.computeIfAbsent(key, k -> new LongAdder()).increment();
    }

    void abort(Throwable cause) {
        if (abortCause == null) {
            abortCause = cause;
        }
        aborted = true;
    }

    Throwable abortCause() {
        return abortCause;
    }

    void slotFinished() {
        finished.countDown();
    }

    CountDownLatch finished() {
        return finished;
    }
}
