package dev.rosetta.bench.report;

import dev.rosetta.bench.http.RequestKind;
import dev.rosetta.bench.load.BenchmarkRun;
import dev.rosetta.bench.load.LevelResult;
import dev.rosetta.bench.load.LoadSettings;
import dev.rosetta.bench.util.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The report of a run: a text table for people, a JSON document for machines, markdown rows for docs. */
public final class Reports {
    private static final double MIB = 1024.0 * 1024.0;

    private Reports() {
    }

    // ---- JSON

    /** The JSON document (see docs/benchmarks.md for the fields). */
    public static Map<String, Object> json(BenchmarkRun.Outcome o) {
        LoadSettings s = o.settings();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("tool", "rosetta-bench");
        doc.put("label", s.label());
        doc.put("runId", o.runId());
        doc.put("target", s.target().toString());
        doc.put("op", s.op());
        doc.put("sign", s.staticUrl() != null ? "none" : s.sign());
        doc.put("payload", s.signPayload() ? "sha256" : "unsigned");
        doc.put("sizeBytes", s.size());
        if (s.op().equals("multipart")) {
            doc.put("parts", s.parts());
        }
        if (s.op().equals("list")) {
            doc.put("listObjects", s.listObjects());
            doc.put("listPage", s.listPage());
        }
        if (s.op().equals("mixed")) {
            doc.put("mix", s.mix().toString());
        }
        if (List.of("get", "stat", "mixed").contains(s.op())) {
            doc.put("objects", s.objectCount());
        }
        doc.put("durationSeconds", s.durationNanos() / 1e9);
        doc.put("warmupSeconds", s.warmupNanos() / 1e9);
        doc.put("ioThreads", s.ioThreads());
        doc.put("transport", o.transport());
        doc.put("bucket", o.bucket());
        doc.put("serverPids", s.serverPids());
        List<Object> levels = new ArrayList<>();
        for (LevelResult l : o.levels()) {
            levels.add(level(l));
        }
        doc.put("levels", levels);
        return doc;
    }

    private static Map<String, Object> level(LevelResult l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("concurrency", l.concurrency());
        m.put("seconds", l.seconds());
        m.put("ops", l.stats().ops());
        m.put("opsPerSecond", l.opsPerSecond());
        m.put("bytes", l.stats().bytes());
        m.put("bytesPerSecond", l.bytesPerSecond());
        m.put("mibPerSecond", l.bytesPerSecond() / MIB);
        m.put("latencyMicros", latency(l.stats().opLatencyMicros()));
        Map<String, Object> requests = new LinkedHashMap<>();
        for (Map.Entry<RequestKind, Histogram> e : l.stats().requestLatencyMicros().entrySet()) {
            requests.put(e.getKey().label(), latency(e.getValue()));
        }
        m.put("requests", requests);
        m.put("failedOps", l.stats().failedOps());
        m.put("errors", new LinkedHashMap<>(l.stats().errors()));
        m.put("clientCpuSeconds", seconds(l.cpu().processNanos()));
        m.put("clientCpuMicrosPerOp", micros(l.perOp(l.cpu().processNanos())));
        m.put("ioThreadsCpuSeconds", seconds(l.cpu().ioThreadsNanos()));
        m.put("ioThreadsCpuMicrosPerOp", micros(l.perOp(l.cpu().ioThreadsNanos())));
        m.put("serverCpuSeconds", seconds(l.cpu().serverNanos()));
        m.put("serverCpuMicrosPerOp", micros(l.perOp(l.cpu().serverNanos())));
        return m;
    }

