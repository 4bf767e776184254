package dev.rosetta.auth.obs;

import dev.rosetta.auth.v2.V2StringToSign.EmptyValueForm;
import dev.rosetta.auth.v2.V2SubResources;
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
 * The OBS-family string to sign (dialects.md §3.2): AWS V2's shape, with the flavour's canonical-header prefix
 * and the OBS sub-resource rule (names matched case-insensitively but emitted and sorted as sent, values
 * decoded, an empty value written as the bare name). Mirrors esdk-obs-java's
 * {@code AbstractAuthentication.makeServiceCanonicalString}.
 */
public final class ObsStringToSign {
    private static final Comparator<String[]> BY_NAME = Comparator.comparing(e -> e[0]);
    private static final Comparator<QueryString.Param> PARAM_BY_NAME = Comparator.comparing(QueryString.Param::name);

    private ObsStringToSign() {
    }

    /**
     * One way of canonicalising the sub-resources.
     *
     * @param emptyValues how an empty sub-resource value is written ({@link EmptyValueForm#BARE} is the SDK's)
     * @param plusAsSpace whether a raw '+' in a value decodes to a space (form encoding) or stays '+'
     */
    public record Variant(EmptyValueForm emptyValues, boolean plusAsSpace) {
        /** The SDK's rule: empty values bare, '+' literal. */
        public static final Variant PRIMARY = new Variant(EmptyValueForm.BARE, false);
    }

    /**
     * The variants worth trying, the SDK's first: {@code name=} for empty values sent with '=', and '+' as a
     * space, only when the request has such sub-resources.
     */
    public static List<Variant> variants(RequestHead request, ObsFlavour flavour, Set<String> excluded) {
        boolean emptyWithEquals = false;
        boolean plus = false;
        for (QueryString.Param p : request.query().params()) {
            if (!isSigned(p, flavour, excluded) || !p.hasValue()) {
                continue;
            }
            if (p.rawValue().isEmpty()) {
                emptyWithEquals = true;
            } else if (p.rawValue().indexOf('+') >= 0) {
                plus = true;
            }
        }
        if (!emptyWithEquals && !plus) {
            return List.of(Variant.PRIMARY);
        }
        List<Variant> out = new ArrayList<>(4);
        out.add(Variant.PRIMARY);
        if (plus) {
            out.add(new Variant(EmptyValueForm.BARE, true));
        }
        if (emptyWithEquals) {
            out.add(new Variant(EmptyValueForm.AS_SENT, false));
            if (plus) {
                out.add(new Variant(EmptyValueForm.AS_SENT, true));
            }
        }
        return out;
    }

