package dev.rosetta.auth.chunked;

import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The request headers of an aws-chunked upload (dialects.md §2.6), validated.
 *
 * @param decodedContentLength  {@code x-amz-decoded-content-length}: the object's length
 * @param declaredTrailers      the {@code x-amz-trailer} names, lower case; empty in the mode without
 *                              trailer or when none is declared
 * @param storedContentEncoding the {@code Content-Encoding} to store with the object: the header without
 *                              its {@code aws-chunked} token(s) (S3 drops it), or null when nothing is left
 */
public record AwsChunkedHeaders(long decodedContentLength, List<String> declaredTrailers,
        String storedContentEncoding) {
    public static final String DECODED_CONTENT_LENGTH = "x-amz-decoded-content-length";
    public static final String TRAILER = "x-amz-trailer";
    public static final String AWS_CHUNKED = "aws-chunked";

    public AwsChunkedHeaders {
        declaredTrailers = List.copyOf(declaredTrailers);
    }

    /**
     * Reads and checks the headers of a streaming upload. {@code Content-Encoding: aws-chunked} is what
     * clients send, but its absence is tolerated (some clients omit it; the {@code x-amz-content-sha256}
     * marker already says the body is aws-chunked).
     *
     * @throws S3Exception {@code 411 MissingContentLength} without {@code x-amz-decoded-content-length};
     *                     {@code 400 InvalidArgument} when it is not a non-negative decimal number
     */
    public static AwsChunkedHeaders validate(RequestHead head, PayloadRequirement.Streaming req) {
        String lengthValue = head.header(DECODED_CONTENT_LENGTH);
        if (lengthValue == null) {
            throw new S3Exception(S3ErrorCode.MISSING_CONTENT_LENGTH,
                    "You must provide the x-amz-decoded-content-length HTTP header for an aws-chunked upload.");
        }
        long length = parseLength(lengthValue.strip());
        if (length < 0) {
            throw S3Exception.invalidArgument("x-amz-decoded-content-length must be a non-negative integer.",
                    DECODED_CONTENT_LENGTH, lengthValue);
        }
        List<String> trailers = req.hasTrailer() ? splitTokens(head.headers(TRAILER)) : List.of();
        return new AwsChunkedHeaders(length, trailers, withoutAwsChunked(head.headers("Content-Encoding")));
    }

    /** The Content-Encoding values joined, minus every {@code aws-chunked} token; null when none remain. */
    static String withoutAwsChunked(List<String> values) {
        if (values.isEmpty()) {
            return null;
        }
        StringBuilder sb = new StringBuilder();
        for (String value : values) {
            for (String token : value.split(",")) {
                String t = token.strip();
                if (t.isEmpty() || t.equalsIgnoreCase(AWS_CHUNKED)) {
                    continue;
                }
                if (sb.length() > 0) {
                    sb.append(',');
                }
                sb.append(t);
            }
        }
        return sb.length() == 0 ? null : sb.toString();
    }

    private static List<String> splitTokens(List<String> values) {
        List<String> out = new ArrayList<>(2);
        for (String value : values) {
            for (String token : value.split(",")) {
                String t = token.strip().toLowerCase(Locale.ROOT);
                if (!t.isEmpty() && !out.contains(t)) {
                    out.add(t);
                }
            }
        }
        return out;
    }

    /** Decimal digits only, at most 18 of them; -1 otherwise. */
    private static long parseLength(String v) {
        int n = v.length();
        if (n == 0 || n > 18) {
            return -1;
        }
        long x = 0;
        for (int i = 0; i < n; i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            x = x * 10 + (c - '0');
        }
        return x;
    }
}
