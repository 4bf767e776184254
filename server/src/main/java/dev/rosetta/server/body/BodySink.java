package dev.rosetta.server.body;

import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import dev.rosetta.server.http.S3Response;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.CompletionStage;

/**
 * Where a streaming handler's body goes. Every method runs on the blocking executor, one at a time,
 * in order: {@link #write} for each piece of the (decoded) body, then either {@link #complete} once
 * every byte arrived and passed every check, or {@link #abort} on any failure, after which nothing
 * of the request may remain stored.
 */
public interface BodySink {

    /** A checksum the sink wants computed even if the client sent none (an upload's algorithm); null for none. */
    default ChecksumAlgorithm wantedChecksum() {
        return null;
    }

    void write(ByteBuffer data) throws IOException;

    /**
     * Commits what was written and answers. The answer may complete later, on another thread (a write the
     * group committer makes durable); the sink must not be aborted then, whatever the outcome.
     *
     * @return the answer, failed only when the commit itself failed
     * @throws dev.rosetta.protocol.error.S3Exception when the commit is refused (the sink is then aborted)
     */
    CompletionStage<S3Response> complete(ReceivedBody body) throws IOException;

    /** Discards whatever was written. Idempotent. */
    void abort();
}
