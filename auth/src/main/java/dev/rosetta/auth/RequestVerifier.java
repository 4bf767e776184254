package dev.rosetta.auth;

import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;

/**
 * Verifies one signing scheme. Implementations are stateless apart from caches, and thread-safe.
 * {@link RequestAuthenticator} holds one per {@link AuthScheme}.
 */
@FunctionalInterface
public interface RequestVerifier {

    /**
     * @param virtualHostBucket the bucket named by the Host header (virtual-hosted style or a bucket's
     *                          custom domain), or null for path-style requests
     * @param expectedRegion    the region the endpoint the request reached serves (never null): schemes
     *                          whose credential scope names a region (SigV4, WOS-HMAC-SHA256) must reject
     *                          another one; the others ignore it
     * @throws S3Exception when the request is not authentic
     */
    Authentication verify(RequestHead request, String virtualHostBucket, String expectedRegion) throws S3Exception;
}
