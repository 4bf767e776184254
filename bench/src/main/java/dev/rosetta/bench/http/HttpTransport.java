package dev.rosetta.bench.http;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.netty.util.concurrent.EventExecutor;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * The client side: a small fixed set of event-loop threads (one by default, so the generator stays cheap
 * next to the server it measures) and the HTTP/1.1 connections to one host. Epoll where it loads, NIO
 * otherwise; TLS for https URLs.
 */
public final class HttpTransport implements AutoCloseable {
    /** Responses are parsed without header validation (the server is the one being measured, not checked). */
    private static final HttpDecoderConfig DECODER = new HttpDecoderConfig()
            .setMaxInitialLineLength(8192)
            .setMaxHeaderSize(65536)
            .setMaxChunkSize(65536)
            .setHeadersFactory(DefaultHttpHeadersFactory.headersFactory().withValidation(false))
            .setTrailersFactory(DefaultHttpHeadersFactory.trailersFactory().withValidation(false));

    private final EventLoopGroup group;
    private final Class<? extends Channel> channelClass;
    private final String host;
    private final int port;
    private final String hostHeader;
    private final SslContext ssl;
    private final long timeoutNanos;
    private final List<Long> threadIds = new ArrayList<>();
    /** The connections of each loop, touched only on that loop (for the timeout sweep). */
    private final java.util.Map<EventLoop, java.util.Set<Connection>> connections = new java.util.IdentityHashMap<>();

    /**
     * @param base       the endpoint or static URL (scheme, host, port)
     * @param ioThreads  event-loop threads
     * @param transport  {@code auto}, {@code epoll} or {@code nio}
     * @param insecure   trust any TLS certificate
     * @param timeoutMillis a request without a complete response by then fails ({@code transport: timeout})
     */
    public HttpTransport(URI base, int ioThreads, String transport, boolean insecure, long timeoutMillis) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new IllegalArgumentException("the URL must be http:// or https://: " + base);
        }
        if (base.getHost() == null) {
            throw new IllegalArgumentException("the URL has no host: " + base);
        }
        boolean tls = scheme.equals("https");
        this.host = base.getHost();
        this.port = base.getPort() > 0 ? base.getPort() : tls ? 443 : 80;
        this.hostHeader = base.getPort() > 0 ? base.getHost() + ":" + base.getPort() : base.getHost();
        this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        try {
            this.ssl = !tls ? null : insecure
                    ? SslContextBuilder.forClient().trustManager(InsecureTrustManagerFactory.INSTANCE).build()
                    : SslContextBuilder.forClient().build();
        } catch (SSLException e) {
            throw new IllegalStateException("TLS unavailable: " + e.getMessage(), e);
        }
        boolean epoll = switch (transport.toLowerCase(Locale.ROOT)) {
            case "auto" -> Epoll.isAvailable();
            case "epoll" -> {
                Epoll.ensureAvailability();
                yield true;
            }
            case "nio" -> false;
            default -> throw new IllegalArgumentException("transport must be auto, epoll or nio: " + transport);
        };
        DefaultThreadFactory threads = new DefaultThreadFactory("bench-io", true);
        this.group = epoll ? new EpollEventLoopGroup(ioThreads, threads) : new NioEventLoopGroup(ioThreads, threads);
        this.channelClass = epoll ? EpollSocketChannel.class : NioSocketChannel.class;
        for (EventExecutor e : group) {
            EventLoop loop = (EventLoop) e;
            java.util.Set<Connection> set = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            connections.put(loop, set);
            try {
                threadIds.add(e.submit(() -> Thread.currentThread().getId()).get());
            } catch (InterruptedException | ExecutionException ex) {
                throw new IllegalStateException(ex);
            }
            if (timeoutNanos > 0) {
                // one sweep per loop instead of a timer per request
                long period = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(TimeUnit.SECONDS.toNanos(1), timeoutNanos / 4));
                loop.scheduleAtFixedRate(() -> {
                    long now = System.nanoTime();
                    for (Connection c : set.toArray(new Connection[0])) {
                        c.checkTimeout(now, timeoutNanos);
                    }
                }, period, period, TimeUnit.NANOSECONDS);
            }
        }
    }

    void register(Connection c) {
        connections.get(c.loop()).add(c);
    }

    void unregister(Connection c) {
        connections.get(c.loop()).remove(c);
    }

    /** {@code epoll} or {@code nio}. */
    public String transportName() {
        return channelClass == EpollSocketChannel.class ? "epoll" : "nio";
    }

    /** The Host header value: host, and the port when the URL names one. */
    public String hostHeader() {
        return hostHeader;
    }

    /** The event loops, in a stable order. */
    public List<EventLoop> loops() {
        List<EventLoop> loops = new ArrayList<>();
        for (EventExecutor e : group) {
            loops.add((EventLoop) e);
        }
        return loops;
    }

    /** Ids of the event-loop threads (for their CPU time). */
    public List<Long> threadIds() {
        return threadIds;
    }

    long timeoutNanos() {
        return timeoutNanos;
    }

    /** A connection bound to one event loop (round robin); it connects on first use. */
    public Connection newConnection(EventLoop loop) {
        return new Connection(this, loop);
    }

    ChannelFuture connect(EventLoop loop, Connection owner) {
        Bootstrap b = new Bootstrap()
                .group(loop)
                .channel(channelClass)
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.SO_KEEPALIVE, true)
                .option(ChannelOption.ALLOCATOR, PooledByteBufAllocator.DEFAULT)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) Math.min(Integer.MAX_VALUE,
                        Math.max(1000, TimeUnit.NANOSECONDS.toMillis(timeoutNanos))))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        if (ssl != null) {
                            ch.pipeline().addLast(ssl.newHandler(ch.alloc(), host, port));
                        }
                        ch.pipeline().addLast(new HttpClientCodec(DECODER, false, false));
                        ch.pipeline().addLast(owner.newHandler());
                    }
                });
        return b.connect(host, port);
    }

    @Override
    public void close() {
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(10, TimeUnit.SECONDS);
    }
}
