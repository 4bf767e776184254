package dev.rosetta.auth.time;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The request-time formats signers send: RFC 1123 ({@code Tue, 27 Mar 2007 19:36:42 GMT} or
 * {@code +0000}), RFC 850 ({@code Tuesday, 27-Mar-07 19:36:42 GMT}), asctime
 * ({@code Tue Mar 27 19:36:42 2007}) and ISO-8601 basic ({@code 20070327T193642Z}). Hand-written: on
 * every request's path, and {@code DateTimeFormatter} is slow and strict about the weekday.
 */
public final class HttpDates {
    private static final String[] MONTHS = {
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"
    };

    private HttpDates() {
    }

    /** The instant a date header names, or null when it is in none of the accepted formats. */
    public static Instant parse(String value) {
        if (value == null) {
            return null;
        }
        String s = value.strip();
        try {
            if (s.length() == 16 && s.charAt(8) == 'T' && s.charAt(15) == 'Z') {
                return parseIsoBasic(s);
            }
            return parseHttpDate(s);
        } catch (DateTimeException | Malformed e) {
            return null;
        }
    }

    /** Only ISO-8601 basic ({@code yyyyMMdd'T'HHmmss'Z'}), or null. */
    public static Instant parseIsoBasic(String s) {
        if (s == null || s.length() != 16 || s.charAt(8) != 'T' || s.charAt(15) != 'Z') {
            return null;
        }
        try {
            Cursor c = new Cursor(s, 0);
            int year = c.digits(4, 4);
            int month = c.digits(2, 2);
            int day = c.digits(2, 2);
            c.expect('T');
            int hour = c.digits(2, 2);
            int minute = c.digits(2, 2);
            int second = c.digits(2, 2);
            return toInstant(year, month, day, hour, minute, second, 0);
        } catch (DateTimeException | Malformed e) {
            return null;
        }
    }

    /**
     * {@code time} in the V4 timestamp form, where {@code value} is the header {@code time} was parsed from:
     * an ISO-8601 basic value that parsed is already that form (the usual {@code x-amz-date}), anything else
     * is formatted.
     */
    public static String isoBasicForm(String value, Instant time) {
        String s = value.strip();
        return s.length() == 16 && s.charAt(8) == 'T' && s.charAt(15) == 'Z' ? s : formatIsoBasic(time);
    }

    /** {@code yyyyMMdd'T'HHmmss'Z'} (the V4 timestamp form). */
    public static String formatIsoBasic(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(16);
        pad(sb, d.getYear(), 4);
        pad(sb, d.getMonthValue(), 2);
        pad(sb, d.getDayOfMonth(), 2);
        sb.append('T');
        pad(sb, d.getHour(), 2);
        pad(sb, d.getMinute(), 2);
        pad(sb, d.getSecond(), 2);
        return sb.append('Z').toString();
    }

