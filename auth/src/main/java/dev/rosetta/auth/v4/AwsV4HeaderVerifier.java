package dev.rosetta.auth.v4;

import dev.rosetta.auth.AuthErrors;
import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.Credential;
import dev.rosetta.auth.CredentialStore;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.RequestVerifier;
import dev.rosetta.auth.crypto.Hex;
import dev.rosetta.auth.crypto.Hmacs;
import dev.rosetta.auth.crypto.Sha256;
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
    static final String SERVICE = "s3";
    static final String TERMINATOR = "aws4_request";

    private final CredentialStore store;
    private final String region;
    private final Clock clock;
    private final SigningKeyCache keys;

    public AwsV4HeaderVerifier(CredentialStore store, String region, Clock clock, SigningKeyCache keys) {
        this.store = Objects.requireNonNull(store, "store");
        this.region = Objects.requireNonNull(region, "region");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    @Override
    public Authentication verify(RequestHead request, String virtualHostBucket) {
        V4Authorization auth = V4Authorization.parse(request.header("Authorization"), V4Authorization.ALGORITHM);
        V4Scope scope = auth.scope();
        checkScope(scope);

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
        verifySignature(request, auth, credential, signingKey, timestamp, contentSha256);

        PayloadRequirement payload = switch (kind) {
            case SHA256 -> PayloadRequirement.sha256(contentSha256);
            case UNSIGNED -> PayloadRequirement.unsigned();
            case STREAMING -> PayloadRequirement.streaming(contentSha256, auth.signature().toLowerCase(Locale.ROOT),
                    signingKey, timestamp, scope.toString());
        };
        return new Authentication(AuthScheme.AWS_V4, credential, payload);
    }

    private void checkScope(V4Scope scope) {
        if (!SERVICE.equals(scope.service())) {
            throw V4Authorization.malformed("The authorization header is malformed; incorrect service \""
                    + scope.service() + "\". This endpoint belongs to \"" + SERVICE + "\".");
        }
        if (!TERMINATOR.equals(scope.terminator())) {
            throw V4Authorization.malformed("The authorization header is malformed; incorrect terminal \""
                    + scope.terminator() + "\". This endpoint uses \"" + TERMINATOR + "\".");
        }
        if (!region.equals(scope.region())) {
            throw V4Authorization.malformed("The authorization header is malformed; the region '" + scope.region()
                    + "' is wrong; expecting '" + region + "'").with("Region", region);
        }
    }

    /** The request time as signed ({@code yyyyMMdd'T'HHmmss'Z'}), after the date and skew checks. */
    private String requestTimestamp(RequestHead request, V4Scope scope) {
        String amzDate = request.header("x-amz-date");
        String timeValue = amzDate != null ? amzDate : request.header("Date");
        Instant time = HttpDates.parse(timeValue);
        if (time == null) {
            throw RequestTimes.missingDate();
        }
        String timestamp = HttpDates.formatIsoBasic(time);
        if (!timestamp.regionMatches(0, scope.date(), 0, 8) || scope.date().length() != 8) {
            throw new S3Exception(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED,
                    "Invalid credential date. Date is not the same as X-Amz-Date.");
        }
        RequestTimes.checkSkew(time, timeValue, clock);
        return timestamp;
    }

    /** {@code host} and every {@code x-amz-*} header present must be signed. */
    static void checkAllSigned(RequestHead request, List<String> signedHeaders) {
        List<String> notSigned = null;
        if (!signedHeaders.contains("host")) {
            notSigned = new ArrayList<>(2);
            notSigned.add("host");
        }
        for (Map.Entry<String, String> h : request.headerEntries()) {
            String name = h.getKey();
            if (name.regionMatches(true, 0, "x-amz-", 0, 6)) {
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

    /**
     * Recomputes the signature, trying the canonical forms clients are known to use (decoded and re-encoded
     * path, then the raw path; '+' literal in the query, then as a space); throws on mismatch.
     */
    private static void verifySignature(RequestHead request, V4Authorization auth, Credential credential,
            byte[] signingKey, String timestamp, String hashedPayload) {
        StringBuilder headers = new StringBuilder(256);
        boolean allPresent = V4CanonicalRequest.appendCanonicalHeaders(headers, request, auth.signedHeaders());
        byte[] provided = Hex.decode(auth.signature());
        boolean canMatch = allPresent && provided != null && provided.length == 32;

        String rawPath = request.rawPath() == null || request.rawPath().isEmpty() ? "/" : request.rawPath();
        String rawQuery = request.rawQuery();
        String[] uris = uniq(V4CanonicalRequest.canonicalUri(rawPath), rawPath);
        String[] queries = rawQuery != null && rawQuery.indexOf('+') >= 0
                ? uniq(V4CanonicalRequest.canonicalQuery(rawQuery, false, null),
                        V4CanonicalRequest.canonicalQuery(rawQuery, true, null))
                : new String[] {V4CanonicalRequest.canonicalQuery(rawQuery, false, null)};
        String scope = auth.scope().toString();

        String firstCanonical = null;
        String firstStringToSign = null;
        for (String uri : uris) {
            for (String query : queries) {
                String canonical = V4CanonicalRequest.assemble(request.method(), uri, query, headers,
                        auth.signedHeadersLine(), hashedPayload);
                String stringToSign = V4Signer.stringToSign(V4Authorization.ALGORITHM, timestamp, scope,
                        Sha256.hex(canonical));
                if (firstCanonical == null) {
                    firstCanonical = canonical;
                    firstStringToSign = stringToSign;
                }
                if (!canMatch) {
                    break;
                }
                if (Hmacs.constantTimeEquals(V4Signer.sign(signingKey, stringToSign), provided)) {
                    return;
                }
            }
            if (!canMatch) {
                break;
            }
        }
        throw AuthErrors.signatureDoesNotMatch(credential.accessKey(), firstStringToSign, auth.signature(),
                firstCanonical);
    }

    private static String[] uniq(String first, String second) {
        return first.equals(second) ? new String[] {first} : new String[] {first, second};
    }
}
