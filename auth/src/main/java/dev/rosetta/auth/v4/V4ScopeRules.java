package dev.rosetta.auth.v4;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;

/**
 * The credential-scope checks of S3 SigV4 (dialects.md §2.2, §2.3): service {@code s3}, terminator
 * {@code aws4_request}, region = the region the endpoint expects. Header and query forms fail with
 * different codes and message prefixes, as S3 does.
 */
public final class V4ScopeRules {
    public static final String SERVICE = "s3";
    public static final String TERMINATOR = "aws4_request";

    private V4ScopeRules() {
    }

    /** Where the credential came from, which decides how a bad one is reported. */
    public enum Form {
        /** {@code Authorization: AWS4-HMAC-SHA256 Credential=...}: {@code 400 AuthorizationHeaderMalformed}. */
        HEADER(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED, "The authorization header is malformed; "),
        /** {@code ?X-Amz-Credential=...}: {@code 400 AuthorizationQueryParametersError}. */
        QUERY(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, "Error parsing the X-Amz-Credential parameter; ");

        private final S3ErrorCode code;
        private final String prefix;

        Form(S3ErrorCode code, String prefix) {
            this.code = code;
            this.prefix = prefix;
        }

        /** The form's error with its message prefix. */
        public S3Exception error(String detail) {
            return new S3Exception(code, prefix + detail);
        }

        /** The form's error code with a message used as is. */
        public S3Exception plainError(String message) {
            return new S3Exception(code, message);
        }
    }

    /**
     * @param expectedRegion the region this endpoint serves
     * @throws S3Exception 400 when the service, terminator or region is not the expected one (the region
     *                     error carries the expected one in a {@code Region} element)
     */
    public static void check(V4Scope scope, String expectedRegion, Form form) {
        if (!SERVICE.equals(scope.service())) {
            throw form.error("incorrect service \"" + scope.service() + "\". This endpoint belongs to \""
                    + SERVICE + "\".");
        }
        if (!TERMINATOR.equals(scope.terminator())) {
            throw form.error("incorrect terminal \"" + scope.terminator() + "\". This endpoint uses \""
                    + TERMINATOR + "\".");
        }
        if (!expectedRegion.equals(scope.region())) {
            throw form.error("the region '" + scope.region() + "' is wrong; expecting '" + expectedRegion + "'")
                    .with("Region", expectedRegion);
        }
    }
}