    /** {@code yyyy-MM-dd'T'HH:mm:ss'Z'} (S3's ServerTime element). */
    public static String formatIsoExtended(Instant t) {
        LocalDateTime d = LocalDateTime.ofEpochSecond(t.getEpochSecond(), 0, ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(20);
        pad(sb, d.getYear(), 4).append('-');
        pad(sb, d.getMonthValue(), 2).append('-');
        pad(sb, d.getDayOfMonth(), 2).append('T');
        pad(sb, d.getHour(), 2).append(':');
        pad(sb, d.getMinute(), 2).append(':');
        pad(sb, d.getSecond(), 2);
        return sb.append('Z').toString();
    }

    private static Instant parseHttpDate(String s) {
        int comma = s.indexOf(',');
        Cursor c;
        if (comma >= 0) {
            c = new Cursor(s, comma + 1);
            c.spaces(0);
        } else if (!s.isEmpty() && isAsciiLetter(s.charAt(0))) {
            return parseAsctime(s);
        } else {
            c = new Cursor(s, 0); // RFC 1123 without the optional weekday
        }
        int day = c.digits(1, 2);
        int month;
        int year;
        if (c.peek() == '-') { // RFC 850: dd-Mon-yy
            c.expect('-');
            month = c.month();
            c.expect('-');
            int start = c.pos;
            year = c.digits(2, 4);
            if (c.pos - start == 2) {
                year += year < 70 ? 2000 : 1900;
            }
        } else {
            c.spaces(1);
            month = c.month();
            c.spaces(1);
            year = c.digits(4, 4);
        }
        c.spaces(1);
        int hour = c.digits(2, 2);
        c.expect(':');
        int minute = c.digits(2, 2);
        c.expect(':');
        int second = c.digits(2, 2);
        c.spaces(1);
        int offset = c.zone();
        c.end();
        return toInstant(year, month, day, hour, minute, second, offset);
    }

    private static Instant parseAsctime(String s) {
        Cursor c = new Cursor(s, 0);
        c.letters(3);
        c.spaces(1);
        int month = c.month();
        c.spaces(1);
        int day = c.digits(1, 2);
        c.spaces(1);
        int hour = c.digits(2, 2);
        c.expect(':');
        int minute = c.digits(2, 2);
        c.expect(':');
        int second = c.digits(2, 2);
        c.spaces(1);
        int year = c.digits(4, 4);
        c.end();
        return toInstant(year, month, day, hour, minute, second, 0);
    }

    private static Instant toInstant(int year, int month, int day, int hour, int minute, int second,
            int offsetSeconds) {
        long epoch = LocalDateTime.of(year, month, day, hour, minute, second).toEpochSecond(ZoneOffset.UTC);
        return Instant.ofEpochSecond(epoch - offsetSeconds);
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
    }

    private static StringBuilder pad(StringBuilder sb, int value, int width) {
        String v = Integer.toString(value);
        for (int i = v.length(); i < width; i++) {
            sb.append('0');
        }
        return sb.append(v);
    }

    /** Parse failure inside this class; never escapes. */
    private static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Malformed INSTANCE = new Malformed();

        private Malformed() {
            super(null, null, false, false);
        }
    }

    private static final class Cursor {
        final String s;
        int pos;

        Cursor(String s, int pos) {
            this.s = s;
            this.pos = pos;
        }

        char peek() {
            return pos < s.length() ? s.charAt(pos) : '\0';
        }

        void expect(char ch) {
            if (peek() != ch) {
                throw Malformed.INSTANCE;
            }
            pos++;
        }

        void spaces(int min) {
            int start = pos;
            while (pos < s.length() && s.charAt(pos) == ' ') {
                pos++;
            }
            if (pos - start < min) {
                throw Malformed.INSTANCE;
            }
        }

        int digits(int min, int max) {
            int start = pos;
            int v = 0;
            while (pos < s.length() && pos - start < max) {
                char ch = s.charAt(pos);
                if (ch < '0' || ch > '9') {
                    break;
                }
                v = v * 10 + (ch - '0');
                pos++;
            }
            if (pos - start < min) {
                throw Malformed.INSTANCE;
            }
            return v;
        }

        void letters(int count) {
            for (int i = 0; i < count; i++) {
                if (!isAsciiLetter(peek())) {
                    throw Malformed.INSTANCE;
                }
                pos++;
            }
        }

        int month() {
            if (pos + 3 > s.length()) {
                throw Malformed.INSTANCE;
            }
            for (int m = 0; m < 12; m++) {
                if (s.regionMatches(true, pos, MONTHS[m], 0, 3)) {
                    pos += 3;
                    return m + 1;
                }
            }
            throw Malformed.INSTANCE;
        }

        /** GMT, UT, UTC, Z or a numeric offset {@code +hhmm}; returns the offset in seconds. */
        int zone() {
            char ch = peek();
            if (ch == '+' || ch == '-') {
                pos++;
                int start = pos;
                int hhmm = digits(4, 4);
                if (pos - start != 4) {
                    throw Malformed.INSTANCE;
                }
                int hours = hhmm / 100;
                int minutes = hhmm % 100;
                if (hours > 23 || minutes > 59) {
                    throw Malformed.INSTANCE;
                }
                int seconds = hours * 3600 + minutes * 60;
                return ch == '-' ? -seconds : seconds;
            }
            String rest = s.substring(pos);
            if (rest.equals("GMT") || rest.equals("UTC") || rest.equals("UT") || rest.equals("Z")) {
                pos = s.length();
                return 0;
            }
            throw Malformed.INSTANCE;
        }

        void end() {
            if (pos != s.length()) {
                throw Malformed.INSTANCE;
            }
        }
    }
}
