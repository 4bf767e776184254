package dev.rosetta.server.netty;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.server.handler.BodyPolicy;
import dev.rosetta.server.http.ErrorResponses;
import dev.rosetta.server.http.PreparedRequest;
import dev.rosetta.server.http.RequestIds;
import dev.rosetta.server.http.RequestProcessor;
import dev.rosetta.server.http.S3Response;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One connection's request/response cycle. The head is checked on the event loop
 * ({@link RequestProcessor#admit}); only then is {@code 100 Continue} sent and the body read. The
 * handler runs on the blocking executor; reading is paused until its response is written, which
 * keeps pipelined requests in order and bounds the memory a connection can take.
 */
public final class S3ChannelHandler extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger(S3ChannelHandler.class);
    /** After an early refusal, up to this many body bytes are read and dropped to keep the connection. */
    private static final long DRAIN_LIMIT = 64 * 1024;

    private final RequestProcessor processor;
    private final ResponseEncoder encoder;
    private final RequestIds ids;
    private final Executor executor;
    private final InFlightRequests inFlight;
    private final BooleanSupplier draining;
    private final ArrayDeque<Object> queued = new ArrayDeque<>(2);
    private ChannelHandlerContext ctx;
    private Exchange current;

    /** The state of the request being served on this connection. */
    private static final class Exchange {
        final String requestId;
        final HttpRequest request;
        final boolean head;
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

        Exchange(String requestId, HttpRequest request) {
            this.requestId = requestId;
            this.request = request;
            this.head = HttpMethod.HEAD.equals(request.method());
        }
    }

    S3ChannelHandler(RequestProcessor processor, ResponseEncoder encoder, RequestIds ids, Executor executor,
                     InFlightRequests inFlight, BooleanSupplier draining) {
        this.processor = processor;
        this.encoder = encoder;
        this.ids = ids;
        this.executor = executor;
        this.inFlight = inFlight;
        this.draining = draining;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (current != null && current.requestConsumed) {
            queued.add(msg); // a pipelined request: served once the current response is written
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
        ex.dialect = processor.dialectFor(head);
        try {
            ex.prepared = processor.admit(ex.requestId, head);
            ex.dialect = ex.prepared.context().dialect();
        } catch (S3Exception e) {
            refuse(ex, e);
            return;
        } catch (RuntimeException e) {
            log.error("request {} failed before its body was read", ex.requestId, e);
            refuse(ex, new S3Exception(S3ErrorCode.INTERNAL_ERROR));
            return;
        }
        BodyPolicy policy = ex.prepared.bodyPolicy();
        ex.maxBodyBytes = policy.maxBytes();
        if (HttpUtil.getContentLength(request, -1L) > policy.maxBytes()) {
            refuse(ex, new S3Exception(S3ErrorCode.MAX_MESSAGE_LENGTH_EXCEEDED)
                    .with("MaxMessageLengthBytes", Long.toString(policy.maxBytes())));
            return;
        }
        if (HttpUtil.is100ContinueExpected(request)) {
            ctx.writeAndFlush(new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.CONTINUE,
                    Unpooled.EMPTY_BUFFER));
        }
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
        ctx.channel().config().setAutoRead(false);
        byte[] body = ex.body == null ? new byte[0] : ByteBufUtil.getBytes(ex.body);
        releaseBody(ex);
        try {
            executor.execute(() -> run(ex, body));
        } catch (RejectedExecutionException e) {
            respondError(ex, new S3Exception(S3ErrorCode.SLOW_DOWN));
        }
    }

    /** On the blocking executor. */
    private void run(Exchange ex, byte[] body) {
        S3Response response;
        try {
            response = processor.execute(ex.prepared, body);
        } catch (S3Exception e) {
            response = errorResponse(ex, e);
        } catch (Throwable t) {
            log.error("request {} ({}) failed", ex.requestId, ex.prepared.context().operation().s3Name(), t);
            response = errorResponse(ex, new S3Exception(S3ErrorCode.INTERNAL_ERROR));
        }
        S3Response r = response;
        ctx.executor().execute(() -> respond(ex, r));
    }

    private S3Response errorResponse(Exchange ex, S3Exception e) {
        return ErrorResponses.of(e, ex.dialect, ex.resource, ex.requestId, ids.hostId(ex.requestId));
    }

    private void respondError(Exchange ex, S3Exception e) {
        respond(ex, errorResponse(ex, e));
    }

    /** On the event loop. */
    private void respond(Exchange ex, S3Response response) {
        if (ex.responseStarted) {
            return;
        }
        ex.responseStarted = true;
        if (!ctx.channel().isActive()) {
            finish(ex);
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(ex.request) && !ex.closeAfterResponse && !draining.getAsBoolean();
        if (!keepAlive) {
            ex.closeAfterResponse = true;
        }
        var res = encoder.encode(ctx.alloc(), response, ex.dialect, ex.requestId, ids.hostId(ex.requestId),
                ex.head, keepAlive, ex.request.protocolVersion());
        ctx.writeAndFlush(res).addListener((ChannelFutureListener) f -> {
            ex.responseWritten = true;
            if (!f.isSuccess() || ex.closeAfterResponse) {
                f.channel().close();
                finish(ex);
            } else {
                maybeFinish(ex);
            }
        });
    }

    private void maybeFinish(Exchange ex) {
        if (ex.requestConsumed && ex.responseWritten) {
            finish(ex);
            if (ctx.channel().isActive()) {
                ctx.channel().config().setAutoRead(true);
                while (current == null && !queued.isEmpty()) {
                    channelRead(ctx, queued.poll());
                }
                while (current != null && !current.requestConsumed && !queued.isEmpty()) {
                    channelRead(ctx, queued.poll());
                }
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
    }

    private static void releaseBody(Exchange ex) {
        if (ex.body != null) {
            ex.body.release();
            ex.body = null;
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        Exchange ex = current;
        if (ex != null && !ex.responseStarted) {
            // the client left; the handler (if running) answers into a closed channel
            if (!ex.requestConsumed || ex.prepared == null) {
                finish(ex);
            }
        }
        while (!queued.isEmpty()) {
            ReferenceCountUtil.release(queued.poll());
        }
        super.channelInactive(ctx);
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof IdleStateEvent) {
            Exchange ex = current;
            if (ex == null) {
                ctx.close();
            } else if (!ex.requestConsumed && !ex.responseStarted) {
                ex.discarding = true;
                ex.closeAfterResponse = true;
                releaseBody(ex);
                respondError(ex, new S3Exception(S3ErrorCode.REQUEST_TIMEOUT));
            }
            return;
        }
        super.userEventTriggered(ctx, evt);
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
