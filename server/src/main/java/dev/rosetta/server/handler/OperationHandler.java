package dev.rosetta.server.handler;

/**
 * Serves one S3 operation. A handler either takes a small document body whole
 * ({@link DocumentHandler}) or streams its body ({@link StreamingHandler}); both run on the blocking
 * executor, never on the event loop, after the request head was authenticated.
 */
public sealed interface OperationHandler permits DocumentHandler, StreamingHandler {

    /** Whether anonymous requests may reach the handler; if not they are AccessDenied up front. */
    default boolean allowsAnonymous() {
        return false;
    }
}
