package dev.rosetta.bench.load;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The mixed workload's shares, in percent: {@code get=45,stat=30,put=15,delete=10} by default (warp's
 * mixed defaults).
 */
public record Mix(int get, int stat, int put, int delete) {
    public static final Mix DEFAULT = new Mix(45, 30, 15, 10);

    public Mix {
        if (get < 0 || stat < 0 || put < 0 || delete < 0 || get + stat + put + delete == 0) {
            throw new IllegalArgumentException("the mix needs non-negative shares, not all zero");
        }
    }

    /** Parses {@code get=45,stat=30,put=15,delete=10}; names left out get 0. */
    public static Mix parse(String text) {
        Map<String, Integer> shares = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String p = part.strip();
            if (p.isEmpty()) {
                continue;
            }
            int eq = p.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("mix entries are name=percent: " + p);
            }
            String name = p.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            if (!name.matches("get|stat|put|delete")) {
                throw new IllegalArgumentException("mix names are get, stat, put and delete, not " + name);
            }
            shares.put(name, Integer.parseInt(p.substring(eq + 1).strip()));
        }
        return new Mix(shares.getOrDefault("get", 0), shares.getOrDefault("stat", 0), shares.getOrDefault("put", 0),
                shares.getOrDefault("delete", 0));
    }

    int total() {
        return get + stat + put + delete;
    }

    @Override
    public String toString() {
        return "get=" + get + ",stat=" + stat + ",put=" + put + ",delete=" + delete;
    }
}
