package dev.rosetta.auth.v4;

import dev.rosetta.protocol.http.PercentCodec;
import dev.rosetta.protocol.http.RequestHead;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/** The pieces of the V4 canonical request, S3 flavour (dialects.md §2.4). */
public final class V4CanonicalRequest {
    private static final Comparator<String[]> BY_KEY_THEN_VALUE =
            Comparator.<String[], String>comparing(e -> e[0]).thenComparing(e -> e[1]);

    private V4CanonicalRequest() {
    }

    /**
     * The canonical URI: the raw path percent-decoded, then {@code URI-ENCODE-PATH}-ed (single encoding,
     * no normalisation). Falls back to the raw path when it does not decode.
     */
    public static String canonicalUri(String rawPath) {
        if (rawPath == null || rawPath.isEmpty()) {
            return "/";
        }
        try {
            return PercentCodec.uriEncodePath(PercentCodec.decodePath(rawPath));
        } catch (IllegalArgumentException e) {
            return rawPath;
        }
    }

    /**
     * The canonical query string: items split on '&amp;' and the first '=', decoded, empty names dropped,
     * {@code URI-ENCODE}d, sorted by name then value, joined as {@code k=v}.
     *
     * @param plusAsSpace  whether a raw '+' decodes to a space (the fallback) or stays '+' (the rule)
     * @param excludedName a decoded parameter name left out (X-Amz-Signature for presigned URLs), or null
     */
    public static String canonicalQuery(String rawQuery, boolean plusAsSpace, String excludedName) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return "";
        }
        String[][] items = new String[8][];
        int count = 0;
        int n = rawQuery.length();
        int start = 0;
        while (start <= n) {
            int amp = rawQuery.indexOf('&', start);
            int end = amp < 0 ? n : amp;
            if (end > start) {
                int eq = rawQuery.indexOf('=', start);
                String rawName = eq < 0 || eq > end ? rawQuery.substring(start, end) : rawQuery.substring(start, eq);
                String rawValue = eq < 0 || eq > end ? "" : rawQuery.substring(eq + 1, end);
                String name = decode(rawName, plusAsSpace);
                if (!name.isEmpty() && !name.equals(excludedName)) {
                    if (count == items.length) {
                        items = Arrays.copyOf(items, count * 2);
                    }
                    items[count++] = new String[] {
                        PercentCodec.uriEncode(name), PercentCodec.uriEncode(decode(rawValue, plusAsSpace))
                    };
                }
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        if (count == 0) {
            return "";
        }
        if (count > 1) {
            Arrays.sort(items, 0, count, BY_KEY_THEN_VALUE);
        }
        StringBuilder sb = new StringBuilder(rawQuery.length() + 16);
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                sb.append('&');
            }
            sb.append(items[i][0]).append('=').append(items[i][1]);
        }
        return sb.toString();
    }

    /**
     * Appends {@code name:value\n} for each signed header: all received values of that header, each trimmed
     * with inner whitespace runs collapsed to one space, joined with ','.
     *
     * @return false when a signed header is absent from the request (the signature cannot match)
     */
    public static boolean appendCanonicalHeaders(StringBuilder sb, RequestHead request, List<String> signedHeaders) {
        boolean allPresent = true;
        for (int i = 0, n = signedHeaders.size(); i < n; i++) {
            String name = signedHeaders.get(i);
            List<String> values = request.headers(name);
            sb.append(name).append(':');
            if (values.isEmpty()) {
                allPresent = false;
            }
            for (int v = 0, m = values.size(); v < m; v++) {
                if (v > 0) {
                    sb.append(',');
                }
                appendTrimmedCollapsed(sb, values.get(v));
            }
            sb.append('\n');
        }
        return allPresent;
    }

    /**
     * {@code name:value\n} per signed header with the values exactly as received (repeats joined with ','):
     * the form of the OBS and WOS SDKs, which do not trim.
     */
    public static String untrimmedHeaders(RequestHead request, List<String> signedHeaders) {
        StringBuilder sb = new StringBuilder(256);
        for (String name : signedHeaders) {
            List<String> values = request.headers(name);
            sb.append(name).append(':');
            for (int v = 0, m = values.size(); v < m; v++) {
                if (v > 0) {
                    sb.append(',');
                }
                sb.append(values.get(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** The canonical request from its parts; {@code canonicalHeaders} already ends with '\n'. */
    public static String assemble(String method, String canonicalUri, String canonicalQuery, CharSequence canonicalHeaders,
            String signedHeadersLine, String hashedPayload) {
        return new StringBuilder(method.length() + canonicalUri.length() + canonicalQuery.length()
                + canonicalHeaders.length() + signedHeadersLine.length() + hashedPayload.length() + 8)
                .append(method).append('\n')
                .append(canonicalUri).append('\n')
                .append(canonicalQuery).append('\n')
                .append(canonicalHeaders).append('\n')
                .append(signedHeadersLine).append('\n')
                .append(hashedPayload)
                .toString();
    }

    static void appendTrimmedCollapsed(StringBuilder sb, String value) {
        int n = value.length();
        int i = 0;
        while (i < n && isWhitespace(value.charAt(i))) {
            i++;
        }
        boolean pendingSpace = false;
        for (; i < n; i++) {
            char c = value.charAt(i);
            if (isWhitespace(c)) {
                pendingSpace = true;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(c);
            }
        }
    }

    private static boolean isWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0B;
    }

    private static String decode(String raw, boolean plusAsSpace) {
        try {
            return plusAsSpace ? PercentCodec.decodeQuery(raw) : PercentCodec.decodePath(raw);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
