package dev.rosetta.server.config;

import java.util.Locale;

/** How the access log writes its lines: plain text, one JSON object per line, or not at all. */
public enum AccessLogFormat {
    TEXT, JSON, OFF;

    public static AccessLogFormat parse(String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ConfigException("access log must be text, json or off, not '" + value + "'");
        }
    }
}
