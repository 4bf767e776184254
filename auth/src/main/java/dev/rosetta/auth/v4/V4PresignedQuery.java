package dev.rosetta.auth.v4;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.QueryString;

/**
 * The authentication parameters of a SigV4 presigned URL (dialects.md §2.3), decoded. Parameter names
 * are case-sensitive, as S3 and every SDK spell them.
 *
 * @param contentSha256 {@code X-Amz-Content-Sha256}, or null (then the payload is {@code UNSIGNED-PAYLOAD})
 * @param securityToken {@code X-Amz-Security-Token}, or null
 */
public record V4PresignedQuery(String algorithm, String credential, String date, String expires,
        String signedHeaders, String signature, String securityToken, String contentSha256) {
    public static final String ALGORITHM = "X-Amz-Algorithm";
    public static final String CREDENTIAL = "X-Amz-Credential";
    public static final String DATE = "X-Amz-Date";
    public static final String EXPIRES = "X-Amz-Expires";
    public static final String SIGNED_HEADERS = "X-Amz-SignedHeaders";
    public static final String SIGNATURE = "X-Amz-Signature";
    public static final String SECURITY_TOKEN = "X-Amz-Security-Token";
    public static final String CONTENT_SHA256 = "X-Amz-Content-Sha256";

    static final String MISSING = "Query-string authentication version 4 requires the X-Amz-Algorithm,"
            + " X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and X-Amz-Expires parameters.";

    /**
     * @throws S3Exception {@code 400 AuthorizationQueryParametersError} when one of the six required
     *                     parameters is missing or empty
     */
    public static V4PresignedQuery parse(QueryString query) {
        String algorithm = required(query, ALGORITHM);
        String credential = required(query, CREDENTIAL);
        String date = required(query, DATE);
        String expires = required(query, EXPIRES);
        String signedHeaders = required(query, SIGNED_HEADERS);
        String signature = required(query, SIGNATURE);
        return new V4PresignedQuery(algorithm, credential, date, expires, signedHeaders, signature,
                query.get(SECURITY_TOKEN), query.get(CONTENT_SHA256));
    }

    private static String required(QueryString query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw new S3Exception(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, MISSING);
        }
        return value;
    }
}
