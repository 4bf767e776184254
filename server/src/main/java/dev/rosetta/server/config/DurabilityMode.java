package dev.rosetta.server.config;

import java.util.Locale;

/** Whether writes are fsynced before success is returned ({@code fsync}) or not ({@code none}, for CI). */
public enum DurabilityMode {
    FSYNC, NONE;

    public static DurabilityMode parse(String value) {
        switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "fsync":
                return FSYNC;
            case "none":
                return NONE;
            default:
                throw new ConfigException("durability must be 'fsync' or 'none', not '" + value + "'");
        }
    }
}
