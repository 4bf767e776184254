package dev.rosetta.server.handler;

import dev.rosetta.server.http.S3Response;

/**
 * Serves one S3 operation. {@link #handle} runs on the blocking executor, never on the event loop,
 * after the request was authenticated and its body (as the {@link #bodyPolicy} says) was read and
 * checked against the signature's payload hash and Content-MD5.
 */
public interface OperationHandler {

    /** How the body is taken; by default none is expected. */
    default BodyPolicy bodyPolicy() {
        return BodyPolicy.IGNORE;
    }

    /** Whether anonymous requests may reach {@link #handle}; if not they are AccessDenied up front. */
    default boolean allowsAnonymous() {
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
