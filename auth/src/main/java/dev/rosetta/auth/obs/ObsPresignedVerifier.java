package dev.rosetta.auth.obs;

import dev.rosetta.auth.AuthErrors;
import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.Credential;
import dev.rosetta.auth.CredentialStore;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.RequestVerifier;
import dev.rosetta.auth.crypto.Base64Codec;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.PercentCodec;
import dev.rosetta.protocol.http.QueryString;
import dev.rosetta.protocol.http.RequestHead;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

/**
 * {@code ?AccessKeyId=&Expires=&Signature=} (dialects.md §3.4): the §3.2 string to sign with {@code Expires} in
 * the Date position. {@code x-obs-security-token} and the other {@code x-obs-*} parameters are signed as
 * sub-resources; the three authentication parameters are not. Expired ({@code Expires} &lt; now) →
 * {@code 403 AccessDenied} "Request has expired"; there is no maximum lifetime.
 *
 * <p>The SDK's policy variant ({@code &Policy=}) is answered {@code 501 NotImplemented}: esdk-obs-java signs it
 * over an <em>empty</em> CanonicalizedResource, so the URL is only bound to a bucket and key by the policy's
 * conditions, which would have to be evaluated; without that it would act as a bearer token for every object.
 */
public final class ObsPresignedVerifier implements RequestVerifier {
    static final String EXPIRES = "Expires";
    static final String SIGNATURE = "Signature";
    static final String POLICY = "Policy";

    private final CredentialStore store;
    private final Clock clock;
    private final ObsFlavour flavour;
    private final AuthScheme scheme;
    private final String accessKeyParam;
    private final Set<String> authParams;
    private final RequestVerifier fallback;

    /** OBS native: {@code AccessKeyId=}, {@link ObsFlavour#OBS}, answering {@link AuthScheme#OBS_PRESIGNED}. */
    public ObsPresignedVerifier(CredentialStore store, Clock clock) {
        this(store, clock, ObsFlavour.OBS, AuthScheme.OBS_PRESIGNED, "AccessKeyId", null);
    }

    /**
     * @param accessKeyParam the parameter carrying the access key ({@code AccessKeyId} or {@code AWSAccessKeyId})
     * @param fallback       asked when this flavour's signature does not match, or null
     */
    ObsPresignedVerifier(CredentialStore store, Clock clock, ObsFlavour flavour, AuthScheme scheme,
            String accessKeyParam, RequestVerifier fallback) {
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.flavour = Objects.requireNonNull(flavour, "flavour");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.accessKeyParam = Objects.requireNonNull(accessKeyParam, "accessKeyParam");
        this.authParams = Set.of(accessKeyParam, EXPIRES, SIGNATURE, POLICY);
        this.fallback = fallback;
    }

    @Override
    public Authentication verify(RequestHead request, String virtualHostBucket, String expectedRegion) {
        QueryString query = request.query();
        if (query.has(POLICY)) {
            throw new S3Exception(S3ErrorCode.NOT_IMPLEMENTED,
                    "Policy-based query-string authentication is not implemented.");
        }
        String accessKey = query.get(accessKeyParam);
        String expires = query.get(EXPIRES);
        QueryString.Param signature = query.find(SIGNATURE);
        if (accessKey == null || accessKey.isEmpty() || expires == null || signature == null
                || !signature.hasValue() || signature.rawValue().isEmpty()) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED, "Query-string authentication requires the "
                    + SIGNATURE + ", " + EXPIRES + " and " + accessKeyParam + " parameters");
        }
        Credential credential = store.find(accessKey);
        if (credential == null) {
            throw AuthErrors.invalidAccessKeyId(accessKey);
        }
        checkNotExpired(expires, clock);

        String signatureValue = decodeSignature(signature.rawValue());
        ObsSignatures signatures = new ObsSignatures(credential.secretKey().getBytes(StandardCharsets.UTF_8),
                Base64Codec.decodeOrNull(signatureValue));
        for (ObsStringToSign.Variant variant : ObsStringToSign.variants(request, flavour, authParams)) {
            if (signatures.matches(ObsStringToSign.build(request, virtualHostBucket, expires, flavour, variant,
                    authParams))) {
                return new Authentication(scheme, credential, PayloadRequirement.none());
            }
        }
        if (fallback != null && !ObsStringToSign.signsBeyondAws(request, flavour, authParams)) {
            return fallback.verify(request, virtualHostBucket, expectedRegion);
        }
        throw AuthErrors.signatureDoesNotMatch(accessKey, signatures.first(), signatureValue);
    }

    /**
     * @throws S3Exception {@code 403 AccessDenied} when {@code expires} is not decimal seconds, or is in the past
     */
    static void checkNotExpired(String expires, Clock clock) {
        long seconds = parseSeconds(expires);
        if (seconds < 0) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED,
                    "Invalid date (should be seconds since epoch): " + expires);
        }
        Instant now = clock.instant();
        if (seconds < now.getEpochSecond()) {
            throw AuthErrors.requestExpired(null, Instant.ofEpochSecond(seconds), now);
        }
    }

    /** Non-negative decimal seconds (at most 12 digits), or -1. */
    private static long parseSeconds(String s) {
        int n = s.length();
        if (n == 0 || n > 12) {
            return -1;
        }
        long v = 0;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * %XX-decoded with a raw '+' kept as '+' (base64). A space can only be a '+' some intermediary turned into
     * {@code %20}, so it is read back as '+'.
     */
    private static String decodeSignature(String raw) {
        String decoded;
        try {
            decoded = PercentCodec.decodePath(raw);
        } catch (IllegalArgumentException e) {
            decoded = raw;
        }
        return decoded.indexOf(' ') >= 0 ? decoded.replace(' ', '+') : decoded;
    }
}
