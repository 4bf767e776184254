package dev.rosetta.storage.kv;

import java.util.concurrent.atomic.LongAdder;

/**
 * Running totals of the group committer, for metrics: how many synced writes it made, how many queued batches
 * they held, and how long the writes took. Batches per group and time per group follow from them.
 */
public final class GroupCommitStats {
    private final LongAdder groups = new LongAdder();
    private final LongAdder batches = new LongAdder();
    private final LongAdder writeNanos = new LongAdder();

    void recordGroup(int batchCount, long nanos) {
        groups.increment();
        batches.add(batchCount);
        writeNanos.add(nanos);
    }

    /** Synced writes made (one per group). */
    public long groups() {
        return groups.sum();
    }

    /** Batches committed through the group committer. */
    public long batches() {
        return batches.sum();
    }

    /** Time spent in the synced writes, in nanoseconds. */
    public long writeNanos() {
        return writeNanos.sum();
    }
}
