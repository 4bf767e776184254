package dev.rosetta.bench.sign;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The two timestamp forms signers write, formatted at most once per second (every request of a second
 * shares the string).
 */
public final class HttpTimes {
    private static final DateTimeFormatter RFC1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter ISO_BASIC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'", Locale.US).withZone(ZoneOffset.UTC);

    private record Cached(long second, String rfc1123, String isoBasic) {
    }

    private static volatile Cached cached = new Cached(Long.MIN_VALUE, "", "");

    private HttpTimes() {
    }

    /** {@code Tue, 15 Oct 2019 07:20:09 GMT}. */
    public static String rfc1123(long epochMillis) {
        return at(epochMillis).rfc1123;
    }

    /** {@code 20130524T000000Z}. */
    public static String isoBasic(long epochMillis) {
        return at(epochMillis).isoBasic;
    }

    private static Cached at(long epochMillis) {
        long second = Math.floorDiv(epochMillis, 1000);
        Cached c = cached;
        if (c.second != second) {
            Instant t = Instant.ofEpochSecond(second);
            c = new Cached(second, RFC1123.format(t), ISO_BASIC.format(t));
            cached = c;
        }
        return c;
    }
}
