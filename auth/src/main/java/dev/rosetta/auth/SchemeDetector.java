package dev.rosetta.auth;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.QueryString;
import dev.rosetta.protocol.http.RequestHead;

/**
 * Decides which signing scheme a request uses, by the rules of dialects.md §0.3 (first match wins).
 * It does not verify anything.
 */
public final class SchemeDetector {
    private static final String COS_PREFIX = "q-sign-algorithm=";

    private SchemeDetector() {
    }

    /**
     * @throws S3Exception {@code 400 InvalidArgument} ("Unsupported Authorization Type") when an
     *                     Authorization header is present but names no known scheme
     */
    public static AuthScheme detect(RequestHead request) {
        String authorization = request.header("Authorization");
        if (authorization != null) {
            AuthScheme scheme = fromAuthorization(authorization.strip());
            if (scheme == null) {
                throw new S3Exception(S3ErrorCode.INVALID_ARGUMENT, "Unsupported Authorization Type")
                        .with("ArgumentName", "Authorization")
                        .with("ArgumentValue", authorization);
            }
            return scheme;
        }
        return fromQuery(request.query());
    }

    /** The scheme named by a (trimmed) Authorization value, or null when none is recognised. */
    static AuthScheme fromAuthorization(String value) {
        int space = value.indexOf(' ');
        String token = space < 0 ? value : value.substring(0, space);
        switch (token) {
            case "AWS4-HMAC-SHA256":
                return AuthScheme.AWS_V4;
            case "WOS-HMAC-SHA256":
                return AuthScheme.WOS_V4;
            case "AWS":
                return AuthScheme.AWS_V2;
            case "OBS":
                return AuthScheme.OBS;
            case "WOS":
                return AuthScheme.WOS_V2;
            default:
                break;
        }
        if (token.startsWith("AWS4-ECDSA-P256-SHA256")) {
            return AuthScheme.AWS_V4A;
        }
        if (value.startsWith(COS_PREFIX)) {
            return AuthScheme.COS;
        }
        return null;
    }

    static AuthScheme fromQuery(QueryString query) {
        if (query.isEmpty()) {
            return AuthScheme.ANONYMOUS;
        }
        if (query.has("X-Amz-Algorithm")) {
            return AuthScheme.AWS_V4_PRESIGNED;
        }
        if (query.has("X-Wos-Algorithm")) {
            return AuthScheme.WOS_V4_PRESIGNED;
        }
        if (query.has("q-sign-algorithm") || isCosSignParam(query)) {
            return AuthScheme.COS_PRESIGNED;
        }
        boolean signature = query.has("Signature");
        if (signature && query.has("AWSAccessKeyId") && query.has("Expires")) {
            return AuthScheme.AWS_V2_PRESIGNED;
        }
        if (signature && query.has("AccessKeyId") && (query.has("Expires") || query.has("Policy"))) {
            return AuthScheme.OBS_PRESIGNED;
        }
        return AuthScheme.ANONYMOUS;
    }

    /** The COS Java SDK's default presigned form: {@code sign=<the whole authorization string>}, among others. */
    private static boolean isCosSignParam(QueryString query) {
        QueryString.Param p = query.find("sign");
        return p != null && p.value() != null && p.value().startsWith(COS_PREFIX);
    }
}
