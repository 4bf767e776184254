package dev.rosetta.auth;

import dev.rosetta.auth.v2.AwsV2HeaderVerifier;
import dev.rosetta.auth.v2.AwsV2PresignedVerifier;
import dev.rosetta.auth.v4.AwsV4HeaderVerifier;
import dev.rosetta.auth.v4.AwsV4PresignedVerifier;
import dev.rosetta.auth.cos.CosVerifier;
import dev.rosetta.auth.obs.ObsAwsV2PresignedVerifier;
import dev.rosetta.auth.obs.ObsAwsV2Verifier;
import dev.rosetta.auth.obs.ObsHeaderVerifier;
import dev.rosetta.auth.obs.ObsPresignedVerifier;
import dev.rosetta.auth.v4.SigningKeyCache;
import dev.rosetta.auth.wos.WosV2Verifier;
import dev.rosetta.auth.wos.WosV4PresignedVerifier;
import dev.rosetta.auth.wos.WosV4Verifier;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The entry point of request authentication: detects the signing scheme (dialects.md §0.3) and hands the
 * request to that scheme's verifier. Thread-safe; build one per server (it holds the signing-key cache).
 *
 * <p><b>Regions.</b> SigV4 credential scopes name a region, and one server may expose endpoints of several
 * (JD Cloud {@code cn-north-1}, WOS {@code cn-south-1}, ...). The server passes the region of the endpoint a
 * request reached to {@link #authenticate(RequestHead, String, String)}; the region given to the
 * constructor is the default, used by {@link #authenticate(RequestHead, String)} and when the per-request
 * region is null. A scope naming another region is refused with {@code 400 AuthorizationHeaderMalformed}
 * (header form) or {@code 400 AuthorizationQueryParametersError} (presigned form), both carrying the
 * expected region in a {@code Region} element.
 *
 * <p><b>Schemes.</b> One {@link RequestVerifier} per {@link AuthScheme}, registered in the constructor;
 * a scheme without one is answered {@code 501 NotImplemented}.
 */
public final class RequestAuthenticator {
    private final Map<AuthScheme, RequestVerifier> verifiers = new EnumMap<>(AuthScheme.class);
    private final String defaultRegion;

    /**
     * @param store         where access keys are looked up
     * @param defaultRegion the region V4 credential scopes must name when the caller does not give one per
     *                      request (e.g. {@code us-east-1})
     * @param clock         the server clock, for the request-time checks
     */
    public RequestAuthenticator(CredentialStore store, String defaultRegion, Clock clock) {
        Objects.requireNonNull(store, "store");
        this.defaultRegion = Objects.requireNonNull(defaultRegion, "defaultRegion");
        Objects.requireNonNull(clock, "clock");
        SigningKeyCache keys = new SigningKeyCache(SigningKeyCache.DEFAULT_MAX_ENTRIES);
        verifiers.put(AuthScheme.ANONYMOUS, (request, bucket, region) -> Authentication.anonymous());
        // AWS V2 as the OBS SDK signs it in its V2 mode (OBS sub-resource list) first, then AWS's own rules
        verifiers.put(AuthScheme.AWS_V2, new ObsAwsV2Verifier(store, clock, new AwsV2HeaderVerifier(store, clock)));
        verifiers.put(AuthScheme.AWS_V2_PRESIGNED,
                new ObsAwsV2PresignedVerifier(store, clock, new AwsV2PresignedVerifier(store, clock)));
        verifiers.put(AuthScheme.AWS_V4, new AwsV4HeaderVerifier(store, clock, keys));
        verifiers.put(AuthScheme.AWS_V4_PRESIGNED, new AwsV4PresignedVerifier(store, clock, keys));
        verifiers.put(AuthScheme.AWS_V4A, (request, bucket, region) -> {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                    "The AWS4-ECDSA-P256-SHA256 (SigV4a) signing algorithm is not supported.");
        });
        verifiers.put(AuthScheme.OBS, new ObsHeaderVerifier(store, clock));
        verifiers.put(AuthScheme.OBS_PRESIGNED, new ObsPresignedVerifier(store, clock));
        CosVerifier cos = new CosVerifier(store, clock);
        verifiers.put(AuthScheme.COS, cos);
        verifiers.put(AuthScheme.COS_PRESIGNED, cos);
        verifiers.put(AuthScheme.WOS_V4, new WosV4Verifier(store, clock, keys));
        verifiers.put(AuthScheme.WOS_V4_PRESIGNED, new WosV4PresignedVerifier(store, clock, keys));
        verifiers.put(AuthScheme.WOS_V2, new WosV2Verifier(store, clock));
    }

    /** The region used when none is given per request. */
    public String defaultRegion() {
        return defaultRegion;
    }

    /**
     * Detects the scheme per dialects.md §0.3 and verifies it, expecting the default region.
     *
     * @param virtualHostBucket the bucket taken from the Host header (virtual-hosted style, or the whole
     *                          host for a bucket's custom domain), or null for path-style requests (then
     *                          the path already starts with /bucket)
     * @throws S3Exception when the request is not authentic, or uses a scheme not supported
     */
    public Authentication authenticate(RequestHead request, String virtualHostBucket) throws S3Exception {
        return authenticate(request, virtualHostBucket, defaultRegion);
    }

    /**
     * Detects the scheme per dialects.md §0.3 and verifies it.
     *
     * @param virtualHostBucket as for {@link #authenticate(RequestHead, String)}
     * @param expectedRegion    the region of the endpoint the request reached, which region-scoped
     *                          signatures (SigV4, WOS-HMAC-SHA256) must name; null for the default region
     * @throws S3Exception when the request is not authentic, or uses a scheme not supported
     */
    public Authentication authenticate(RequestHead request, String virtualHostBucket, String expectedRegion)
            throws S3Exception {
        AuthScheme scheme = SchemeDetector.detect(request);
        RequestVerifier verifier = verifiers.get(scheme);
        if (verifier == null) {
            throw new S3Exception(S3ErrorCode.NOT_IMPLEMENTED, scheme.description() + " is not implemented.");
        }
        return verifier.verify(request, virtualHostBucket, expectedRegion == null ? defaultRegion : expectedRegion);
    }
}
