package dev.rosetta.auth.v4;

import dev.rosetta.auth.AuthErrors;
import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.Credential;
import dev.rosetta.auth.CredentialStore;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.RequestVerifier;
import dev.rosetta.auth.time.HttpDates;
import dev.rosetta.auth.time.RequestTimes;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * SigV4 query-string authentication, {@code ?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=...}
 * (dialects.md §2.3). The canonical query holds every parameter but {@code X-Amz-Signature}; the payload
 * line is {@code UNSIGNED-PAYLOAD} unless an {@code X-Amz-Content-Sha256} parameter names a hash.
 *
 * <p>Checks in S3's order: parameters present and well-formed (400 AuthorizationQueryParametersError),
 * scope (service, terminator, region), access key (403 InvalidAccessKeyId), validity window (403
 * AccessDenied "Request is not valid yet" / "Request has expired"), signed headers (host and every
 * {@code x-amz-*} header), then the signature.
 */
public final class AwsV4PresignedVerifier implements RequestVerifier {
    /** The longest lifetime S3 accepts: seven days. */
    public static final long MAX_EXPIRES_SECONDS = 604_800;

    private final CredentialStore store;
    private final Clock clock;
    private final SigningKeyCache keys;

    public AwsV4PresignedVerifier(CredentialStore store, Clock clock, SigningKeyCache keys) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public Authentication verify(RequestHead request, String virtualHostBucket, String expectedRegion) {
        V4PresignedQuery q = V4PresignedQuery.parse(request.query());
        if (!V4Authorization.ALGORITHM.equals(q.algorithm())) {
            throw queryError("X-Amz-Algorithm only supports \"" + V4Authorization.ALGORITHM + "\"");
        }
        V4Credential credentialParam = V4Credential.parse(q.credential());
        if (credentialParam == null) {
            throw V4ScopeRules.Form.QUERY.error("the Credential is mal-formed; expecting"
                    + " \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".");
        }
        V4Scope scope = credentialParam.scope();
        V4ScopeRules.check(scope, expectedRegion, V4ScopeRules.Form.QUERY);

        Instant time = HttpDates.parseIsoBasic(q.date());
        if (time == null) {
            throw queryError("X-Amz-Date must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }
        long expires = parseExpires(q.expires());
        if (scope.date().length() != 8 || !q.date().startsWith(scope.date())) {
            throw queryError("Invalid credential date. Date is not the same as X-Amz-Date.");
        }
        List<String> signedHeaders = V4SignedHeaders.split(q.signedHeaders());
        if (signedHeaders == null) {
            throw queryError("SignedHeaders '" + q.signedHeaders() + "' is not valid.");
        }
        String payload = payloadLine(q.contentSha256());

        Credential credential = store.find(credentialParam.accessKey());
        if (credential == null) {
            throw AuthErrors.invalidAccessKeyId(credentialParam.accessKey());
        }
        checkValidity(time, expires, q.expires());
        AwsV4HeaderVerifier.checkAllSigned(request, signedHeaders);

        V4Authorization auth = new V4Authorization(credentialParam.accessKey(), scope, q.signedHeaders(),
                signedHeaders, q.signature());
        byte[] signingKey = keys.signingKey(credential, V4Signer.AWS_SECRET_PREFIX, scope);
        V4SignatureCheck.verify(request, auth, V4Authorization.ALGORITHM, q.date(), signingKey, payload,
                V4PresignedQuery.SIGNATURE);

        PayloadRequirement requirement = payload.equals(ContentSha256.UNSIGNED_PAYLOAD)
                ? PayloadRequirement.unsigned() : PayloadRequirement.sha256(payload);
        return new Authentication(AuthScheme.AWS_V4_PRESIGNED, credential, requirement);
    }

    /** X-Amz-Expires: decimal seconds, 1 to 604800. */
    static long parseExpires(String value) {
        String v = value.strip();
        boolean negative = v.startsWith("-");
        String digits = negative ? v.substring(1) : v;
        if (digits.isEmpty() || digits.length() > 18) {
            throw queryError("X-Amz-Expires should be a number");
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw queryError("X-Amz-Expires should be a number");
            }
        }
        long seconds = Long.parseLong(digits);
        if (negative && seconds != 0) {
            throw queryError("X-Amz-Expires must be non-negative");
        }
        if (seconds > MAX_EXPIRES_SECONDS) {
            throw queryError("X-Amz-Expires must be less than a week (in seconds) that is; 604800");
        }
        if (seconds == 0) {
            throw queryError("X-Amz-Expires must be greater than 0");
        }
        return seconds;
    }

    /** Not before X-Amz-Date minus the allowed skew; not after X-Amz-Date plus X-Amz-Expires. */
    private void checkValidity(Instant signedAt, long expires, String expiresSent) {
        Instant now = clock.instant();
        if (signedAt.isAfter(now.plus(RequestTimes.MAX_SKEW))) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED, "Request is not valid yet");
        }
        Instant expiresAt = signedAt.plusSeconds(expires);
        if (now.isAfter(expiresAt)) {
            throw AuthErrors.requestExpired(expiresSent.strip(), expiresAt, now);
        }
    }

    /** The canonical request's payload line: {@code UNSIGNED-PAYLOAD} or a hash the URL commits to. */
    private static String payloadLine(String contentSha256) {
        if (contentSha256 == null) {
            return ContentSha256.UNSIGNED_PAYLOAD;
        }
        String v = contentSha256.strip();
        if (ContentSha256.classify(v) == ContentSha256.Kind.STREAMING) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                    "aws-chunked streaming uploads cannot be authenticated with a presigned URL.");
        }
        return v;
    }

    private static S3Exception queryError(String message) {
        return V4ScopeRules.Form.QUERY.plainError(message);
    }
}
