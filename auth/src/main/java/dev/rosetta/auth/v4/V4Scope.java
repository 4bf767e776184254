package dev.rosetta.auth.v4;

import java.util.Objects;

/** A V4 credential scope {@code date/region/service/terminator} (dialects.md §2.1). */
public record V4Scope(String date, String region, String service, String terminator) {
    public V4Scope {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(service, "service");
        Objects.requireNonNull(terminator, "terminator");
    }

    /** {@code date/region/service/terminator}, as in the string to sign. */
    @Override
    public String toString() {
        return date + '/' + region + '/' + service + '/' + terminator;
    }
}
