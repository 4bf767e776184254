package dev.rosetta.protocol.http;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Conditional requests (RFC 7232 as S3 applies them) against an object's ETag and Last-Modified:
 * If-Match, else If-Unmodified-Since, may fail with 412; then If-None-Match, else If-Modified-Since,
 * may end a read with 304. Dates compare at whole seconds; an unparseable date is ignored.
 */
public final class Preconditions {

    /** What a read's preconditions decided. */
    public enum Outcome {
        PROCEED, NOT_MODIFIED
    }

    private Preconditions() {
    }

    /**
     * For GET and HEAD.
     *
     * @throws S3Exception PreconditionFailed (412)
     */
    public static Outcome evaluateRead(String ifMatch, String ifNoneMatch, String ifModifiedSince,
                                       String ifUnmodifiedSince, String etag, Instant lastModified) {
        checkWrite(ifMatch, ifUnmodifiedSince, etag, lastModified, "If-Match", "If-Unmodified-Since");
        if (ifNoneMatch != null) {
            return matches(ifNoneMatch, etag) ? Outcome.NOT_MODIFIED : Outcome.PROCEED;
        }
        Instant since = parseDate(ifModifiedSince);
        if (since != null && !seconds(lastModified).isAfter(since)) {
            return Outcome.NOT_MODIFIED;
        }
        return Outcome.PROCEED;
    }

    /**
     * For a copy source: each failing {@code x-amz-copy-source-if-*} condition is 412 (there is no 304).
     *
     * @throws S3Exception PreconditionFailed
     */
    public static void evaluateCopySource(String ifMatch, String ifNoneMatch, String ifModifiedSince,
                                          String ifUnmodifiedSince, String etag, Instant lastModified) {
        String prefix = "x-amz-copy-source-";
        checkWrite(ifMatch, ifUnmodifiedSince, etag, lastModified, prefix + "If-Match", prefix + "If-Unmodified-Since");
        if (ifNoneMatch != null) {
            if (matches(ifNoneMatch, etag)) {
                throw failed(prefix + "If-None-Match");
            }
        } else {
            Instant since = parseDate(ifModifiedSince);
            if (since != null && !seconds(lastModified).isAfter(since)) {
                throw failed(prefix + "If-Modified-Since");
            }
        }
    }

    private static void checkWrite(String ifMatch, String ifUnmodifiedSince, String etag, Instant lastModified,
                                   String ifMatchName, String ifUnmodifiedName) {
        if (ifMatch != null) {
            if (!matches(ifMatch, etag)) {
                throw failed(ifMatchName);
            }
            return;
        }
        Instant since = parseDate(ifUnmodifiedSince);
        if (since != null && seconds(lastModified).isAfter(since)) {
            throw failed(ifUnmodifiedName);
        }
    }

    /** Whether an If-Match / If-None-Match list names this ETag ({@code *} names any). */
    public static boolean matches(String headerValue, String etag) {
        String bare = unquote(etag);
        for (String item : headerValue.split(",")) {
            String t = item.trim();
            if (t.equals("*")) {
                return true;
            }
            if (t.startsWith("W/")) {
                t = t.substring(2);
            }
            if (unquote(t).equalsIgnoreCase(bare)) {
                return true;
            }
        }
        return false;
    }

    /** An ETag without its surrounding quotes. */
    public static String unquote(String etag) {
        if (etag.length() >= 2 && etag.charAt(0) == '"' && etag.charAt(etag.length() - 1) == '"') {
            return etag.substring(1, etag.length() - 1);
        }
        return etag;
    }

    public static S3Exception failed(String condition) {
        return new S3Exception(S3ErrorCode.PRECONDITION_FAILED).with("Condition", condition);
    }

    private static Instant seconds(Instant t) {
        return Instant.ofEpochSecond(t.getEpochSecond());
    }

    /** An HTTP date (RFC 1123), or null when absent or unparseable. */
    static Instant parseDate(String value) {
        if (value == null) {
            return null;
        }
        try {
            return ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