    /**
     * The string to sign.
     *
     * @param virtualHostBucket the bucket of a virtual-hosted (or custom-domain) request, else null
     * @param datePosition      the Date header, "" when the flavour's date header is present, or the Expires value
     * @param excluded          exact parameter names never signed (a presigned URL's own parameters)
     */
    public static String build(RequestHead request, String virtualHostBucket, String datePosition, ObsFlavour flavour,
            Variant variant, Set<String> excluded) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(request.method()).append('\n');
        appendStripped(sb, request.header("Content-MD5")).append('\n');
        appendStripped(sb, request.header("Content-Type")).append('\n');
        sb.append(datePosition).append('\n');
        appendPrefixedHeaders(sb, request, flavour.headerPrefix());
        appendResource(sb, request, virtualHostBucket, flavour, variant, excluded);
        return sb.toString();
    }

    /** {@code name:value\n} per header whose lower-cased name starts with the prefix: sorted, repeats joined by ','. */
    static void appendPrefixedHeaders(StringBuilder sb, RequestHead request, String prefix) {
        List<String[]> selected = null;
        for (Map.Entry<String, String> h : request.headerEntries()) {
            String name = h.getKey();
            if (name.regionMatches(true, 0, prefix, 0, prefix.length())) {
                if (selected == null) {
                    selected = new ArrayList<>(8);
                }
                selected.add(new String[] {name.toLowerCase(Locale.ROOT), unfoldAndTrim(h.getValue())});
            }
        }
        if (selected == null) {
            return;
        }
        selected.sort(BY_NAME); // stable: repeats keep arrival order
        String previous = null;
        for (String[] e : selected) {
            if (e[0].equals(previous)) {
                sb.setLength(sb.length() - 1);
                sb.append(',').append(e[1]).append('\n');
            } else {
                sb.append(e[0]).append(':').append(e[1]).append('\n');
                previous = e[0];
            }
        }
    }

    /** [/bucket] + raw path + [?sub-resources sorted by name as sent]. */
    static void appendResource(StringBuilder sb, RequestHead request, String virtualHostBucket, ObsFlavour flavour,
            Variant variant, Set<String> excluded) {
        if (virtualHostBucket != null) {
            sb.append('/').append(virtualHostBucket);
        }
        String path = request.rawPath();
        sb.append(path == null || path.isEmpty() ? "/" : path);
        List<QueryString.Param> signed = null;
        for (QueryString.Param p : request.query().params()) {
            if (isSigned(p, flavour, excluded)) {
                if (signed == null) {
                    signed = new ArrayList<>(4);
                }
                signed.add(p);
            }
        }
        if (signed == null) {
            return;
        }
        if (signed.size() > 1) {
            signed.sort(PARAM_BY_NAME); // stable
        }
        char separator = '?';
        for (QueryString.Param p : signed) {
            sb.append(separator).append(p.name());
            separator = '&';
            String value = p.hasValue() ? decode(p.rawValue(), variant.plusAsSpace()) : null;
            if (value != null && !value.isEmpty()) {
                sb.append('=').append(value);
            } else if (value != null && variant.emptyValues() != EmptyValueForm.BARE) {
                sb.append('=');
            } else if (value == null && variant.emptyValues() == EmptyValueForm.WITH_EQUALS) {
                sb.append('=');
            }
        }
    }

    /**
     * True when the request has a parameter this flavour signs but AWS V2 (§1.1) would leave unsigned: a name
     * only in the flavour's list or spelt in another case, or a flavour-prefixed parameter ({@code x-obs-*},
     * {@code x-wos-*}). Then a fallback to the AWS V2 rules must not be tried, or a signature made without that
     * parameter would verify for a request that carries it. ({@code x-amz-*} parameters are AWS V2's own
     * business.)
     */
    public static boolean signsBeyondAws(RequestHead request, ObsFlavour flavour, Set<String> excluded) {
        for (QueryString.Param p : request.query().params()) {
            String name = p.name();
            if (isSigned(p, flavour, excluded) && !V2SubResources.UNION.contains(name)
                    && !name.regionMatches(true, 0, "x-amz-", 0, 6)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSigned(QueryString.Param p, ObsFlavour flavour, Set<String> excluded) {
        return !p.name().isEmpty() && !excluded.contains(p.name()) && flavour.subResources().matches(p.name());
    }

    private static String decode(String raw, boolean plusAsSpace) {
        try {
            return plusAsSpace ? PercentCodec.decodeQuery(raw) : PercentCodec.decodePath(raw);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    private static StringBuilder appendStripped(StringBuilder sb, String value) {
        return value == null ? sb : sb.append(value.strip());
    }

    /** Replaces folding whitespace (a line break and the blanks around it) with one space, then trims. */
    static String unfoldAndTrim(String value) {
        if (value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value.strip();
        }
        StringBuilder sb = new StringBuilder(value.length());
        int i = 0;
        int n = value.length();
        while (i < n) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n') {
                while (sb.length() > 0 && (sb.charAt(sb.length() - 1) == ' ' || sb.charAt(sb.length() - 1) == '\t')) {
                    sb.setLength(sb.length() - 1);
                }
                while (i < n && (value.charAt(i) == ' ' || value.charAt(i) == '\t' || value.charAt(i) == '\r'
                        || value.charAt(i) == '\n')) {
                    i++;
                }
                sb.append(' ');
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString().strip();
    }
}
