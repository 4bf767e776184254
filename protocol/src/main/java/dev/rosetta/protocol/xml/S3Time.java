package dev.rosetta.protocol.xml;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** The time formats of S3's wire: ISO-8601 with milliseconds in XML, RFC 1123 in headers. */
public final class S3Time {
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private S3Time() {
    }

    /** {@code 2024-01-02T03:04:05.000Z}. */
    public static String iso8601(Instant t) {
        StringBuilder sb = new StringBuilder(24);
        appendIso8601(sb, t);
        return sb.toString();
    }

    static void appendIso8601(StringBuilder sb, Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        pad(sb, z.getYear(), 4).append('-');
        pad(sb, z.getMonthValue(), 2).append('-');
        pad(sb, z.getDayOfMonth(), 2).append('T');
        pad(sb, z.getHour(), 2).append(':');
        pad(sb, z.getMinute(), 2).append(':');
        pad(sb, z.getSecond(), 2).append('.');
        pad(sb, z.getNano() / 1_000_000, 3).append('Z');
    }

    /** {@code Tue, 02 Jan 2024 03:04:05 GMT}. */
    public static String rfc1123(Instant t) {
        return RFC_1123.format(t);
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
