package dev.rosetta.bench.sign;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A request about to be signed and sent: method, the path as it goes on the wire (percent-encoded), the
 * query as decoded name/value pairs (encoded with URI-ENCODE on the wire), and header lines in order,
 * {@code Host} included. Signers add their headers ({@code Authorization} last).
 */
public final class SignableRequest {
    /** A query parameter; a null value is a bare name ({@code ?uploads}), "" is {@code ?name=}. */
    public record Param(String name, String value) {
        public Param {
            Objects.requireNonNull(name, "name");
        }
    }

    /** A header line. */
    public record Header(String name, String value) {
        public Header {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(value, "value");
        }
    }

    private final String method;
    private final String rawPath;
    private final List<Param> query;
    private final List<Header> headers = new ArrayList<>(8);
    private String payloadSha256;

    /**
     * @param rawPath the path exactly as sent (already percent-encoded), starting with {@code /}
     */
    public SignableRequest(String method, String rawPath, List<Param> query) {
        this.method = Objects.requireNonNull(method, "method");
        this.rawPath = Objects.requireNonNull(rawPath, "rawPath");
        this.query = List.copyOf(query);
    }

    public SignableRequest(String method, String rawPath) {
        this(method, rawPath, List.of());
    }

    public String method() {
        return method;
    }

    public String rawPath() {
        return rawPath;
    }

    public List<Param> query() {
        return query;
    }

    public List<Header> headers() {
        return headers;
    }

    public SignableRequest header(String name, String value) {
        headers.add(new Header(name, value));
        return this;
    }

    /** The first value of a header (name case-insensitive), or null. */
    public String header(String name) {
        for (Header h : headers) {
            if (h.name().equalsIgnoreCase(name)) {
                return h.value();
            }
        }
        return null;
    }

    /** Hex SHA-256 of the body when it is to be signed (SigV4, WOS); null means UNSIGNED-PAYLOAD. */
    public String payloadSha256() {
        return payloadSha256;
    }

    public SignableRequest payloadSha256(String hex) {
        this.payloadSha256 = hex;
        return this;
    }

    /** The query on the wire: {@code name[=value]} pairs, URI-ENCODEd, in the given order; "" when none. */
    public String rawQuery() {
        if (query.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(64);
        for (Param p : query) {
            if (sb.length() > 0) {
                sb.append('&');
            }
            sb.append(Percent.encode(p.name()));
            if (p.value() != null) {
                sb.append('=').append(Percent.encode(p.value()));
            }
        }
        return sb.toString();
    }

    /** The request target: path, then {@code ?query} when there is one. */
    public String target() {
        String q = rawQuery();
        return q.isEmpty() ? rawPath : rawPath + "?" + q;
    }
}
