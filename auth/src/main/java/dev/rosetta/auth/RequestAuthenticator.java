package dev.rosetta.auth;

import dev.rosetta.auth.v2.AwsV2HeaderVerifier;
import dev.rosetta.auth.v4.AwsV4HeaderVerifier;
import dev.rosetta.auth.v4.SigningKeyCache;
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
 */
public final class RequestAuthenticator {
    private final Map<AuthScheme, RequestVerifier> verifiers = new EnumMap<>(AuthScheme.class);

    /**
     * @param store  where access keys are looked up
     * @param region the region V4 credential scopes must name (e.g. {@code us-east-1})
     * @param clock  the server clock, for the request-time checks
     */
    public RequestAuthenticator(CredentialStore store, String region, Clock clock) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(clock, "clock");
        SigningKeyCache keys = new SigningKeyCache(SigningKeyCache.DEFAULT_MAX_ENTRIES);
        verifiers.put(AuthScheme.ANONYMOUS, (request, bucket) -> Authentication.anonymous());
        verifiers.put(AuthScheme.AWS_V2, new AwsV2HeaderVerifier(store, clock));
        verifiers.put(AuthScheme.AWS_V4, new AwsV4HeaderVerifier(store, region, clock, keys));
        verifiers.put(AuthScheme.AWS_V4A, (request, bucket) -> {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                    "The AWS4-ECDSA-P256-SHA256 (SigV4a) signing algorithm is not supported.");
        });
    }

    /**
     * Detects the scheme per dialects.md §0.3 and verifies it.
     *
     * @param virtualHostBucket the bucket taken from the Host header (virtual-hosted style, or the whole
     *                          host for a bucket's custom domain), or null for path-style requests (then
     *                          the path already starts with /bucket)
     * @throws S3Exception when the request is not authentic, or uses a scheme not supported
     */
    public Authentication authenticate(RequestHead request, String virtualHostBucket) throws S3Exception {
        AuthScheme scheme = SchemeDetector.detect(request);
        RequestVerifier verifier = verifiers.get(scheme);
        if (verifier == null) {
            throw new S3Exception(S3ErrorCode.NOT_IMPLEMENTED, scheme.description() + " is not implemented.");
        }
        return verifier.verify(request, virtualHostBucket);
    }
}
