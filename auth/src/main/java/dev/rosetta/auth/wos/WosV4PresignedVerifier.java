package dev.rosetta.auth.wos;

import dev.rosetta.auth.v4.V4SignatureCheck;
import dev.rosetta.auth.AuthErrors;
import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.Credential;
import dev.rosetta.auth.CredentialStore;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.RequestVerifier;
import dev.rosetta.auth.crypto.Hex;
import dev.rosetta.auth.time.HttpDates;
import dev.rosetta.auth.time.RequestTimes;
import dev.rosetta.auth.v4.SigningKeyCache;
import dev.rosetta.auth.v4.V4Authorization;
import dev.rosetta.auth.v4.V4Credential;
import dev.rosetta.auth.v4.V4Scope;
import dev.rosetta.auth.v4.V4SignedHeaders;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.QueryString;
import dev.rosetta.protocol.http.RequestHead;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * {@code ?X-Wos-Algorithm=WOS-HMAC-SHA256&X-Wos-Credential=...&X-Wos-Date=...&X-Wos-Expires=...
 * &X-Wos-SignedHeaders=...&X-Wos-Signature=...} (dialects.md §5.2; the WOS SDK's
 * {@code createV4TemporarySignature}), with SigV4's presign rules (§2.3): every parameter but
 * {@code X-Wos-Signature} in the canonical query, payload {@code UNSIGNED-PAYLOAD} (or an
 * {@code X-Wos-Content-Sha256} parameter), lifetime 1…604800 s.
 *
 * <p>The WOS SDK encodes '/' in the key as {@code %2F} and signs its raw path, so the raw path is tried first.
 */
public final class WosV4PresignedVerifier implements RequestVerifier {
    public static final String ALGORITHM = "X-Wos-Algorithm";
    public static final String CREDENTIAL = "X-Wos-Credential";
    public static final String DATE = "X-Wos-Date";
    public static final String EXPIRES = "X-Wos-Expires";
    public static final String SIGNED_HEADERS = "X-Wos-SignedHeaders";
    public static final String SIGNATURE = "X-Wos-Signature";
    public static final String CONTENT_SHA256 = "X-Wos-Content-Sha256";
    /** The longest lifetime accepted: seven days, as SigV4. */
    public static final long MAX_EXPIRES_SECONDS = 604_800;

    static final String MISSING = "Query-string authentication requires the X-Wos-Algorithm, X-Wos-Credential,"
            + " X-Wos-Signature, X-Wos-Date, X-Wos-SignedHeaders, and X-Wos-Expires parameters.";

    private final CredentialStore store;
    private final Clock clock;
    private final SigningKeyCache keys;

