package dev.rosetta.server.netty;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.server.body.ResponseBody;
import dev.rosetta.server.body.SerialExecutor;
import dev.rosetta.server.body.StreamingBody;
import dev.rosetta.server.handler.BodyPolicy;
import dev.rosetta.server.handler.ClientConnection;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.StreamingHandler;
import dev.rosetta.server.http.ErrorResponses;
import dev.rosetta.server.http.PreparedRequest;
import dev.rosetta.server.http.RequestIds;
import dev.rosetta.server.http.RequestProcessor;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.server.observe.RequestEvent;
import dev.rosetta.server.observe.RequestObserver;
import dev.rosetta.storage.CacheOnlyReads;
import dev.rosetta.storage.WouldBlockException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.DefaultFileRegion;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.stream.ChunkedNioFile;
import io.netty.handler.stream.ChunkedWriteHandler;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's request/response cycle. The head is checked on the event loop
 * ({@link RequestProcessor#admit}). A document body is read whole (bounded) and handed to the
 * blocking executor; a streamed body goes buffer by buffer to a per-request {@link SerialExecutor},
 * with reading paused while more than {@link #HIGH_WATERMARK} bytes wait for the disk. A request
 * pipelined behind one not yet answered is queued, and reading stops until that answer is written: pipelined
 * requests keep their order and at most one read's worth of them waits. Reading is not paused otherwise (a
 * pause and a resume cost two {@code epoll_ctl} calls per request).
 */
public final class S3ChannelHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(S3ChannelHandler.class);
    /** After an early refusal, up to this many body bytes are read and dropped to keep the connection. */
    private static final long DRAIN_LIMIT = 64 * 1024;
    /** Body bytes queued for the disk above which reading stops, and below which it resumes. */
    static final long HIGH_WATERMARK = 4L << 20;
    static final long LOW_WATERMARK = 1L << 20;
    /** A streamed body up to this size may be gathered and the request tried whole on the event loop. */
    static final long EVENT_LOOP_BODY_LIMIT = 64 * 1024;

    private final RequestProcessor processor;
    private final ResponseEncoder encoder;
    private final RequestIds ids;
    private final Executor executor;
    private final InFlightRequests inFlight;
    private final BooleanSupplier draining;
    private final RequestObserver observer;
    private final ArrayDeque<Object> queued = new ArrayDeque<>(2);
    private ReadIdleTimer idle;
    private ChannelHandlerContext ctx;
    private Exchange current;
    private ClientConnection connection;
    private String remoteAddress;
    /** The exchange whose queued body steps wait for the worker to be started. */
    private Exchange pendingKick;

    /** The state of the request being served on this connection. Event-loop fields unless noted. */
    private static final class Exchange {
        final String requestId;
        final HttpRequest request;
        final boolean head;
        final long startNanos = System.nanoTime();
        final long startMillis = System.currentTimeMillis();
        int status;
        String errorCode;
        long bytesOut;
        Dialect dialect;
        String resource;
        PreparedRequest prepared;
        CompositeByteBuf body;
        long bodyBytes;
        long maxBodyBytes;
        boolean discarding;
        boolean closeAfterResponse;
        boolean requestConsumed;
        boolean responseStarted;
        boolean responseWritten;
        boolean finished;
        // streamed bodies
        /** Set when a small streamed body is gathered whole and the request tried on the event loop first. */
        StreamingHandler onLoop;
        StreamingBody streaming;
        SerialExecutor serial;
        /** Body bytes handed to the worker and not yet written; decremented there. */
        final AtomicLong queuedBytes = new AtomicLong();
        /** Whether reading was paused because the disk is behind (written on the loop, read on the worker). */
        volatile boolean readingPaused;
        boolean expectContinue;
        /** Set on the worker when the body failed; read there too. */
        volatile boolean failed;

        Exchange(String requestId, HttpRequest request) {
            this.requestId = requestId;
            this.request = request;
            this.head = HttpMethod.HEAD.equals(request.method());
        }
    }

    S3ChannelHandler(RequestProcessor processor, ResponseEncoder encoder, RequestIds ids, Executor executor,
                     InFlightRequests inFlight, BooleanSupplier draining, RequestObserver observer) {
        this.processor = processor;
        this.encoder = encoder;
        this.ids = ids;
        this.executor = executor;
        this.inFlight = inFlight;
        this.draining = draining;
        this.observer = observer;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
        this.idle = new ReadIdleTimer(ctx, S3ChannelInitializer.IDLE_SECONDS, TimeUnit.SECONDS, this::onReadIdle);
        if (ctx.channel().isActive()) {
            idle.start();
        }
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        idle.start();
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        idle.onRead();
        if (current != null && current.requestConsumed) {
            queued.add(msg); // a pipelined request: served once the current response is written
            ctx.channel().config().setAutoRead(false);
            return;
        }
        if (msg instanceof HttpRequest request) {
            if (current != null) {
                ReferenceCountUtil.release(msg);
                ctx.close();
                return;
            }
            startExchange(request);
        }
        if (msg instanceof HttpContent content) {
            onContent(content);
        } else if (!(msg instanceof HttpRequest)) {
            ReferenceCountUtil.release(msg);
        }
    }

    // --- the head ---

    private void startExchange(HttpRequest request) {
        inFlight.begin();
        Exchange ex = new Exchange(ids.next(), request);
        current = ex;
        if (request.decoderResult().isFailure()) {
            ex.dialect = processor.defaultDialect();
            ex.discarding = true;
            ex.closeAfterResponse = true;
            respondError(ex, decoderError(request.decoderResult().cause()));
            return;
        }
        NettyRequestHead head = new NettyRequestHead(request);
        ex.resource = head.rawPath();
        RequestProcessor.Classified classified = processor.classify(head);
        ex.dialect = classified.dialect();
        try {
            ex.prepared = processor.admit(ex.requestId, head, classified, connection());
        } catch (S3Exception e) {
            refuse(ex, e);
            return;
        } catch (RuntimeException e) {
            log.error("request {} failed before its body was read", ex.requestId, e);
            refuse(ex, new S3Exception(S3ErrorCode.INTERNAL_ERROR));
            return;
        }
        ex.expectContinue = HttpUtil.is100ContinueExpected(request);
        long declaredLength = HttpUtil.getContentLength(request, -1L);
        if (ex.prepared.handler() instanceof StreamingHandler streaming) {
            startStreaming(ex, streaming, declaredLength);
            return;
        }
        BodyPolicy policy = ((DocumentHandler) ex.prepared.handler()).bodyPolicy();
        ex.maxBodyBytes = policy.maxBytes();
        if (declaredLength > policy.maxBytes()) {
            refuse(ex, new S3Exception(S3ErrorCode.MAX_MESSAGE_LENGTH_EXCEEDED)
                    .with("MaxMessageLengthBytes", Long.toString(policy.maxBytes())));
            return;
        }
        if (ex.expectContinue) {
            sendContinue();
        }
    }

    /** TLS or not, and whether the peer is on this machine (for the SSE-C transport rule); once per connection. */
    private ClientConnection connection() {
        ClientConnection c = connection;
        if (c == null) {
            boolean tls = ctx.pipeline().get(SslHandler.class) != null;
            boolean loopback = ctx.channel().remoteAddress() instanceof InetSocketAddress a && a.getAddress() != null
                    && a.getAddress().isLoopbackAddress();
            c = new ClientConnection(tls, loopback);
            connection = c;
        }
        return c;
    }

    /** The peer's address as the access log writes it; once per connection. */
    private String remoteAddress() {
        String r = remoteAddress;
        if (r == null) {
            r = String.valueOf(ctx.channel().remoteAddress());
            remoteAddress = r;
        }
        return r;
    }

    /** Answers a request before its body was read; keeps the connection only if little body could follow. */
    private void refuse(Exchange ex, S3Exception error) {
        HttpRequest r = ex.request;
        boolean chunked = HttpUtil.isTransferEncodingChunked(r);
        long length = HttpUtil.getContentLength(r, 0L);
        if (chunked || length > DRAIN_LIMIT || (length > 0 && HttpUtil.is100ContinueExpected(r))) {
            ex.closeAfterResponse = true;
        }
        ex.discarding = true;
        respondError(ex, error);
    }

    private void sendContinue() {
        ctx.writeAndFlush(ResponseEncoder.continueResponse(ctx.alloc()));
    }

    // --- streamed bodies ---

    private void startStreaming(Exchange ex, StreamingHandler handler, long declaredLength) {
        if (declaredLength < 0 && !HttpUtil.isTransferEncodingChunked(ex.request)) {
            refuse(ex, new S3Exception(S3ErrorCode.MISSING_CONTENT_LENGTH));
            return;
        }
        // aws-chunked framing adds bytes; there the decoded length is what counts (the decoder enforces it)
        boolean awsChunked = isAwsChunked(ex);
        long objectLength = awsChunked
                ? parseLong(ex.request.headers().get("x-amz-decoded-content-length"), -1L) : declaredLength;
        if (objectLength > handler.maxBodyBytes()) {
            refuse(ex, new S3Exception(S3ErrorCode.ENTITY_TOO_LARGE)
                    .with("ProposedSize", Long.toString(objectLength))
                    .with("MaxSizeAllowed", Long.toString(handler.maxBodyBytes())));
            return;
        }
        if (!ex.expectContinue && declaredLength >= 0 && declaredLength <= EVENT_LOOP_BODY_LIMIT
                && handler.triesOnEventLoop(objectLength)) {
            ex.onLoop = handler; // gathered like a document body (Content-Length bounds it), then tried here
            ex.maxBodyBytes = declaredLength;
            return;
        }
        ex.maxBodyBytes = awsChunked ? Long.MAX_VALUE : handler.maxBodyBytes();
        ex.streaming = new StreamingBody(ex.prepared.context(), handler);
        ex.serial = new SerialExecutor(executor);
        if (ex.expectContinue) {
            // nothing arrives until 100 Continue, which is sent once the handler accepted the request
            ctx.channel().config().setAutoRead(false);
        }
        onWorker(ex, () -> {
            ex.streaming.open();
            if (ex.expectContinue) {
                ctx.executor().execute(() -> {
                    if (!ex.responseStarted) {
                        sendContinue();
                        ctx.channel().config().setAutoRead(true);
                    }
                });
            }
        });
        if (ex.expectContinue) {
            kickWorker(); // no more of this request arrives until the open step has run
        }
    }

    private static long parseLong(String value, long fallback) {
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static boolean isAwsChunked(Exchange ex) {
        String encoding = ex.request.headers().get("content-encoding");
        return encoding != null && encoding.toLowerCase(java.util.Locale.ROOT).contains("aws-chunked");
    }

    private void onStreamContent(Exchange ex, HttpContent content, boolean last) {
        ByteBuf buf = content.content().retain();
        content.release();
        int size = buf.readableBytes();
        ex.bodyBytes += size;
        if (ex.bodyBytes > ex.maxBodyBytes) {
            buf.release();
            ex.failed = true;
            onWorkerUnchecked(ex, ex.streaming::abort);
            failOnLoop(ex, new S3Exception(S3ErrorCode.ENTITY_TOO_LARGE)
                    .with("MaxSizeAllowed", Long.toString(ex.maxBodyBytes)));
            return;
        }
        if (size > 0) {
            if (ex.queuedBytes.addAndGet(size) > HIGH_WATERMARK && !ex.readingPaused) {
                ex.readingPaused = true;
                ctx.channel().config().setAutoRead(false);
                // the worker may have drained below the low mark before it could see the pause
                resumeIfDrained(ex);
            }
            onWorker(ex, () -> {
                try {
                    feed(ex.streaming, buf);
                } finally {
                    buf.release();
                    // only a paused connection needs the event loop told; otherwise no wakeup at all
                    if (ex.queuedBytes.addAndGet(-size) < LOW_WATERMARK && ex.readingPaused) {
                        ctx.executor().execute(() -> resumeIfDrained(ex));
                    }
                }
            }, buf);
        } else {
            buf.release();
        }
        if (last) {
            ex.requestConsumed = true;
            onWorker(ex, () -> answer(ex, ex.streaming.finish()));
        }
    }

    /**
     * On the event loop, once a small streamed body arrived whole: runs the request here with cache-only reads
     * (decoding, digests, checks, and the commit handed to the group committer); when it needs the disk, runs it
     * again from the gathered bytes on the worker, as any streamed body.
     */
    private void dispatchStreamedOnLoop(Exchange ex) {
        ByteBuf body = ex.body == null ? Unpooled.EMPTY_BUFFER : ex.body;
        ex.body = null;
        StreamingBody attempt = new StreamingBody(ex.prepared.context(), ex.onLoop);
        CompletionStage<S3Response> pending;
        try {
            pending = CacheOnlyReads.attempt(() -> {
                attempt.open();
                feed(attempt, body);
                try {
                    return attempt.finish();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (WouldBlockException e) {
            attempt.abort();
            streamOnWorker(ex, body);
            return;
        } catch (RuntimeException e) {
            attempt.abort();
            body.release();
            respond(ex, failureResponse(ex, e));
            return;
        }
        body.release();
        answer(ex, pending);
    }

    /** The usual streamed path (open, write, finish on the worker) over a body already gathered whole. */
    private void streamOnWorker(Exchange ex, ByteBuf body) {
        ex.streaming = new StreamingBody(ex.prepared.context(), ex.onLoop);
        ex.serial = new SerialExecutor(executor);
        onWorker(ex, ex.streaming::open);
        onWorker(ex, () -> {
            try {
                feed(ex.streaming, body);
            } finally {
                body.release();
            }
        }, body);
        onWorker(ex, () -> answer(ex, ex.streaming.finish()));
        kickWorker();
    }

    private static void feed(StreamingBody body, ByteBuf bytes) {
        for (ByteBuffer b : bytes.nioBuffers()) {
            body.accept(b);
        }
    }

    /**
     * Sends the answer once it is complete: on the group committer's thread when a write became durable, on a
     * worker, or here on the event loop when it already is.
     */
    private void answer(Exchange ex, CompletionStage<S3Response> pending) {
        pending.whenComplete((response, failure) -> {
            S3Response answer = failure == null ? response : failureResponse(ex, failure);
            if (ctx.executor().inEventLoop()) {
                respond(ex, answer);
            } else {
                ctx.executor().execute(() -> respond(ex, answer));
            }
        });
    }

    /** On the event loop: resumes reading a body that was paused once the disk has caught up. */
    private void resumeIfDrained(Exchange ex) {
        if (ex.readingPaused && ex.queuedBytes.get() < LOW_WATERMARK && !ex.requestConsumed && !ex.discarding
                && ctx.channel().isActive()) {
            ex.readingPaused = false;
            ctx.channel().config().setAutoRead(true);
        }
    }

    /** A body step run in order on the worker; a failure aborts the body and answers the error. */
    private interface BodyStep {
        void run() throws IOException;
    }

    private void onWorker(Exchange ex, BodyStep step) {
        onWorker(ex, step, null);
    }

    /**
     * Queues a body step; the worker is started once per read burst ({@link #channelReadComplete}), so that
     * a small PUT's open, write and finish cost one worker wakeup, not three.
     */
    private void onWorker(Exchange ex, BodyStep step, ByteBuf toReleaseIfRejected) {
        ex.serial.enqueue(() -> {
            if (ex.failed) {
                if (toReleaseIfRejected != null) {
                    toReleaseIfRejected.release();
                }
                return;
            }
            try {
                step.run();
            } catch (S3Exception e) {
                failBody(ex, e);
            } catch (UncheckedIOException | IOException e) {
                log.warn("request {}: body could not be stored: {}", ex.requestId, e.toString());
                failBody(ex, new S3Exception(S3ErrorCode.INTERNAL_ERROR));
            } catch (RuntimeException e) {
                log.error("request {} ({}) failed", ex.requestId, ex.prepared.context().operation().s3Name(), e);
                failBody(ex, new S3Exception(S3ErrorCode.INTERNAL_ERROR));
            }
        });
        pendingKick = ex;
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        kickWorker();
        ctx.fireChannelReadComplete();
    }

    /** Starts the worker on the body steps queued since the last kick. */
    private void kickWorker() {
        Exchange ex = pendingKick;
        if (ex == null) {
            return;
        }
        pendingKick = null;
        try {
            ex.serial.kick();
        } catch (RejectedExecutionException e) {
            // rejected only when no step of this body is running, so aborting here races with nothing;
            // the queued steps see the failure and only release their buffers
            ex.failed = true;
            ex.serial.runQueuedHere();
            ex.streaming.abort();
            failOnLoop(ex, new S3Exception(S3ErrorCode.SLOW_DOWN));
        }
    }

    /** Runs a step after every queued one regardless of failure (the abort of a failed body). */
    private static void onWorkerUnchecked(Exchange ex, Runnable step) {
        try {
            ex.serial.execute(step);
        } catch (RejectedExecutionException e) {
            step.run(); // nothing of this body is running when the serial executor cannot start
        }
    }

    /** On the worker: discard the body's work, then answer the error on the event loop. */
    private void failBody(Exchange ex, S3Exception error) {
        ex.failed = true;
        ex.streaming.abort();
        ctx.executor().execute(() -> failOnLoop(ex, error));
    }

    private void failOnLoop(Exchange ex, S3Exception error) {
        if (!ex.requestConsumed) {
            ex.discarding = true;
            ex.closeAfterResponse = true; // the rest of the body is not wanted
            ctx.channel().config().setAutoRead(true);
        }
        respondError(ex, error);
    }

    // --- document bodies ---

    private void onContent(HttpContent content) {
        Exchange ex = current;
        boolean last = content instanceof LastHttpContent;
        if (ex == null || ex.requestConsumed) {
            content.release();
            return;
        }
        if (ex.discarding) {
            content.release();
            if (last) {
                ex.requestConsumed = true;
                maybeFinish(ex);
            }
            return;
        }
        if (ex.streaming != null) {
            onStreamContent(ex, content, last);
            return;
        }
        int size = content.content().readableBytes();
        ex.bodyBytes += size;
        if (ex.bodyBytes > ex.maxBodyBytes) {
            content.release();
            releaseBody(ex);
            ex.discarding = true;
            ex.closeAfterResponse = true;
            respondError(ex, new S3Exception(S3ErrorCode.MAX_MESSAGE_LENGTH_EXCEEDED)
                    .with("MaxMessageLengthBytes", Long.toString(ex.maxBodyBytes)));
            if (last) {
                ex.requestConsumed = true;
                maybeFinish(ex);
            }
            return;
        }
        if (size > 0) {
            if (ex.body == null) {
                ex.body = ctx.alloc().compositeBuffer(64);
            }
            ex.body.addComponent(true, content.content().retain());
        }
        content.release();
        if (last) {
            ex.requestConsumed = true;
            dispatch(ex);
        }
    }

    private void dispatch(Exchange ex) {
        if (ex.onLoop != null) {
            dispatchStreamedOnLoop(ex);
            return;
        }
        byte[] body = ex.body == null ? new byte[0] : ByteBufUtil.getBytes(ex.body);
        releaseBody(ex);
        if (((DocumentHandler) ex.prepared.handler()).triesOnEventLoop()) {
            CompletionStage<S3Response> attempt = tryOnLoop(ex, body);
            if (attempt != null) {
                answer(ex, attempt);
                return;
            }
        }
        try {
            executor.execute(() -> answer(ex, execute(ex, body)));
        } catch (RejectedExecutionException e) {
            respondError(ex, new S3Exception(S3ErrorCode.SLOW_DOWN));
        }
    }

    /** On the event loop: the answer if the request could be served without waiting for the disk, else null. */
    private CompletionStage<S3Response> tryOnLoop(Exchange ex, byte[] body) {
        try {
            return CacheOnlyReads.attempt(() -> execute(ex, body));
        } catch (WouldBlockException e) {
            return null;
        }
    }

    /**
     * Runs the document handler; a failure it throws becomes the error response (a cache miss excepted), one
     * of the commit it started completes the answer with one.
     */
    private CompletionStage<S3Response> execute(Exchange ex, byte[] body) {
        try {
            return processor.execute(ex.prepared, body);
        } catch (WouldBlockException e) {
            throw e;
        } catch (Throwable t) {
            return CompletableFuture.completedFuture(failureResponse(ex, t));
        }
    }

    /** The error response of a failed handler: its S3 error, or InternalError (logged) for anything else. */
    private S3Response failureResponse(Exchange ex, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        if (cause instanceof S3Exception e) {
            return errorResponse(ex, e);
        }
        log.error("request {} ({}) failed", ex.requestId, ex.prepared.context().operation().s3Name(), cause);
        return errorResponse(ex, new S3Exception(S3ErrorCode.INTERNAL_ERROR));
    }

    // --- responses ---

    private S3Response errorResponse(Exchange ex, S3Exception e) {
        return ErrorResponses.of(e, ex.dialect, ex.resource, ex.requestId, ids.hostId(ex.requestId));
    }

    private void respondError(Exchange ex, S3Exception e) {
        respond(ex, errorResponse(ex, e));
    }

    /** On the event loop. */
    private void respond(Exchange ex, S3Response response) {
        ResponseBody streamBody = response.streamBody();
        if (ex.responseStarted || !ctx.channel().isActive()) {
            if (streamBody != null) {
                streamBody.close();
            }
            if (!ex.responseStarted) {
                ex.responseStarted = true;
                finish(ex);
            }
            return;
        }
        ex.responseStarted = true;
        ex.status = response.status();
        ex.errorCode = response.errorCode();
        ex.bytesOut = ex.head ? 0 : streamBody != null ? streamBody.length()
                : response.body() == null ? 0 : response.body().length;
        boolean keepAlive = HttpUtil.isKeepAlive(ex.request) && !ex.closeAfterResponse && !draining.getAsBoolean();
        if (!keepAlive) {
            ex.closeAfterResponse = true;
        }
        ChannelFuture written;
        if (streamBody == null || ex.head) {
            if (streamBody != null) {
                streamBody.close();
            }
            written = ctx.writeAndFlush(encoder.encode(ctx.alloc(), response, ex.dialect, ex.requestId,
                    ids.hostId(ex.requestId), ex.head, keepAlive, ex.request.protocolVersion(), 0));
        } else if (streamBody.segments().size() == 1
                && streamBody.segments().get(0) instanceof ResponseBody.BytesSegment b) {
            // a small in-memory body goes out in the same buffer as the head: one write, one iovec
            ByteBuf out = encoder.encode(ctx.alloc(), response, ex.dialect, ex.requestId, ids.hostId(ex.requestId),
                    false, keepAlive, ex.request.protocolVersion(), b.count());
            written = ctx.writeAndFlush(out.writeBytes(b.bytes(), b.offset(), b.count()));
        } else {
            ctx.write(encoder.encode(ctx.alloc(), response, ex.dialect, ex.requestId, ids.hostId(ex.requestId),
                    false, keepAlive, ex.request.protocolVersion(), 0));
            written = writeSegments(streamBody);
            ctx.flush();
        }
        if (!written.isDone()) {
            ctx.channel().config().setAutoRead(false); // a slow reader: no more requests until it caught up
        }
        written.addListener((ChannelFutureListener) f -> {
            ex.responseWritten = true;
            if (!f.isSuccess() || ex.closeAfterResponse) {
                f.channel().close();
                finish(ex);
            } else {
                maybeFinish(ex);
            }
        });
    }

    /**
     * Zero-copy file regions for file pieces (sendfile), buffers for in-memory ones; behind TLS, where
     * bytes must pass through the cipher, files are read in chunks instead. Encrypted blobs are always
     * read in chunks and decrypted on the way ({@link DecryptingFileInput}).
     */
    private ChannelFuture writeSegments(ResponseBody body) {
        ChannelFuture last = null;
        boolean tls = ctx.pipeline().get(SslHandler.class) != null;
        for (ResponseBody.Segment s : body.segments()) {
            if (s instanceof ResponseBody.FileSegment f) {
                if (tls) {
                    try {
                        ensureChunkedWriter();
                        last = ctx.write(new ChunkedNioFile(f.channel(), f.position(), f.count(), 64 * 1024));
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                    continue;
                }
                last = ctx.write(new DefaultFileRegion(f.channel(), f.position(), f.count()));
            } else if (s instanceof ResponseBody.BytesSegment b) {
                last = ctx.write(Unpooled.wrappedBuffer(b.bytes(), b.offset(), b.count()));
            } else if (s instanceof ResponseBody.CipherFileSegment c) {
                ensureChunkedWriter();
                last = ctx.write(new DecryptingFileInput(c.channel(), c.position(), c.count(), c.cipher(), 64 * 1024));
            }
        }
        return last != null ? last : ctx.write(Unpooled.EMPTY_BUFFER);
    }

    /**
     * Bodies read in chunks ({@link io.netty.handler.stream.ChunkedInput}) need a {@link ChunkedWriteHandler}
     * in front of this handler; it is added to a connection the first time one is written (TLS, encrypted
     * blobs), so that every other response skips its write and flush steps.
     */
    private void ensureChunkedWriter() {
        if (ctx.pipeline().get(ChunkedWriteHandler.class) == null) {
            ctx.pipeline().addBefore(ctx.name(), "chunked", new ChunkedWriteHandler());
        }
    }

    private void maybeFinish(Exchange ex) {
        if (ex.requestConsumed && ex.responseWritten) {
            finish(ex);
            if (ctx.channel().isActive()) {
                if (!ctx.channel().config().isAutoRead()) {
                    ctx.channel().config().setAutoRead(true); // paused for a slow reader
                }
                while (current == null && !queued.isEmpty()) {
                    channelRead(ctx, queued.poll());
                }
                while (current != null && !current.requestConsumed && !queued.isEmpty()) {
                    channelRead(ctx, queued.poll());
                }
                kickWorker(); // replayed outside a read burst: no channelReadComplete follows
            }
        }
    }

    private void finish(Exchange ex) {
        if (ex.finished) {
            return;
        }
        ex.finished = true;
        releaseBody(ex);
        if (current == ex) {
            current = null;
        }
        inFlight.end();
        observe(ex);
    }

    /** Tells the access log and the metrics; a request whose client left unanswered is logged as 499. */
    private void observe(Exchange ex) {
        try {
            var c = ex.prepared == null ? null : ex.prepared.context();
            String principal = c == null || c.authentication().isAnonymous() ? null
                    : c.authentication().credential().accessKey();
            observer.onRequest(new RequestEvent(ex.requestId, ex.startMillis,
                    remoteAddress(), principal,
                    ex.dialect == null ? null : ex.dialect.name(),
                    c == null ? "-" : c.operation().s3Name(), ex.request.method().name(),
                    c == null ? null : c.bucket(), c == null ? null : c.key(),
                    ex.responseStarted ? ex.status : 499, ex.errorCode, ex.bodyBytes,
                    ex.responseWritten ? ex.bytesOut : 0, System.nanoTime() - ex.startNanos));
        } catch (RuntimeException e) {
            log.warn("request observer failed: {}", e.toString());
        }
    }

    private static void releaseBody(Exchange ex) {
        if (ex.body != null) {
            ex.body.release();
            ex.body = null;
        }
    }

    // --- connection events ---

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        idle.stop();
        Exchange ex = current;
        if (ex != null && !ex.responseStarted) {
            if (ex.streaming != null && !ex.failed) {
                // the client left mid-body: whatever was written is discarded, in order, on the worker
                ex.failed = true;
                onWorkerUnchecked(ex, ex.streaming::abort);
                finish(ex);
            } else if (!ex.requestConsumed || ex.prepared == null) {
                // a document handler that is running answers into the closed channel and finishes then
                finish(ex);
            }
        }
        while (!queued.isEmpty()) {
            ReferenceCountUtil.release(queued.poll());
        }
        super.channelInactive(ctx);
    }

    /**
     * Nothing read for {@link S3ChannelInitializer#IDLE_SECONDS}: an idle connection is closed; a request
     * whose body stalled is answered 400 RequestTimeout (and the connection closed after it).
     */
    private void onReadIdle() {
        Exchange ex = current;
        if (ex == null) {
            ctx.close();
        } else if (!ex.requestConsumed && !ex.responseStarted && ctx.channel().config().isAutoRead()) {
            ex.discarding = true;
            ex.closeAfterResponse = true;
            releaseBody(ex);
            if (ex.streaming != null && !ex.failed) {
                ex.failed = true;
                onWorkerUnchecked(ex, ex.streaming::abort);
            }
            respondError(ex, new S3Exception(S3ErrorCode.REQUEST_TIMEOUT));
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof IOException) {
            log.debug("connection {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            log.warn("connection {} failed", ctx.channel().remoteAddress(), cause);
        }
        ctx.close();
    }

    private static S3Exception decoderError(Throwable cause) {
        if (cause instanceof TooLongHttpHeaderException) {
            return new S3Exception(S3ErrorCode.REQUEST_HEADER_SECTION_TOO_LARGE);
        }
        if (cause instanceof TooLongHttpLineException) {
            return new S3Exception(S3ErrorCode.INVALID_URI, "The request line exceeds the maximum allowed size.");
        }
        if (cause instanceof TooLongFrameException) {
            return new S3Exception(S3ErrorCode.INVALID_REQUEST, "A part of the request exceeds the allowed size.");
        }
        return new S3Exception(S3ErrorCode.INVALID_REQUEST, "The HTTP request could not be parsed.");
    }
}
