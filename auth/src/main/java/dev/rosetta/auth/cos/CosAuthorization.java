package dev.rosetta.auth.cos;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.PercentCodec;
import dev.rosetta.protocol.http.QueryString;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The seven {@code q-*} fields of a COS signature (dialects.md §4.1, §4.4), from the Authorization header, the
 * query parameters, or the single {@code sign=} parameter.
 *
 * @param source       where they came from
 * @param secretId     {@code q-ak}
 * @param signTime     {@code q-sign-time}
 * @param keyTime      {@code q-key-time}
 * @param headerList   {@code q-header-list} entries (lower-cased), in the order sent
 * @param urlParamList {@code q-url-param-list} entries (lower-cased), in the order sent
 * @param signature    {@code q-signature} as sent (40 hex digits when well-formed)
 */
public record CosAuthorization(Source source, String secretId, CosTimeWindow signTime, CosTimeWindow keyTime,
        List<String> headerList, List<String> urlParamList, String signature) {
    public static final String PREFIX = "q-sign-algorithm=";
    public static final String ALGORITHM = "sha1";
    /** The prefix-mode parameter of the Java SDK's presigned URLs: the whole authorization string, encoded. */
    public static final String SIGN_PARAM = "sign";
    static final String Q_SIGN_ALGORITHM = "q-sign-algorithm";
    static final String Q_AK = "q-ak";
    static final String Q_SIGN_TIME = "q-sign-time";
    static final String Q_KEY_TIME = "q-key-time";
    static final String Q_HEADER_LIST = "q-header-list";
    static final String Q_URL_PARAM_LIST = "q-url-param-list";
    static final String Q_SIGNATURE = "q-signature";
    /** The authentication parameters: never part of HttpParameters. */
    public static final Set<String> Q_PARAMS = Set.of(Q_SIGN_ALGORITHM, Q_AK, Q_SIGN_TIME, Q_KEY_TIME, Q_HEADER_LIST,
            Q_URL_PARAM_LIST, Q_SIGNATURE);

    /** Where the fields were found. */
    public enum Source {
        /** {@code Authorization: q-sign-algorithm=sha1&q-ak=...}. */
        HEADER,
        /** {@code ?q-sign-algorithm=sha1&q-ak=...} (each field a query parameter). */
        QUERY,
        /** {@code ?sign=<URL-encoded authorization string>}. */
        SIGN_PARAM
    }

    /**
     * The fields of an authorization string {@code q-sign-algorithm=sha1&q-ak=...&q-signature=...} (values not
     * URL-encoded), as in the Authorization header or the decoded {@code sign=} parameter.
     *
     * @throws S3Exception {@code 403 AccessDenied} when it is malformed or the algorithm is not sha1
     */
    public static CosAuthorization parse(String value, Source source) {
        String[] fields = new String[7];
        String s = value == null ? "" : value.strip();
        int n = s.length();
        int start = 0;
        while (start < n) {
            int amp = s.indexOf('&', start);
            int end = amp < 0 ? n : amp;
            if (end > start) {
                int eq = s.indexOf('=', start);
                if (eq < 0 || eq > end) {
                    throw malformed("the component '" + s.substring(start, end) + "' is not of the form key=value");
                }
                store(fields, s.substring(start, eq), s.substring(eq + 1, end));
            }
            start = end + 1;
        }
        return build(fields, source);
    }

    /**
     * The fields from the query parameters (presigned form). Values are URL-decoded; the two lists are decoded
     * only when they look fully encoded ({@code %3B} or {@code %25} present), because the Java SDK appends its
     * authorization string to the URL verbatim, where a list entry is itself an encoded name.
     *
     * @throws S3Exception {@code 403 AccessDenied} when a field is missing or malformed
     */
    public static CosAuthorization fromQuery(QueryString query) {
        String[] fields = new String[7];
        for (QueryString.Param p : query.params()) {
            if (!Q_PARAMS.contains(p.name())) {
                continue;
            }
            String value;
            if (!p.hasValue()) {
                value = "";
            } else if (p.name().equals(Q_HEADER_LIST) || p.name().equals(Q_URL_PARAM_LIST)) {
                value = looksEncoded(p.rawValue()) ? decode(p.rawValue()) : p.rawValue();
            } else {
                value = decode(p.rawValue());
            }
            store(fields, p.name(), value);
        }
        return build(fields, Source.QUERY);
    }

    private static void store(String[] fields, String key, String value) {
        int i = switch (key) {
            case Q_SIGN_ALGORITHM -> 0;
            case Q_AK -> 1;
            case Q_SIGN_TIME -> 2;
            case Q_KEY_TIME -> 3;
            case Q_HEADER_LIST -> 4;
            case Q_URL_PARAM_LIST -> 5;
            case Q_SIGNATURE -> 6;
            default -> -1; // unknown fields are ignored, as COS does
        };
        if (i < 0) {
            return;
        }
        if (fields[i] != null) {
            throw malformed("'" + key + "' appears twice");
        }
        fields[i] = value;
    }

    private static CosAuthorization build(String[] fields, Source source) {
        String algorithm = fields[0];
        if (algorithm == null || fields[1] == null || fields[2] == null || fields[3] == null || fields[6] == null) {
            throw malformed("it requires q-sign-algorithm, q-ak, q-sign-time, q-key-time and q-signature");
        }
        if (!ALGORITHM.equals(algorithm)) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED,
                    "q-sign-algorithm '" + algorithm + "' is not supported; it must be sha1");
        }
        if (fields[1].isEmpty()) {
            throw malformed("q-ak is empty");
        }
        CosTimeWindow signTime = CosTimeWindow.parse(fields[2]);
        if (signTime == null) {
            throw malformed("q-sign-time must be <start>;<end> in seconds since the epoch, start <= end");
        }
        CosTimeWindow keyTime = CosTimeWindow.parse(fields[3]);
        if (keyTime == null) {
            throw malformed("q-key-time must be <start>;<end> in seconds since the epoch, start <= end");
        }
        return new CosAuthorization(source, fields[1], signTime, keyTime, split(fields[4]), split(fields[5]),
                fields[6]);
    }

    /** ';'-separated, lower-cased, empty entries dropped; empty list for null or "". */
    private static List<String> split(String list) {
        if (list == null || list.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(8);
        int start = 0;
        int n = list.length();
        while (start <= n) {
            int semi = list.indexOf(';', start);
            int end = semi < 0 ? n : semi;
            if (end > start) {
                out.add(list.substring(start, end).strip().toLowerCase(Locale.ROOT));
            }
            if (semi < 0) {
                break;
            }
            start = semi + 1;
        }
        return Collections.unmodifiableList(out);
    }

    private static boolean looksEncoded(String raw) {
        return raw.contains("%3B") || raw.contains("%3b") || raw.contains("%25");
    }

    private static String decode(String raw) {
        try {
            return PercentCodec.decodePath(raw);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static S3Exception malformed(String detail) {
        return new S3Exception(S3ErrorCode.ACCESS_DENIED, "The COS authorization is malformed; " + detail + ".");
    }
}
