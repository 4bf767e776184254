package dev.rosetta.auth;

import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;

/** Verifies one signing scheme. Implementations are stateless apart from caches, and thread-safe. */
@FunctionalInterface
public interface RequestVerifier {

    /**
     * @param virtualHostBucket the bucket named by the Host header (virtual-hosted style or a bucket's
     *                          custom domain), or null for path-style requests
     * @throws S3Exception when the request is not authentic
     */
    Authentication verify(RequestHead request, String virtualHostBucket) throws S3Exception;
}
