package dev.rosetta.auth.cos;

import dev.rosetta.protocol.http.PercentCodec;
import dev.rosetta.protocol.http.QueryString;
import dev.rosetta.protocol.http.RequestHead;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The pieces of COS's HttpString and StringToSign (dialects.md §4.2). Each signed header or parameter becomes
 * {@code key'=value'} with key' = {@code lower(URI-ENCODE(trim(name)))} and value' =
 * {@code URI-ENCODE(trim(value))}; exactly the names the client listed are used.
 */
public final class CosHttpString {
    private static final Comparator<String[]> BY_KEY_THEN_VALUE =
            Comparator.<String[], String>comparing(e -> e[0]).thenComparing(e -> e[1]);

    private CosHttpString() {
    }

    /**
     * The listed query parameters as {@code {key', value'}} pairs, in the listed order (a name matched by
     * several parameters gives several pairs).
     *
     * @param excluded    decoded names never signed (the authentication parameters)
     * @param plusAsSpace whether a raw '+' decodes to a space (form encoding) or stays '+'
     * @return null when a listed name matches no parameter
     */
    public static List<String[]> parameters(RequestHead request, List<String> listed, Set<String> excluded,
            boolean plusAsSpace) {
        List<String[]> out = new ArrayList<>(listed.size());
        List<QueryString.Param> params = request.query().params();
        for (String name : listed) {
            boolean found = false;
            for (QueryString.Param p : params) {
                String decodedName = decode(p.rawName(), plusAsSpace);
                if (excluded.contains(decodedName) || !name.equals(key(decodedName))) {
                    continue;
                }
                String value = p.hasValue() ? decode(p.rawValue(), plusAsSpace) : "";
                out.add(new String[] {name, PercentCodec.uriEncode(value.strip())});
                found = true;
            }
            if (!found) {
                return null;
            }
        }
        return out;
    }

    /**
     * The listed headers as {@code {key', value'}} pairs, in the listed order; repeated header lines are joined
     * with ',' before encoding. {@code Authorization} is never signed.
     *
     * @return null when a listed name matches no header
     */
    public static List<String[]> headers(RequestHead request, List<String> listed) {
        List<String[]> out = new ArrayList<>(listed.size());
        for (String name : listed) {
            if (name.equals("authorization")) {
                return null;
            }
            StringBuilder joined = null;
            for (Map.Entry<String, String> h : request.headerEntries()) {
                if (!name.equals(key(h.getKey()))) {
                    continue;
                }
                if (joined == null) {
                    joined = new StringBuilder(h.getValue().length());
                } else {
                    joined.append(',');
                }
                joined.append(h.getValue().strip());
            }
            if (joined == null) {
                return null;
            }
            out.add(new String[] {name, PercentCodec.uriEncode(joined.toString())});
        }
        return out;
    }

    /** A sorted copy (by key', then value'). */
    public static List<String[]> sorted(List<String[]> pairs) {
        if (pairs.size() < 2) {
            return pairs;
        }
        List<String[]> copy = new ArrayList<>(pairs);
        copy.sort(BY_KEY_THEN_VALUE);
        return copy;
    }

    /** {@code k1=v1&k2=v2...}. */
    public static String join(List<String[]> pairs) {
        StringBuilder sb = new StringBuilder(pairs.size() * 24);
        for (int i = 0, n = pairs.size(); i < n; i++) {
            if (i > 0) {
                sb.append('&');
            }
            sb.append(pairs.get(i)[0]).append('=').append(pairs.get(i)[1]);
        }
        return sb.toString();
    }

    /** {@code lower(method) \n path \n parameters \n headers \n}. */
    public static String httpString(String method, String path, String parameters, String headers) {
        return new StringBuilder(method.length() + path.length() + parameters.length() + headers.length() + 4)
                .append(method.toLowerCase(Locale.ROOT)).append('\n')
                .append(path).append('\n')
                .append(parameters).append('\n')
                .append(headers).append('\n')
                .toString();
    }

    /** {@code sha1 \n q-sign-time \n SHA1HEX(HttpString) \n}. */
    public static String stringToSign(String signTime, String httpString) {
        return CosAuthorization.ALGORITHM + '\n' + signTime + '\n' + Sha1.hex(httpString) + '\n';
    }

    /** key' of a (decoded) name: {@code lower(URI-ENCODE(trim(name)))}. */
    static String key(String name) {
        return PercentCodec.uriEncode(name.strip()).toLowerCase(Locale.ROOT);
    }

    private static String decode(String raw, boolean plusAsSpace) {
        try {
            return plusAsSpace ? PercentCodec.decodeQuery(raw) : PercentCodec.decodePath(raw);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }
}
