package dev.rosetta.bench.util;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes ({@code 4KiB}, {@code 1MB}), durations ({@code 15s}, {@code 500ms}) and lists ({@code 1,16,64}). */
public final class Units {
    private static final Pattern SIZE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([kmgt]?i?b?)", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ns|us|µs|ms|s|m|h)?",
            Pattern.CASE_INSENSITIVE);

    private Units() {
    }

    /**
     * Bytes from {@code 4096}, {@code 4KiB}, {@code 4KB}, {@code 1.5MiB}, {@code 1GiB}: {@code KiB/MiB/GiB/TiB} (and
     * {@code K/M/G/T}) are powers of 1024, {@code KB/MB/GB/TB} powers of 1000.
     */
    public static long parseSize(String text) {
        Matcher m = SIZE.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a size: '" + text + "' (e.g. 4KiB, 1MiB, 1000000)");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2).toLowerCase(Locale.ROOT);
        long factor;
        if (unit.isEmpty() || unit.equals("b")) {
            factor = 1;
        } else {
            int power = "kmgt".indexOf(unit.charAt(0)) + 1;
            boolean decimal = unit.length() == 2 && unit.charAt(1) == 'b';
            factor = 1;
            for (int i = 0; i < power; i++) {
                factor *= decimal ? 1000 : 1024;
            }
        }
        return Math.round(n * factor);
    }

    /** {@code 4 KiB}, {@code 1.5 MiB}, {@code 100 B}. */
    public static String formatSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = bytes;
        int i = -1;
        while (v >= 1024 && i < units.length - 1) {
            v /= 1024;
            i++;
        }
        return (v == Math.rint(v) ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f", v))
                + " " + units[i];
    }

    /** Nanoseconds from {@code 15s}, {@code 500ms}, {@code 2m}, {@code 1h}, {@code 1.5s}; a bare number is seconds. */
    public static long parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new IllegalArgumentException("not a duration: '" + text + "' (e.g. 15s, 500ms, 2m)");
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        long nanosPerUnit = switch (unit) {
            case "ns" -> 1;
            case "us", "µs" -> TimeUnit.MICROSECONDS.toNanos(1);
            case "ms" -> TimeUnit.MILLISECONDS.toNanos(1);
            case "s" -> TimeUnit.SECONDS.toNanos(1);
            case "m" -> TimeUnit.MINUTES.toNanos(1);
            case "h" -> TimeUnit.HOURS.toNanos(1);
            default -> throw new IllegalArgumentException("unknown unit " + unit);
        };
        return Math.round(n * nanosPerUnit);
    }

    /** {@code 15s}, {@code 1.5s}, {@code 500ms}. */
    public static String formatDuration(long nanos) {
        if (nanos % TimeUnit.SECONDS.toNanos(1) == 0) {
            return TimeUnit.NANOSECONDS.toSeconds(nanos) + "s";
        }
        if (nanos >= TimeUnit.SECONDS.toNanos(1)) {
            return String.format(Locale.ROOT, "%.3gs", nanos / 1e9);
        }
        return String.format(Locale.ROOT, "%.3gms", nanos / 1e6);
    }

    /** {@code 1,16,64} → [1, 16, 64]. */
    public static List<Integer> parseIntList(String text) {
        List<Integer> out = new ArrayList<>();
        for (String p : text.split(",")) {
            if (!p.isBlank()) {
                out.add(Integer.parseInt(p.strip()));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalArgumentException("empty list: '" + text + "'");
        }
        return out;
    }

    /** {@code 123,456} → [123, 456]. */
    public static List<Long> parseLongList(String text) {
        List<Long> out = new ArrayList<>();
        for (String p : text.split(",")) {
            if (!p.isBlank()) {
                out.add(Long.parseLong(p.strip()));
            }
        }
        return out;
    }
}