    private static Map<String, Object> latency(Histogram h) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("count", h.getTotalCount());
        m.put("p50", h.getTotalCount() == 0 ? null : h.getValueAtPercentile(50));
        m.put("p90", h.getTotalCount() == 0 ? null : h.getValueAtPercentile(90));
        m.put("p99", h.getTotalCount() == 0 ? null : h.getValueAtPercentile(99));
        m.put("max", h.getTotalCount() == 0 ? null : h.getMaxValue());
        m.put("mean", h.getTotalCount() == 0 ? null : h.getMean());
        return m;
    }

    private static Double seconds(long nanos) {
        return nanos < 0 ? null : nanos / 1e9;
    }

    private static Double micros(double nanos) {
        return nanos < 0 ? null : nanos / 1e3;
    }

    // ---- text

    /** The human report: a header line, one row per level, then request breakdowns and errors. */
    public static String text(BenchmarkRun.Outcome o) {
        LoadSettings s = o.settings();
        StringBuilder sb = new StringBuilder();
        sb.append("rosetta-bench ").append(s.op());
        if (s.staticUrl() != null) {
            sb.append(" ").append(s.staticUrl());
        } else {
            sb.append(" ").append(s.endpoint()).append(" sign=").append(s.sign())
                    .append(" payload=").append(s.signPayload() ? "sha256" : "unsigned");
        }
        if (s.staticUrl() == null) {
            sb.append(" size=").append(Units.formatSize(s.size()));
        }
        if (s.op().equals("multipart")) {
            sb.append(" parts=").append(s.parts());
        }
        if (s.op().equals("list")) {
            sb.append(" list-objects=").append(s.listObjects()).append(" list-page=").append(s.listPage());
        }
        if (s.op().equals("mixed")) {
            sb.append(" mix=").append(s.mix());
        }
        sb.append(" duration=").append(Units.formatDuration(s.durationNanos()))
                .append(" warmup=").append(Units.formatDuration(s.warmupNanos()))
                .append(" io-threads=").append(s.ioThreads()).append(" (").append(o.transport()).append(")");
        if (s.label() != null) {
            sb.append(" label=").append(s.label());
        }
        sb.append('\n');
        sb.append(String.format(Locale.ROOT, "%6s %9s %10s %9s %9s %9s %9s %9s %7s %12s %10s %12s%n", "conc", "ops",
                "ops/s", "MiB/s", "p50 ms", "p90 ms", "p99 ms", "max ms", "errors", "client µs/op", "loop µs/op",
                "server µs/op"));
        for (LevelResult l : o.levels()) {
            Histogram h = l.stats().opLatencyMicros();
            sb.append(String.format(Locale.ROOT, "%6d %9d %10.1f %9.2f %9s %9s %9s %9s %7d %12s %10s %12s%n",
                    l.concurrency(), l.stats().ops(), l.opsPerSecond(), l.bytesPerSecond() / MIB,
                    ms(h, 50), ms(h, 90), ms(h, 99), ms(h, 100), l.stats().failedOps(),
                    perOp(l, l.cpu().processNanos()), perOp(l, l.cpu().ioThreadsNanos()),
                    perOp(l, l.cpu().serverNanos())));
        }
        for (LevelResult l : o.levels()) {
            boolean breakdown = l.stats().requestLatencyMicros().size() > 1;
            if (breakdown) {
                sb.append(String.format(Locale.ROOT, "  c=%d requests:%n", l.concurrency()));
                for (Map.Entry<RequestKind, Histogram> e : l.stats().requestLatencyMicros().entrySet()) {
                    Histogram h = e.getValue();
                    sb.append(String.format(Locale.ROOT, "    %-24s %9d %10.1f/s  p50 %s  p90 %s  p99 %s  max %s ms%n",
                            e.getKey().label(), h.getTotalCount(), h.getTotalCount() / l.seconds(), ms(h, 50), ms(h, 90),
                            ms(h, 99), ms(h, 100)));
                }
            }
            if (!l.stats().errors().isEmpty()) {
                sb.append(String.format(Locale.ROOT, "  c=%d errors:%n", l.concurrency()));
                l.stats().errors().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "    %8d  %s%n", v, k)));
            }
        }
        sb.append(String.format(Locale.ROOT, "client CPU: %s; event-loop threads: %s%n", cpuLine(o, true),
                cpuLine(o, false)));
        if (!s.serverPids().isEmpty()) {
            sb.append("server CPU (pids ").append(s.serverPids()).append("): ");
            List<String> parts = new ArrayList<>();
            for (LevelResult l : o.levels()) {
                parts.add("c=" + l.concurrency() + " " + secondsText(l.cpu().serverNanos()));
            }
            sb.append(String.join(", ", parts)).append('\n');
        }
        return sb.toString();
    }

    private static String cpuLine(BenchmarkRun.Outcome o, boolean process) {
        List<String> parts = new ArrayList<>();
        for (LevelResult l : o.levels()) {
            parts.add("c=" + l.concurrency() + " "
                    + secondsText(process ? l.cpu().processNanos() : l.cpu().ioThreadsNanos()));
        }
        return String.join(", ", parts);
    }

    private static String secondsText(long nanos) {
        return nanos < 0 ? "n/a" : String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    private static String ms(Histogram h, double percentile) {
        if (h.getTotalCount() == 0) {
            return "-";
        }
        long micros = percentile >= 100 ? h.getMaxValue() : h.getValueAtPercentile(percentile);
        return String.format(Locale.ROOT, "%.3f", micros / 1000.0);
    }

    private static String perOp(LevelResult l, long nanos) {
        double v = l.perOp(nanos);
        return v < 0 ? "-" : String.format(Locale.ROOT, "%.1f", v / 1000.0);
    }

    // ---- markdown, from JSON documents

    /** A markdown table with one row per level of each report (the {@code table} command). */
    @SuppressWarnings("unchecked")
    public static String markdown(List<Map<String, Object>> docs) {
        StringBuilder sb = new StringBuilder();
        sb.append("| target | op | size | sign | conc | ops/s | MiB/s | p50 ms | p90 ms | p99 ms | max ms | errors "
                + "| client CPU µs/op | client loop µs/op | server CPU µs/op |\n");
        sb.append("|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
        for (Map<String, Object> d : docs) {
            String label = d.get("label") != null ? (String) d.get("label") : (String) d.get("target");
            for (Object o : (List<Object>) d.get("levels")) {
                Map<String, Object> l = (Map<String, Object>) o;
                Map<String, Object> lat = (Map<String, Object>) l.get("latencyMicros");
                sb.append("| ").append(label)
                        .append(" | ").append(d.get("op"))
                        .append(" | ").append(Units.formatSize(((Number) d.get("sizeBytes")).longValue()))
                        .append(" | ").append(d.get("sign"))
                        .append(" | ").append(l.get("concurrency"))
                        .append(" | ").append(fixed(l.get("opsPerSecond"), 0))
                        .append(" | ").append(fixed(l.get("mibPerSecond"), 1))
                        .append(" | ").append(millis(lat.get("p50")))
                        .append(" | ").append(millis(lat.get("p90")))
                        .append(" | ").append(millis(lat.get("p99")))
                        .append(" | ").append(millis(lat.get("max")))
                        .append(" | ").append(l.get("failedOps"))
                        .append(" | ").append(fixed(l.get("clientCpuMicrosPerOp"), 1))
                        .append(" | ").append(fixed(l.get("ioThreadsCpuMicrosPerOp"), 1))
                        .append(" | ").append(fixed(l.get("serverCpuMicrosPerOp"), 1))
                        .append(" |\n");
            }
        }
        return sb.toString();
    }

    private static String fixed(Object n, int decimals) {
        return n == null ? "-" : String.format(Locale.ROOT, "%." + decimals + "f", ((Number) n).doubleValue());
    }

    private static String millis(Object micros) {
        return micros == null ? "-" : String.format(Locale.ROOT, "%.2f", ((Number) micros).doubleValue() / 1000.0);
    }
}
