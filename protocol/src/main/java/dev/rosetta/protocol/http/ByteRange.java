package dev.rosetta.protocol.http;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;

/**
 * One satisfiable byte range of an object, {@code first} to {@code last} inclusive, parsed from a
 * {@code Range} header with S3's lenient rules: a header that does not parse, names several ranges,
 * or has {@code first > last} is ignored (the whole object is served); an end beyond the object is
 * clamped; only a start at or beyond the end of the object (or a zero-length suffix) is
 * {@code 416 InvalidRange}.
 */
public record ByteRange(long first, long last) {

    public long length() {
        return last - first + 1;
    }

    /** {@code bytes first-last/size}, the Content-Range value. */
    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /**
     * @return the range to serve, or null to serve the whole object
     * @throws S3Exception InvalidRange when the range cannot be satisfied
     */
    public static ByteRange parse(String header, long size) {
        if (header == null) {
            return null;
        }
        String h = header.trim();
        if (!h.regionMatches(true, 0, "bytes=", 0, 6)) {
            return null;
        }
        String spec = h.substring(6).trim();
        if (spec.indexOf(',') >= 0) {
            return null;
        }
        int dash = spec.indexOf('-');
        if (dash < 0) {
            return null;
        }
        String a = spec.substring(0, dash).trim();
        String b = spec.substring(dash + 1).trim();
        try {
            if (a.isEmpty()) {
                if (b.isEmpty()) {
                    return null;
                }
                long suffix = Long.parseLong(b);
                if (suffix <= 0 || size == 0) {
                    throw unsatisfiable(header, size);
                }
                return new ByteRange(Math.max(0, size - suffix), size - 1);
            }
            long first = Long.parseLong(a);
            long last = b.isEmpty() ? Long.MAX_VALUE : Long.parseLong(b);
            if (first < 0 || last < first) {
                return null;
            }
            if (first >= size) {
                throw unsatisfiable(header, size);
            }
            return new ByteRange(first, Math.min(last, size - 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static S3Exception unsatisfiable(String header, long size) {
        return new S3Exception(S3ErrorCode.INVALID_RANGE)
                .with("RangeRequested", header)
                .with("ActualObjectSize", Long.toString(size));
    }
}