    public WosV4PresignedVerifier(CredentialStore store, Clock clock, SigningKeyCache keys) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public Authentication verify(RequestHead request, String virtualHostBucket, String expectedRegion) {
        QueryString query = request.query();
        String algorithm = required(query, ALGORITHM);
        String credentialValue = required(query, CREDENTIAL);
        String date = required(query, DATE);
        String expiresValue = required(query, EXPIRES);
        String signedHeadersLine = required(query, SIGNED_HEADERS);
        String signature = required(query, SIGNATURE);
        if (!WosV4.ALGORITHM.equals(algorithm)) {
            throw S3Exception.invalidArgument("Only " + WosV4.ALGORITHM + " is supported", ALGORITHM, algorithm);
        }
        V4Credential credentialParam = V4Credential.parse(credentialValue);
        if (credentialParam == null) {
            throw WosV4.Form.QUERY.error("the Credential is mal-formed; expecting"
                    + " \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/" + WosV4.TERMINATOR + "\".");
        }
        V4Scope scope = credentialParam.scope();
        WosV4.checkScope(scope, expectedRegion, WosV4.Form.QUERY);

        Instant signedAt = HttpDates.parseIsoBasic(date);
        if (signedAt == null) {
            throw queryError(DATE + " must be in the ISO8601 Long Format \"yyyyMMdd'T'HHmmss'Z'\"");
        }
        long expires = parseExpires(expiresValue);
        if (scope.date().length() != 8 || !date.startsWith(scope.date())) {
            throw WosV4.credentialDateMismatch(DATE);
        }
        List<String> signedHeaders = V4SignedHeaders.split(signedHeadersLine);
        if (signedHeaders == null) {
            throw queryError("SignedHeaders '" + signedHeadersLine + "' is not valid.");
        }
        String payloadLine = payloadLine(query.get(CONTENT_SHA256));

        Credential credential = store.find(credentialParam.accessKey());
        if (credential == null) {
            throw AuthErrors.invalidAccessKeyId(credentialParam.accessKey());
        }
        checkValidity(signedAt, expires, expiresValue);
        WosV4.checkAllSigned(request, signedHeaders);

        V4Authorization auth = new V4Authorization(credentialParam.accessKey(), scope, signedHeadersLine,
                signedHeaders, signature);
        byte[] signingKey = keys.signingKey(credential, WosV4.SECRET_PREFIX, scope);
        V4SignatureCheck.verify(request, auth, WosV4.ALGORITHM, date, signingKey, payloadLine, SIGNATURE,
                V4SignatureCheck.PathFirst.RAW);

        PayloadRequirement payload = payloadLine.equals("UNSIGNED-PAYLOAD")
                ? PayloadRequirement.unsigned() : PayloadRequirement.sha256(payloadLine);
        return new Authentication(AuthScheme.WOS_V4_PRESIGNED, credential, payload);
    }

    /** X-Wos-Expires: decimal seconds, 1 to 604800. */
    static long parseExpires(String value) {
        String v = value.strip();
        if (v.isEmpty() || v.length() > 18) {
            throw queryError(EXPIRES + " should be a number");
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < '0' || c > '9') {
                throw queryError(v.charAt(0) == '-' && v.length() > 1
                        ? EXPIRES + " must be non-negative" : EXPIRES + " should be a number");
            }
        }
        long seconds = Long.parseLong(v);
        if (seconds > MAX_EXPIRES_SECONDS) {
            throw queryError(EXPIRES + " must be less than a week (in seconds) that is; 604800");
        }
        if (seconds == 0) {
            throw queryError(EXPIRES + " must be greater than 0");
        }
        return seconds;
    }

    /** Not before X-Wos-Date minus the allowed skew; not after X-Wos-Date plus X-Wos-Expires. */
    private void checkValidity(Instant signedAt, long expires, String expiresSent) {
        Instant now = clock.instant();
        if (signedAt.isAfter(now.plus(RequestTimes.MAX_SKEW))) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED, "Request is not valid yet");
        }
        Instant expiresAt = signedAt.plusSeconds(expires);
        if (now.isAfter(expiresAt)) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED, "Request has expired")
                    .with(EXPIRES, expiresSent.strip())
                    .with("Expires", HttpDates.formatIsoExtended(expiresAt))
                    .with("ServerTime", HttpDates.formatIsoExtended(now));
        }
    }

    /** {@code UNSIGNED-PAYLOAD}, or the hash an {@code X-Wos-Content-Sha256} parameter commits to. */
    private static String payloadLine(String contentSha256) {
        if (contentSha256 == null) {
            return "UNSIGNED-PAYLOAD";
        }
        String v = contentSha256.strip();
        if (v.equals("UNSIGNED-PAYLOAD") || Hex.isHex(v, 64)) {
            return v;
        }
        throw S3Exception.invalidArgument(CONTENT_SHA256 + " must be UNSIGNED-PAYLOAD or a valid sha256 value.",
                CONTENT_SHA256, contentSha256);
    }

    private static String required(QueryString query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            throw new S3Exception(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, MISSING);
        }
        return value;
    }

    private static S3Exception queryError(String message) {
        return new S3Exception(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR, message);
    }
}
