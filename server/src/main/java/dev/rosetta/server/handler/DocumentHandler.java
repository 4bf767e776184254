package dev.rosetta.server.handler;

import dev.rosetta.server.http.S3Response;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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
     * Whether the handler may first be tried on the network event loop with cache-only reads
     * ({@link dev.rosetta.storage.CacheOnlyReads}): a hit is answered without a thread hop, a miss is run
     * again on the blocking executor. True only for a handler that reads metadata (no files opened unless it
     * has the data in hand), or whose one write is an asynchronous commit, with no side effect before a miss.
     */
    default boolean triesOnEventLoop() {
        return false;
    }

    /**
     * Serves the request.
     *
     * @param body the request body when the policy aggregates it; an empty array otherwise
     * @throws dev.rosetta.protocol.error.S3Exception answered as the S3 error document
     */
    S3Response handle(RequestContext ctx, byte[] body);

    /**
     * Serves the request without waiting for the disk to sync: a handler whose write goes to the group
     * committer answers once it is durable, and the worker thread meanwhile serves other requests. By default
     * {@link #handle}, already answered.
     *
     * @return the answer; failed only when the commit itself failed
     * @throws dev.rosetta.protocol.error.S3Exception answered as the S3 error document
     */
    default CompletionStage<S3Response> handleAsync(RequestContext ctx, byte[] body) {
        return CompletableFuture.completedFuture(handle(ctx, body));
    }
}
