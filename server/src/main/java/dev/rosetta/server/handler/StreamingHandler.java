package dev.rosetta.server.handler;

import dev.rosetta.server.body.BodySink;

/**
 * An operation whose body streams to disk (PutObject, UploadPart). {@link #open} runs on the blocking
 * executor before any body byte is taken (and before {@code 100 Continue} is sent), so a request for a
 * missing bucket or upload is refused before its body is read.
 */
public non-sealed interface StreamingHandler extends OperationHandler {

    /** The largest body accepted (S3: 5 GiB for a single PUT and for a part). */
    long maxBodyBytes();

    /**
     * Whether a request with a body of {@code length} bytes (known in advance) may be tried whole on the network
     * event loop once its body arrived (see {@link DocumentHandler#triesOnEventLoop()}): true only when the body
     * stays in memory and the commit is asynchronous. A miss runs the request again on the blocking executor.
     */
    default boolean triesOnEventLoop(long length) {
        return false;
    }

    /**
     * Checks what can be checked before the body and prepares where it goes.
     *
     * @throws dev.rosetta.protocol.error.S3Exception the answer, when the request is refused
     */
    BodySink open(RequestContext ctx);
}
