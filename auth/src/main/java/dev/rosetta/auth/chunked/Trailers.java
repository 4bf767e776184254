package dev.rosetta.auth.chunked;

import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The trailer headers of an aws-chunked body (dialects.md §2.7, §2.8), names lower-cased, values trimmed,
 * in arrival order; never includes {@code x-amz-trailer-signature}. The server compares the checksum
 * trailer with the checksum it computed over the decoded bytes ({@code 400 BadDigest} on mismatch).
 */
public final class Trailers {
    static final Trailers NONE = new Trailers(Map.of());

    private final Map<String, String> headers;

    Trailers(Map<String, String> headers) {
        this.headers = headers.isEmpty() ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
    }

    /** Name (lower case) to value, in arrival order. */
    public Map<String, String> asMap() {
        return headers;
    }

    /** The value of a trailer (name in any case), or null. */
    public String get(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean isEmpty() {
        return headers.isEmpty();
    }

    /** The algorithm of the first {@code x-amz-checksum-<algorithm>} trailer, or null when there is none. */
    public ChecksumAlgorithm checksumAlgorithm() {
        for (String name : headers.keySet()) {
            ChecksumAlgorithm a = ChecksumAlgorithm.fromHeaderName(name);
            if (a != null) {
                return a;
            }
        }
        return null;
    }

    /** The base64 value of the first {@code x-amz-checksum-<algorithm>} trailer, or null. */
    public String checksumValue() {
        ChecksumAlgorithm a = checksumAlgorithm();
        return a == null ? null : headers.get(a.headerName());
    }

    @Override
    public String toString() {
        return "Trailers" + headers;
    }
}
