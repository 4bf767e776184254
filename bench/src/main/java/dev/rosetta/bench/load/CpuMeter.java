package dev.rosetta.bench.load;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CPU time of this process, of its event-loop threads, and of server processes ({@code /proc/PID/stat}
 * utime + stime, Linux; clock-tick resolution, usually 10 ms).
 */
public final class CpuMeter {
    private static volatile long clockTicks;

    private final List<Long> ioThreadIds;
    private final List<Long> serverPids;

    /** One reading of every clock, in nanoseconds; -1 where unavailable. */
    public record Sample(long processNanos, long ioThreadsNanos, long serverNanos) {
        public Sample minus(Sample before) {
            return new Sample(diff(processNanos, before.processNanos), diff(ioThreadsNanos, before.ioThreadsNanos),
                    diff(serverNanos, before.serverNanos));
        }

        private static long diff(long a, long b) {
            return a < 0 || b < 0 ? -1 : a - b;
        }
    }

    public CpuMeter(List<Long> ioThreadIds, List<Long> serverPids) {
        this.ioThreadIds = List.copyOf(ioThreadIds);
        this.serverPids = List.copyOf(serverPids);
    }

    public Sample sample() {
        return new Sample(processCpuNanos(), ioThreadsNanos(), serverNanos());
    }

    public boolean measuresServer() {
        return !serverPids.isEmpty();
    }

    /** CPU time of this JVM (all threads: event loops, JIT, GC). */
    public static long processCpuNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    private long ioThreadsNanos() {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        if (!threads.isThreadCpuTimeSupported()) {
            return -1;
        }
        long sum = 0;
        for (long id : ioThreadIds) {
            long t = threads.getThreadCpuTime(id);
            if (t < 0) {
                return -1;
            }
            sum += t;
        }
        return sum;
    }

    private long serverNanos() {
        if (serverPids.isEmpty()) {
            return -1;
        }
        long sum = 0;
        for (long pid : serverPids) {
            long t = procCpuNanos(pid);
            if (t < 0) {
                return -1;
            }
            sum += t;
        }
        return sum;
    }

    /** utime + stime of a process from {@code /proc/PID/stat}, in nanoseconds; -1 if it cannot be read. */
    public static long procCpuNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"), StandardCharsets.US_ASCII);
            // the command name (field 2) is in parentheses and may contain spaces: fields follow the last ')'
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" +");
            long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // fields 14 and 15
            return ticks * TimeUnit.SECONDS.toNanos(1) / clockTicksPerSecond();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** Whether the process exists and its CPU time can be read. */
    public static boolean readable(long pid) {
        return procCpuNanos(pid) >= 0;
    }

    static long clockTicksPerSecond() {
        long t = clockTicks;
        if (t == 0) {
            t = 100;
            try {
                Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
                if (p.waitFor() == 0 && out.matches("\\d+")) {
                    t = Long.parseLong(out);
                }
            } catch (IOException | InterruptedException | RuntimeException e) {
                if (e instanceof InterruptedException) {
                    Thread.currentThread().interrupt();
                }
            }
            clockTicks = t;
        }
        return t;
    }
}
