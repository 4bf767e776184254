package dev.rosetta.auth.v2;

import dev.rosetta.protocol.http.PercentCodec;
import dev.rosetta.protocol.http.QueryString;
import dev.rosetta.protocol.http.RequestHead;
import java.util.ArrayList;
import java.util.List;

/**
 * The AWS Signature V2 string to sign (dialects.md §1.1): verb, Content-MD5, Content-Type, the date
 * position, CanonicalizedAmzHeaders and CanonicalizedResource. Clients disagree on a few details, so
 * it is built per {@link Variant}; {@link #variants} lists the ones worth trying for a request, the
 * wire-mirroring one first.
 */
public final class V2StringToSign {
    private V2StringToSign() {
    }

    /** How a sub-resource with an empty value is written. */
    public enum EmptyValueForm {
        /** As on the wire: {@code name} when sent without {@code =}, {@code name=} when sent with one. */
        AS_SENT,
        /** Always bare {@code name} (AWS SDK v1, MinIO). */
        BARE,
        /** Always {@code name=}. */
        WITH_EQUALS
    }

    /**
     * One way of canonicalising.
     *
     * @param subResources   which query parameter names are signed
     * @param emptyValues    how empty sub-resource values are written
     * @param plusAsSpace    whether a raw {@code +} in a query value decodes to a space (form encoding) or stays {@code +}
     * @param amzQueryParams whether {@code x-amz-*} query parameters join CanonicalizedAmzHeaders (AWS SDK v1)
     */
    public record Variant(V2SubResources subResources, EmptyValueForm emptyValues, boolean plusAsSpace,
            boolean amzQueryParams) {
        /** Union of sub-resource names, empty values as sent, {@code +} literal, no query amz headers. */
        public static final Variant PRIMARY = new Variant(V2SubResources.UNION, EmptyValueForm.AS_SENT, false, false);
    }

    /**
     * The variants worth trying for this request, most likely first: only the dimensions in which the
     * request actually gives clients room to differ are varied.
     *
     * @param amzQueryParamsFirst whether the primary variant treats {@code x-amz-*} query parameters as
     *                            amz headers (presigned form) or not (header form)
     */
    public static List<Variant> variants(RequestHead request, boolean amzQueryParamsFirst) {
        boolean sentBare = false;
        boolean sentEmptyWithEquals = false;
        boolean plus = false;
        boolean outsideSdkV1 = false;
        boolean amzQuery = false;
        for (QueryString.Param p : request.query().params()) {
            String name = p.name();
            if (V2SubResources.UNION.contains(name)) {
                if (!p.hasValue()) {
                    sentBare = true;
                } else if (p.rawValue().isEmpty()) {
                    sentEmptyWithEquals = true;
                } else if (p.rawValue().indexOf('+') >= 0) {
                    plus = true;
                }
                if (!V2SubResources.AWS_SDK_V1.contains(name)) {
                    outsideSdkV1 = true;
                }
            } else if (name.startsWith("x-amz-")) {
                amzQuery = true;
                if (p.hasValue() && p.rawValue().indexOf('+') >= 0) {
                    plus = true;
                }
            }
        }
        if (!sentBare && !sentEmptyWithEquals && !plus && !outsideSdkV1 && !amzQuery) {
            return List.of(Variant.PRIMARY); // the amz-query flag is moot: there are no such parameters
        }
        List<V2SubResources> lists = outsideSdkV1
                ? List.of(V2SubResources.UNION, V2SubResources.AWS_SDK_V1) : List.of(V2SubResources.UNION);
        List<EmptyValueForm> empties = new ArrayList<>(3);
        empties.add(EmptyValueForm.AS_SENT);
        if (sentEmptyWithEquals) {
            empties.add(EmptyValueForm.BARE);
        }
        if (sentBare) {
            empties.add(EmptyValueForm.WITH_EQUALS);
        }
        List<Boolean> pluses = plus ? List.of(false, true) : List.of(false);
        List<Boolean> amz = amzQuery ? List.of(amzQueryParamsFirst, !amzQueryParamsFirst) : List.of(amzQueryParamsFirst);
        List<Variant> out = new ArrayList<>(lists.size() * empties.size() * pluses.size() * amz.size());
        for (V2SubResources l : lists) {
            for (EmptyValueForm e : empties) {
                for (Boolean p : pluses) {
                    for (Boolean a : amz) {
                        out.add(new Variant(l, e, p, a));
                    }
                }
            }
        }
        return out;
    }

    /**
     * The string to sign.
     *
     * @param virtualHostBucket the bucket of a virtual-hosted (or custom-domain) request, else null
     * @param datePosition      what goes in the Date line: the Date header, "" when x-amz-date is present,
     *                          or the Expires value of a presigned URL
     */
    public static String build(RequestHead request, String virtualHostBucket, String datePosition, Variant variant) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(request.method()).append('\n');
        V2Canonical.appendStripped(sb, request.header("Content-MD5")).append('\n');
        V2Canonical.appendStripped(sb, request.header("Content-Type")).append('\n');
        sb.append(datePosition).append('\n');
        appendAmzHeaders(sb, request, variant);
        appendResource(sb, request, virtualHostBucket, variant);
        return sb.toString();
    }

    /** CanonicalizedAmzHeaders: {@code name:value\n} per x-amz-* header, sorted, repeats merged with ','. */
    static void appendAmzHeaders(StringBuilder sb, RequestHead request, Variant variant) {
        List<String[]> amz = V2Canonical.headersWithPrefix(request, "x-amz-");
        if (variant.amzQueryParams()) {
            for (QueryString.Param p : request.query().params()) {
                if (p.name().startsWith("x-amz-")) {
                    if (amz == null) {
                        amz = new ArrayList<>(4);
                    }
                    amz.add(new String[] {p.name(), decodedValue(p, variant.plusAsSpace())});
                }
            }
        }
        V2Canonical.appendHeaderLines(sb, amz);
    }

    /** CanonicalizedResource: [/bucket] + raw path + [?sorted sub-resources]. */
    static void appendResource(StringBuilder sb, RequestHead request, String virtualHostBucket, Variant variant) {
        V2Canonical.appendResource(sb, request, virtualHostBucket, p -> variant.subResources().contains(p.name()),
                p -> decodedValue(p, variant.plusAsSpace()), variant.emptyValues());
    }

    private static String decodedValue(QueryString.Param p, boolean plusAsSpace) {
        if (!p.hasValue()) {
            return "";
        }
        if (plusAsSpace) {
            return p.valueOrEmpty();
        }
        try {
            return PercentCodec.decodePath(p.rawValue());
        } catch (IllegalArgumentException e) {
            return p.rawValue();
        }
    }
}
