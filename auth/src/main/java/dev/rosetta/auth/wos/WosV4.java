package dev.rosetta.auth.wos;

import dev.rosetta.auth.v4.V4Scope;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The WOS-HMAC-SHA256 substitutions of SigV4 (dialects.md §5.2) and the checks both its forms share.
 */
public final class WosV4 {
    public static final String ALGORITHM = "WOS-HMAC-SHA256";
    /** The key chain starts from {@code "WOS" + secret}. */
    public static final String SECRET_PREFIX = "WOS";
    public static final String SERVICE = "wos";
    public static final String TERMINATOR = "wos_request";
    public static final String DATE_HEADER = "x-wos-date";
    public static final String CONTENT_SHA256_HEADER = "x-wos-content-sha256";
    public static final String SECURITY_TOKEN_HEADER = "x-wos-security-token";

    private WosV4() {
    }

    /** Where a credential came from, which decides how a bad scope is reported (as SigV4 does). */
    enum Form {
        HEADER(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED, "The authorization header is malformed; "),
        QUERY(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, "Error parsing the X-Wos-Credential parameter; ");

        private final S3ErrorCode code;
        private final String prefix;

        Form(S3ErrorCode code, String prefix) {
            this.code = code;
            this.prefix = prefix;
        }

        S3Exception error(String detail) {
            return new S3Exception(code, prefix + detail);
        }
    }

    /**
     * @throws S3Exception 400 (AuthorizationHeaderMalformed / AuthorizationQueryParametersError) when the service
     *                     is not {@code wos}, the terminator not {@code wos_request}, or the region not the
     *                     expected one (that error carries a {@code Region} element)
     */
    static void checkScope(V4Scope scope, String expectedRegion, Form form) {
        if (!SERVICE.equals(scope.service())) {
            throw form.error("incorrect service \"" + scope.service() + "\". This endpoint belongs to \""
                    + SERVICE + "\".");
        }
        if (!TERMINATOR.equals(scope.terminator())) {
            throw form.error("incorrect terminal \"" + scope.terminator() + "\". This endpoint uses \""
                    + TERMINATOR + "\".");
        }
        if (!scope.region().equals(expectedRegion)) {
            throw form.error("the region '" + scope.region() + "' is wrong; expecting '" + expectedRegion + "'")
                    .with("Region", expectedRegion);
        }
    }

    /** {@code 400 InvalidArgument}: the credential date is not the date of the request time. */
    static S3Exception credentialDateMismatch(String dateName) {
        return new S3Exception(S3ErrorCode.INVALID_ARGUMENT,
                "Invalid credential date. Date is not the same as " + dateName + ".");
    }

    /**
     * {@code host} and every {@code x-wos-*} and {@code x-amz-*} header present must be signed (the WOS SDK signs
     * every header it sends, so this costs its clients nothing and keeps unsigned x-wos-* headers from riding
     * along on a captured signature).
     *
     * @throws S3Exception {@code 403 AccessDenied} with a {@code HeadersNotSigned} element
     */
    static void checkAllSigned(RequestHead request, List<String> signedHeaders) {
        List<String> notSigned = null;
        if (!signedHeaders.contains("host")) {
            notSigned = new ArrayList<>(2);
            notSigned.add("host");
        }
        for (Map.Entry<String, String> h : request.headerEntries()) {
            String name = h.getKey();
            if (name.regionMatches(true, 0, "x-wos-", 0, 6) || name.regionMatches(true, 0, "x-amz-", 0, 6)) {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!signedHeaders.contains(lower)) {
                    if (notSigned == null) {
                        notSigned = new ArrayList<>(2);
                    }
                    if (!notSigned.contains(lower)) {
                        notSigned.add(lower);
                    }
                }
            }
        }
        if (notSigned != null) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED,
                    "There were headers present in the request which were not signed")
                    .with("HeadersNotSigned", String.join(", ", notSigned));
        }
    }
}
