package dev.rosetta.server.body;

import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.chunked.AwsChunkedDecoder;
import dev.rosetta.auth.chunked.Trailers;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.handler.StreamingHandler;
import dev.rosetta.server.http.PayloadChecks;
import dev.rosetta.server.http.S3Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The worker side of one streamed request body: decodes aws-chunked framing when the signature says
 * so, feeds each decoded buffer once to the digests and then to the handler's {@link BodySink}, and at
 * the end checks everything the request promised (chunk and trailer signatures, the SigV4 payload
 * hash, Content-MD5, the flexible checksum) before the sink may commit. Any failure aborts the sink,
 * so nothing of the request stays stored. Not thread-safe: run it on a {@link SerialExecutor}.
 */
public final class StreamingBody {
    private static final Logger log = LoggerFactory.getLogger(StreamingBody.class);
    private final RequestContext ctx;
    private final StreamingHandler handler;
    private BodySink sink;
    private AwsChunkedDecoder decoder;
    private BodyDigests digests;
    private ChecksumRequest checksum;
    private byte[] contentMd5;
    private boolean closed;
    private final Consumer<ByteBuffer> toSink = this::consumeDecoded;

    public StreamingBody(RequestContext ctx, StreamingHandler handler) {
        this.ctx = ctx;
        this.handler = handler;
    }

    /** Asks the handler for its sink and prepares decoding and digests. */
    public void open() {
        String md5Header = ctx.head().header("content-md5");
        contentMd5 = md5Header == null ? null : PayloadChecks.decodeMd5(md5Header);
        checksum = ChecksumRequest.of(ctx.head());
        PayloadRequirement payload = ctx.authentication().payload();
        if (payload instanceof PayloadRequirement.Streaming streaming) {
            decoder = AwsChunkedDecoder.forRequest(ctx.head(), streaming);
        }
        sink = handler.open(ctx);
        checksum = checksum.orCompute(sink.wantedChecksum());
        if (log.isDebugEnabled()) {
            log.debug("request {}: body {}, checksum {}{}", ctx.requestId(),
                    decoder != null ? ((PayloadRequirement.Streaming) payload).mode() : payload,
                    checksum.algorithm(), checksum.fromTrailer() ? " (trailer)" : "");
        }
        digests = new BodyDigests(true, payload instanceof PayloadRequirement.Sha256, checksum.algorithm());
    }

    /** Takes the next piece of the raw body as it came off the wire. */
    public void accept(ByteBuffer raw) {
        if (decoder != null) {
            decoder.feed(raw, toSink);
        } else {
            consumeDecoded(raw);
        }
    }

    private void consumeDecoded(ByteBuffer data) {
        digests.update(data);
        try {
            sink.write(data);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Checks what the request promised about its body, then lets the sink commit and answer.
     *
     * @return the answer, once the commit is durable; failed only when the commit failed (after which the
     *         body must not be aborted: the store already owns it)
     * @throws S3Exception when a check or the store refused the body
     */
    public CompletionStage<S3Response> finish() throws IOException {
        String checksumValue = checksum.headerValue();
        if (decoder != null) {
            Trailers trailers = decoder.finish();
            if (checksum.fromTrailer()) {
                checksumValue = trailers.get(checksum.algorithm().headerName());
                if (checksumValue == null) {
                    throw new S3Exception(S3ErrorCode.MALFORMED_TRAILER_ERROR,
                            "The request contained trailing data that was not well-formed or did not conform to our"
                                    + " published schema.");
                }
            }
        }
        byte[] sha256 = digests.sha256();
        if (ctx.authentication().payload() instanceof PayloadRequirement.Sha256 expected) {
            String computed = HexFormat.of().formatHex(sha256);
            if (!MessageDigest.isEqual(computed.getBytes(), expected.hex().getBytes())) {
                throw new S3Exception(S3ErrorCode.X_AMZ_CONTENT_SHA256_MISMATCH)
                        .with("ClientComputedContentSHA256", expected.hex())
                        .with("S3ComputedContentSHA256", computed);
            }
        }
        byte[] md5 = digests.md5();
        if (contentMd5 != null && !MessageDigest.isEqual(contentMd5, md5)) {
            throw new S3Exception(S3ErrorCode.BAD_DIGEST)
                    .with("ExpectedDigest", Base64.getEncoder().encodeToString(contentMd5))
                    .with("CalculatedDigest", Base64.getEncoder().encodeToString(md5));
        }
        String computedChecksum = null;
        if (checksum.algorithm() != null) {
            computedChecksum = Base64.getEncoder().encodeToString(digests.checksum());
            if (checksumValue != null && !checksumValue.equals(computedChecksum)) {
                throw new S3Exception(S3ErrorCode.BAD_DIGEST, "The " + checksum.algorithm().name()
                        + " you specified did not match the calculated checksum.");
            }
        }
        CompletionStage<S3Response> response = sink.complete(new ReceivedBody(digests.size(), md5, checksum.algorithm(),
                computedChecksum));
        closed = true;
        return response;
    }

    /** Discards the sink's work; safe to call at any point, more than once. */
    public void abort() {
        if (!closed && sink != null) {
            closed = true;
            sink.abort();
        }
    }
}
