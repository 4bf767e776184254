package dev.rosetta.protocol.xml;

import java.time.Instant;
import java.time.LocalDateTime;
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

    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
            "Nov", "Dec"};

    /**
     * {@code Tue, 02 Jan 2024 03:04:05 GMT}. Written by hand (every GET and HEAD sends one): a third of the
     * cost of the pattern formatter, which remains for years outside 0..9999.
     */
    public static String rfc1123(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        int year = d.getYear();
        if (year < 0 || year > 9999) {
            return RFC_1123.format(t);
        }
        char[] c = new char[29];
        String day = DAYS[d.getDayOfWeek().ordinal()];
        String month = MONTHS[d.getMonthValue() - 1];
        c[0] = day.charAt(0);
        c[1] = day.charAt(1);
        c[2] = day.charAt(2);
        c[3] = ',';
        c[4] = ' ';
        two(c, 5, d.getDayOfMonth());
        c[7] = ' ';
        c[8] = month.charAt(0);
        c[9] = month.charAt(1);
        c[10] = month.charAt(2);
        c[11] = ' ';
        two(c, 12, year / 100);
        two(c, 14, year % 100);
        c[16] = ' ';
        two(c, 17, d.getHour());
        c[19] = ':';
        two(c, 20, d.getMinute());
        c[22] = ':';
        two(c, 23, d.getSecond());
        c[25] = ' ';
        c[26] = 'G';
        c[27] = 'M';
        c[28] = 'T';
        return new String(c);
    }

    private static void two(char[] c, int at, int value) {
        c[at] = (char) ('0' + value / 10);
        c[at + 1] = (char) ('0' + value % 10);
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(s);
    }
}
