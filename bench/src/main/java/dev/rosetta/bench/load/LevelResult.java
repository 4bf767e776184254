package dev.rosetta.bench.load;

/**
 * One concurrency level's figures.
 *
 * @param durationNanos  the measured window (warm-up excluded)
 * @param cpu            CPU time spent during the window: this process, its event loops, the server (-1 if
 *                       not measured)
 * @param slotSequences  per slot, how many key sequence numbers it used (what the clean-up deletes)
 */
public record LevelResult(int concurrency, long durationNanos, Stats stats, CpuMeter.Sample cpu, long[] slotSequences) {

    public double seconds() {
        return durationNanos / 1e9;
    }

    public double opsPerSecond() {
        return stats.ops() / seconds();
    }

    public double bytesPerSecond() {
        return stats.bytes() / seconds();
    }

    /** CPU nanoseconds per successful operation, or -1. */
    public double perOp(long cpuNanos) {
        long ops = stats.ops();
        return cpuNanos < 0 || ops == 0 ? -1 : (double) cpuNanos / ops;
    }
}
