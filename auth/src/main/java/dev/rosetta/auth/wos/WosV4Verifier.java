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
import dev.rosetta.auth.v4.V4Scope;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/**
 * {@code Authorization: WOS-HMAC-SHA256 Credential=AK/date/region/wos/wos_request, SignedHeaders=..., Signature=...}
 * (dialects.md §5.2): SigV4 with the WOS substitutions.
 *
 * <p>Checks, in order, with the errors WOS documents: a Signature component (else 400 InvalidArgument
 * "Authorization header is invalid. Expected AccessKeyId:signature"); the rest of the header parses (400
 * AuthorizationHeaderMalformed, also for an empty access key); service {@code wos}, terminator
 * {@code wos_request}, the expected region (400 AuthorizationHeaderMalformed); a known access key (403
 * InvalidAccessKeyId); the request time from {@code x-wos-date}, else {@code x-amz-date}, else {@code Date}
 * (ISO 8601 basic or RFC 1123; none valid → 403 AccessDenied); its date equal to the credential date (400
 * InvalidArgument); within 15 minutes (403 RequestTimeTooSkewed); {@code x-wos-content-sha256} present and
 * a hex hash or {@code UNSIGNED-PAYLOAD} (STREAMING-* and others → 400 InvalidArgument; absent → 400
 * InvalidRequest); {@code host} and every {@code x-wos-*}/{@code x-amz-*} header signed (403 AccessDenied);
 * then the signature.
 */
public final class WosV4Verifier implements RequestVerifier {
    static final String NO_SIGNATURE = "Authorization header is invalid. Expected AccessKeyId:signature";

    private final CredentialStore store;
    private final Clock clock;
    private final SigningKeyCache keys;

    /** @param keys the signing-key cache (may be shared with the AWS V4 verifiers: entries are keyed by prefix) */
    public WosV4Verifier(CredentialStore store, Clock clock, SigningKeyCache keys) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public Authentication verify(RequestHead request, String virtualHostBucket, String expectedRegion) {
        String header = request.header("Authorization");
        if (!hasSignature(header)) {
            throw S3Exception.invalidArgument(NO_SIGNATURE, "Authorization", header);
        }
        V4Authorization auth = V4Authorization.parse(header, WosV4.ALGORITHM);
        V4Scope scope = auth.scope();
        WosV4.checkScope(scope, expectedRegion, WosV4.Form.HEADER);

        Credential credential = store.find(auth.accessKey());
        if (credential == null) {
            throw AuthErrors.invalidAccessKeyId(auth.accessKey());
        }

        String timestamp = requestTimestamp(request, scope);
        String contentSha256 = request.header(WosV4.CONTENT_SHA256_HEADER);
        PayloadRequirement payload = payload(contentSha256);
        WosV4.checkAllSigned(request, auth.signedHeaders());

        byte[] signingKey = keys.signingKey(credential, WosV4.SECRET_PREFIX, scope);
        V4SignatureCheck.verify(request, auth, WosV4.ALGORITHM, timestamp, signingKey, contentSha256.strip(), null,
                V4SignatureCheck.PathFirst.RAW);
        return new Authentication(AuthScheme.WOS_V4, credential, payload);
    }

    /** The request time as signed ({@code yyyyMMdd'T'HHmmss'Z'}), after the date and skew checks. */
    private String requestTimestamp(RequestHead request, V4Scope scope) {
        String wosDate = request.header(WosV4.DATE_HEADER);
        String amzDate = request.header("x-amz-date");
        String timeValue = wosDate != null ? wosDate : amzDate != null ? amzDate : request.header("Date");
        Instant time = HttpDates.parse(timeValue);
        if (time == null) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED,
                    "Authentication requires a valid Date or x-wos-date header");
        }
        String timestamp = HttpDates.isoBasicForm(timeValue, time);
        if (scope.date().length() != 8 || !timestamp.startsWith(scope.date())) {
            throw WosV4.credentialDateMismatch(WosV4.DATE_HEADER);
        }
        RequestTimes.checkSkew(time, timeValue, clock);
        return timestamp;
    }

    /**
     * What {@code x-wos-content-sha256} announces.
     *
     * @throws S3Exception 400 InvalidRequest when absent; 400 InvalidArgument when STREAMING-* (aws-chunked
     *                     is undocumented for WOS) or not a hash
     */
    static PayloadRequirement payload(String value) {
        if (value == null) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                    "Missing required header for this request: " + WosV4.CONTENT_SHA256_HEADER);
        }
        String v = value.strip();
        if (Hex.isHex(v, 64)) {
            return PayloadRequirement.sha256(v);
        }
        if (v.equals("UNSIGNED-PAYLOAD")) {
            return PayloadRequirement.unsigned();
        }
        if (v.startsWith("STREAMING-")) {
            throw S3Exception.invalidArgument("Streaming (aws-chunked) payloads are not supported with "
                    + WosV4.ALGORITHM + ".", WosV4.CONTENT_SHA256_HEADER, value);
        }
        throw S3Exception.invalidArgument(WosV4.CONTENT_SHA256_HEADER
                + " must be UNSIGNED-PAYLOAD or a valid sha256 value.", WosV4.CONTENT_SHA256_HEADER, value);
    }

    /** True when the header has a {@code Signature=} component with a value. */
    static boolean hasSignature(String header) {
        if (header == null) {
            return false;
        }
        int n = header.length();
        int start = header.indexOf(' ');
        if (start < 0) {
            return false;
        }
        while (start < n) {
            int comma = header.indexOf(',', start + 1);
            int end = comma < 0 ? n : comma;
            String part = header.substring(start + 1, end).strip();
            if (part.startsWith("Signature=") && part.length() > "Signature=".length()) {
                return true;
            }
            start = end;
        }
        return false;
    }
}
