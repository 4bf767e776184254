package dev.rosetta.bench.http;

import dev.rosetta.bench.sign.SignableRequest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoop;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * One keep-alive HTTP/1.1 connection serving one request at a time (a closed loop: the next request is sent
 * from the previous one's callback). Bound to one event loop: every method must be called on it. Reconnects
 * by itself when the server closed the connection.
 *
 * <p>Response bodies are counted as they stream through and dropped; they are copied only when the request
 * asked for them (listings, initiate) or the status is an error (for the S3 error code), up to 4 MiB.
 */
public final class Connection {
    private static final int MAX_KEPT_BODY = 4 * 1024 * 1024;
    private static final DefaultHttpHeadersFactory HEADERS = DefaultHttpHeadersFactory.headersFactory().withValidation(false);
    private static final DefaultHttpHeadersFactory TRAILERS = DefaultHttpHeadersFactory.trailersFactory().withValidation(false);

    private final HttpTransport transport;
    private final EventLoop loop;
    private Channel channel;
    private ChannelFuture connecting;
    /** The channel the pending request was written on: only its events concern that request. */
    private Channel requestChannel;

    // the exchange in flight
    private OutgoingRequest pending;
    private Consumer<Response> callback;
    private long pendingSince;
    private boolean registered;
    private int status;
    private String reason;
    private HttpHeaders responseHeaders;
    private boolean keepAlive;
    private long bodyBytes;
    private boolean keepBody;
    private byte[] kept = new byte[1024];
    private int keptLength;

    Connection(HttpTransport transport, EventLoop loop) {
        this.transport = transport;
        this.loop = loop;
    }

    public EventLoop loop() {
        return loop;
    }

    /** Opens the connection ahead of the first request (so connecting is not measured). */
    public CompletableFuture<Void> open() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        loop.execute(() -> {
            if (channel != null && channel.isActive()) {
                done.complete(null);
                return;
            }
            ensureConnecting().addListener(f -> {
                if (f.isSuccess()) {
                    done.complete(null);
                } else {
                    done.completeExceptionally(f.cause());
                }
            });
        });
        return done;
    }

    /** Sends a request; {@code onResponse} runs on this connection's event loop, exactly once. */
    public void send(OutgoingRequest request, Consumer<Response> onResponse) {
        if (pending != null) {
            ReferenceCountUtil.release(request.body());
            throw new IllegalStateException("a request is already in flight on this connection");
        }
        if (!registered) {
            transport.register(this);
            registered = true;
        }
        pending = request;
        callback = onResponse;
        pendingSince = System.nanoTime();
        status = 0;
        reason = null;
        responseHeaders = null;
        bodyBytes = 0;
        keptLength = 0;
        keepBody = request.collectBody();
        if (channel != null && channel.isActive()) {
            write(channel);
            return;
        }
        ensureConnecting().addListener(f -> {
            if (pending != request) {
                return; // already failed (timeout)
            }
            if (f.isSuccess()) {
                write(channel);
            } else {
                Throwable c = f.cause();
                fail("connect: " + (c == null ? "failed" : c.getClass().getSimpleName() + ": " + c.getMessage()));
            }
        });
    }

    /** Closes the connection (pending request, if any, fails). */
    public void close() {
        loop.execute(() -> {
            if (registered) {
                transport.unregister(this);
                registered = false;
            }
            if (channel != null) {
                channel.close();
            }
        });
    }

    /** Called by the transport's sweep on this connection's loop: fails a request older than the timeout. */
    void checkTimeout(long now, long timeoutNanos) {
        if (pending != null && now - pendingSince > timeoutNanos) {
            timedOut();
        }
    }

    private ChannelFuture ensureConnecting() {
        if (connecting == null || (connecting.isDone() && (channel == null || !channel.isActive()))) {
            channel = null;
            ChannelFuture f = transport.connect(loop, this);
            connecting = f;
            f.addListener(x -> {
                if (x.isSuccess() && connecting == f) {
                    channel = f.channel();
                }
            });
        }
        return connecting;
    }

    private void write(Channel ch) {
        OutgoingRequest r = pending;
        requestChannel = ch;
        ByteBuf body = r.body() == null ? Unpooled.EMPTY_BUFFER : r.body();
        FullHttpRequest msg = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.valueOf(r.method()),
                r.target(), body, HEADERS, TRAILERS);
        HttpHeaders h = msg.headers();
        for (SignableRequest.Header header : r.headers()) {
            h.add(header.name(), header.value());
        }
        if (r.body() != null || r.method().equals("PUT") || r.method().equals("POST")) {
            h.set(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        }
        ch.writeAndFlush(msg, ch.voidPromise());
    }

    private void timedOut() {
        if (pending != null) {
            if (channel != null) {
                drop(channel);
            }
            fail("timeout");
        }
    }

    /** Forgets and closes a channel, so that the next request opens a new one. */
    private void drop(Channel ch) {
        if (channel == ch) {
            channel = null;
            connecting = null;
        }
        ch.close();
    }

    private void fail(String what) {
        finish(Response.failure(what));
    }

    private void finish(Response response) {
        Consumer<Response> cb = callback;
        pending = null;
        requestChannel = null;
        callback = null;
        responseHeaders = null;
        if (cb != null) {
            cb.accept(response);
        }
    }

    private void complete() {
        byte[] body = keptLength > 0 || keepBody ? Arrays.copyOf(kept, keptLength) : null;
        Response r = new Response(status, reason, responseHeaders, bodyBytes, body);
        if (!keepAlive && requestChannel != null) {
            drop(requestChannel);
        }
        if (kept.length > 64 * 1024) {
            kept = new byte[1024];
        }
        finish(r);
    }

    private void keep(ByteBuf content) {
        int n = Math.min(content.readableBytes(), MAX_KEPT_BODY - keptLength);
        if (n <= 0) {
            return;
        }
        if (keptLength + n > kept.length) {
            kept = Arrays.copyOf(kept, Math.max(keptLength + n, kept.length * 2));
        }
        content.getBytes(content.readerIndex(), kept, keptLength, n);
        keptLength += n;
    }

    ChannelInboundHandlerAdapter newHandler() {
        return new Handler();
    }

    /** Per channel: events of a channel that is no longer the connection's current one are ignored. */
    private final class Handler extends ChannelInboundHandlerAdapter {
        private boolean current(ChannelHandlerContext ctx) {
            return pending != null && requestChannel == ctx.channel();
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) {
            try {
                if (!current(ctx)) {
                    return;
                }
                HttpObject o = (HttpObject) msg;
                if (o.decoderResult().isFailure()) {
                    drop(ctx.channel());
                    fail("bad response: " + o.decoderResult().cause().getMessage());
                    return;
                }
                if (o instanceof HttpResponse res) {
                    int code = res.status().code();
                    if (code == 100) {
                        return;
                    }
                    status = code;
                    reason = res.status().reasonPhrase();
                    responseHeaders = res.headers();
                    keepAlive = HttpUtil.isKeepAlive(res);
                    keepBody |= code >= 300;
                }
                if (o instanceof HttpContent c) {
                    if (status == 0) {
                        return; // the rest of a 100 Continue
                    }
                    int n = c.content().readableBytes();
                    bodyBytes += n;
                    if (keepBody && n > 0) {
                        keep(c.content());
                    }
                    if (o instanceof LastHttpContent) {
                        complete();
                    }
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) {
            if (channel == ctx.channel()) {
                channel = null;
                connecting = null;
            }
            if (current(ctx)) {
                fail("connection closed");
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
            boolean current = current(ctx);
            drop(ctx.channel());
            if (current) {
                fail(cause.getClass().getSimpleName() + ": " + cause.getMessage());
            }
        }
    }
}
