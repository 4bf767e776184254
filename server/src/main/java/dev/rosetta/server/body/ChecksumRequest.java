package dev.rosetta.server.body;

import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import java.util.Locale;
import java.util.Map;

/**
 * The flexible checksum a request body must match (docs/dialects.md §2.9): the value of a single
 * {@code x-amz-checksum-<alg>} header, or the algorithm named by {@code x-amz-trailer} (its value comes
 * at the end of an aws-chunked body), or only an algorithm ({@code x-amz-sdk-checksum-algorithm}).
 *
 * @param algorithm     null when the request names no checksum
 * @param headerValue   the base64 value sent as a header, or null
 * @param fromTrailer   whether the value comes in the trailer
 */
public record ChecksumRequest(ChecksumAlgorithm algorithm, String headerValue, boolean fromTrailer) {
    public static final ChecksumRequest NONE = new ChecksumRequest(null, null, false);

    /** @throws S3Exception InvalidRequest for two checksum headers or an unknown algorithm */
    public static ChecksumRequest of(RequestHead head) {
        ChecksumAlgorithm algorithm = null;
        String value = null;
        for (Map.Entry<String, String> e : head.headerEntries()) {
            String raw = e.getKey();
            if (!raw.regionMatches(true, 0, ChecksumAlgorithm.HEADER_PREFIX, 0, ChecksumAlgorithm.HEADER_PREFIX.length())) {
                continue; // most headers: decided without lowering the name
            }
            String name = raw.toLowerCase(Locale.ROOT);
            if (name.equals("x-amz-checksum-algorithm")
                    || name.equals("x-amz-checksum-type") || name.equals("x-amz-checksum-mode")) {
                continue;
            }
            ChecksumAlgorithm a = ChecksumAlgorithm.fromHeaderName(name);
            if (a == null) {
                throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "Unknown checksum header " + name);
            }
            if (algorithm != null && algorithm != a) {
                throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                        "Expecting a single x-amz-checksum- header. Multiple checksum Types are not allowed.");
            }
            algorithm = a;
            value = e.getValue().trim();
        }
        if (algorithm != null) {
            return new ChecksumRequest(algorithm, value, false);
        }
        String trailer = head.header("x-amz-trailer");
        if (trailer != null) {
            for (String t : trailer.split(",")) {
                ChecksumAlgorithm a = ChecksumAlgorithm.fromHeaderName(t.trim().toLowerCase(Locale.ROOT));
                if (a != null) {
                    return new ChecksumRequest(a, null, true);
                }
            }
        }
        String sdk = head.header("x-amz-sdk-checksum-algorithm");
        if (sdk != null) {
            ChecksumAlgorithm a = ChecksumAlgorithm.fromName(sdk.trim());
            if (a == null) {
                throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                        "Value for x-amz-sdk-checksum-algorithm header is invalid.");
            }
            return new ChecksumRequest(a, null, false);
        }
        return NONE;
    }

    /** The same request, or one computing {@code wanted} when the client named nothing. */
    public ChecksumRequest orCompute(ChecksumAlgorithm wanted) {
        return algorithm == null && wanted != null ? new ChecksumRequest(wanted, null, false) : this;
    }
}
