package dev.rosetta.server.handler;

import dev.rosetta.server.http.S3Response;

/**
 * An operation with no body or a small document body (XML), read whole before {@link #handle} runs
 * and checked against the signature's payload hash and Content-MD5.
 */
public non-sealed interface DocumentHandler extends OperationHandler {

    /** How the body is taken; by default none is expected. */
    default BodyPolicy bodyPolicy() {
        return BodyPolicy.IGNORE;
    }

    /**
     * Whether the handler only reads metadata (no writes, no files opened unless it has the data
     * in hand), so that it may first be tried on the network event loop with cache-only reads
     * ({@link dev.rosetta.storage.CacheOnlyReads}): a hit is answered without a thread hop, a miss is run
     * again on the blocking executor.
     */
    default boolean readsOnlyMetadata() {
        return false;
    }

    /**
     * Serves the request.
     *
     * @param body the request body when the policy aggregates it; an empty array otherwise
     * @throws dev.rosetta.protocol.error.S3Exception answered as the S3 error document
     */
    S3Response handle(RequestContext ctx, byte[] body);
}
