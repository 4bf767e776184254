package dev.rosetta.server.netty;

import dev.rosetta.server.http.RequestIds;
import dev.rosetta.server.http.RequestProcessor;
import dev.rosetta.server.observe.RequestObserver;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.group.ChannelGroup;
import io.netty.handler.ssl.SslContext;
import java.time.Clock;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;

/**
 * The pipeline of every S3 connection: HTTP/1.1 request decoder ({@link S3RequestDecoder}), then the S3 handler, which also closes
 * idle connections ({@link ReadIdleTimer}). Responses need no HTTP encoder: {@link ResponseEncoder} writes
 * their heads as bytes, bodies follow unchanged.
 */
public final class S3ChannelInitializer extends ChannelInitializer<Channel> {
    /**
     * Seconds without a request or body bytes from the client before an idle connection is closed or a
     * stalled body refused (reported up to a quarter later: {@link ReadIdleTimer}).
     */
    static final int IDLE_SECONDS = 60;
    private static final int MAX_CHUNK_BYTES = 256 * 1024;

    private final RequestProcessor processor;
    private final ResponseEncoder encoder;
    private final RequestIds ids = new RequestIds();
    private final Executor executor;
    private final InFlightRequests inFlight;
    private final BooleanSupplier draining;
    private final ChannelGroup channels;
    private final int maxInitialLineBytes;
    private final int maxHeaderBytes;
    private final RequestObserver observer;
    private final SslContext ssl;

    /**
     * @param ssl the TLS context of an HTTPS listener, or null for plain HTTP
     */
    public S3ChannelInitializer(RequestProcessor processor, Executor executor, InFlightRequests inFlight,
                                BooleanSupplier draining, ChannelGroup channels, int maxInitialLineBytes,
                                int maxHeaderBytes, Clock clock, RequestObserver observer, SslContext ssl) {
        this.processor = processor;
        this.encoder = new ResponseEncoder(new DateHeader(clock));
        this.executor = executor;
        this.inFlight = inFlight;
        this.draining = draining;
        this.channels = channels;
        this.maxInitialLineBytes = maxInitialLineBytes;
        this.maxHeaderBytes = maxHeaderBytes;
        this.observer = observer;
        this.ssl = ssl;
    }

    @Override
    protected void initChannel(Channel ch) {
        channels.add(ch);
        if (ssl != null) {
            ch.pipeline().addLast("tls", ssl.newHandler(ch.alloc()));
        }
        ch.pipeline().addLast("http", new S3RequestDecoder(maxInitialLineBytes, maxHeaderBytes, MAX_CHUNK_BYTES));
        // file regions cannot pass through TLS, nor can encrypted blobs go out unread: the S3 handler adds a
        // ChunkedWriteHandler in front of itself the first time it writes such a body in chunks
        ch.pipeline().addLast("s3", new S3ChannelHandler(processor, encoder, ids, executor, inFlight, draining, observer));
    }
}
