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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/** {@code Authorization: AWS4-HMAC-SHA256 Credential=..., SignedHeaders=..., Signature=...} (dialects.md §2.2). */
public final class AwsV4HeaderVerifier implements RequestVerifier {
    private final CredentialStore store;
    private final Clock clock;
    private final SigningKeyCache keys;

    public AwsV4HeaderVerifier(CredentialStore store, Clock clock, SigningKeyCache keys) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public Authentication verify(RequestHead request, String virtualHostBucket, String expectedRegion) {
        V4Authorization auth = V4Authorization.parse(request.header("Authorization"), V4Authorization.ALGORITHM);
        V4Scope scope = auth.scope();
        V4ScopeRules.check(scope, expectedRegion, V4ScopeRules.Form.HEADER);

        Credential credential = store.find(auth.accessKey());
        if (credential == null) {
            throw AuthErrors.invalidAccessKeyId(auth.accessKey());
        }

        String timestamp = requestTimestamp(request, scope);

        String contentSha256 = request.header(ContentSha256.HEADER);
        if (contentSha256 != null) {
            contentSha256 = contentSha256.strip();
        }
        ContentSha256.Kind kind = ContentSha256.classify(contentSha256);

        checkAllSigned(request, auth.signedHeaders());

        byte[] signingKey = keys.signingKey(credential, V4Signer.AWS_SECRET_PREFIX, scope);
        V4SignatureCheck.verify(request, auth, V4Authorization.ALGORITHM, timestamp, signingKey, contentSha256, null);

        PayloadRequirement payload = switch (kind) {
            case SHA256 -> PayloadRequirement.sha256(contentSha256);
            case UNSIGNED -> PayloadRequirement.unsigned();
            case STREAMING -> PayloadRequirement.streaming(contentSha256, auth.signature().toLowerCase(Locale.ROOT),
                    signingKey, timestamp, scope.toString());
        };
        return new Authentication(AuthScheme.AWS_V4, credential, payload);
    }

    /** The request time as signed ({@code yyyyMMdd'T'HHmmss'Z'}), after the date and skew checks. */
    private String requestTimestamp(RequestHead request, V4Scope scope) {
        String amzDate = request.header("x-amz-date");
        String timeValue = amzDate != null ? amzDate : request.header("Date");
        Instant time = HttpDates.parse(timeValue);
        if (time == null) {
            throw RequestTimes.missingDate();
        }
        String timestamp = HttpDates.isoBasicForm(timeValue, time);
        if (!timestamp.regionMatches(0, scope.date(), 0, 8) || scope.date().length() != 8) {
            throw new S3Exception(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED,
                    "Invalid credential date. Date is not the same as X-Amz-Date.");
        }
        RequestTimes.checkSkew(time, timeValue, clock);
        return timestamp;
    }

    /**
     * {@code host} and every {@code x-amz-*} header present must be signed.
     *
     * @throws S3Exception {@code 403 AccessDenied} with a {@code HeadersNotSigned} element
     */
    public static void checkAllSigned(RequestHead request, List<String> signedHeaders) {
        List<String> notSigned = null;
        if (!signedHeaders.contains("host")) {
            notSigned = new ArrayList<>(2);
            notSigned.add("host");
        }
        for (Map.Entry<String, String> h : request.headerEntries()) {
            String name = h.getKey();
            if (name.regionMatches(true, 0, "x-amz-", 0, 6) && !signedHeaders.contains(name)) {
                String lower = name.toLowerCase(Locale.ROOT); // the list is lower case; most clients send it so
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
