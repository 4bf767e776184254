package dev.rosetta.auth.obs;

import dev.rosetta.auth.v2.V2Canonical;
import dev.rosetta.auth.v2.V2StringToSign.EmptyValueForm;
import dev.rosetta.auth.v2.V2SubResources;
import dev.rosetta.protocol.http.PercentCodec;
import dev.rosetta.protocol.http.QueryString;
import dev.rosetta.protocol.http.RequestHead;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The OBS-family string to sign (dialects.md §3.2): AWS V2's shape, with the flavour's canonical-header prefix
 * and the OBS sub-resource rule (names matched case-insensitively but emitted and sorted as sent, values
 * decoded, an empty value written as the bare name). Mirrors esdk-obs-java's
 * {@code AbstractAuthentication.makeServiceCanonicalString}.
 */
public final class ObsStringToSign {
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
        V2Canonical.appendStripped(sb, request.header("Content-MD5")).append('\n');
        V2Canonical.appendStripped(sb, request.header("Content-Type")).append('\n');
        sb.append(datePosition).append('\n');
        appendPrefixedHeaders(sb, request, flavour.headerPrefix());
        appendResource(sb, request, virtualHostBucket, flavour, variant, excluded);
        return sb.toString();
    }

    /** {@code name:value\n} per header whose lower-cased name starts with the prefix: sorted, repeats joined by ','. */
    static void appendPrefixedHeaders(StringBuilder sb, RequestHead request, String prefix) {
        V2Canonical.appendHeaderLines(sb, V2Canonical.headersWithPrefix(request, prefix));
    }

    /** [/bucket] + raw path + [?sub-resources sorted by name as sent]. */
    static void appendResource(StringBuilder sb, RequestHead request, String virtualHostBucket, ObsFlavour flavour,
            Variant variant, Set<String> excluded) {
        V2Canonical.appendResource(sb, request, virtualHostBucket, p -> isSigned(p, flavour, excluded),
                p -> decode(p.rawValue(), variant.plusAsSpace()), variant.emptyValues());
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
}
