package dev.rosetta.server.netty;

import dev.rosetta.protocol.xml.S3Time;
import java.time.Clock;
import java.time.Instant;

/** The RFC 1123 {@code Date} header value, formatted once per second rather than per response. */
final class DateHeader {
    private final Clock clock;
    private volatile Cached cached = new Cached(Long.MIN_VALUE, "");

    private record Cached(long second, String value) {
    }

    DateHeader(Clock clock) {
        this.clock = clock;
    }

    String now() {
        long millis = clock.millis();
        long second = millis / 1000;
        Cached c = cached;
        if (c.second != second) {
            c = new Cached(second, S3Time.rfc1123(Instant.ofEpochSecond(second)));
            cached = c;
        }
        return c.value;
    }
}
