package dev.rosetta.server.observe;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.function.BooleanSupplier;

/**
 * The admin listener's endpoints: {@code GET /metrics} (Prometheus text format), {@code GET /health/live}
 * (200 while the process serves) and {@code GET /health/ready} (200 once RocksDB is open and the
 * start-up sweep is done, 503 before and while stopping).
 */
final class AdminHandler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private static final String PROMETHEUS_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private final ServerMetrics metrics;
    private final BooleanSupplier ready;

    AdminHandler(ServerMetrics metrics, BooleanSupplier ready) {
        this.metrics = metrics;
        this.ready = ready;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        String path = request.uri();
        int q = path.indexOf('?');
        if (q >= 0) {
            path = path.substring(0, q);
        }
        boolean get = request.method().equals(HttpMethod.GET) || request.method().equals(HttpMethod.HEAD);
        FullHttpResponse response;
        if (!get) {
            response = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain", "method not allowed\n");
        } else if (path.equals("/metrics")) {
            response = text(HttpResponseStatus.OK, PROMETHEUS_TYPE, metrics.scrape());
        } else if (path.equals("/health/live")) {
            response = text(HttpResponseStatus.OK, "application/json", "{\"status\":\"UP\"}\n");
        } else if (path.equals("/health/ready")) {
            response = ready.getAsBoolean()
                    ? text(HttpResponseStatus.OK, "application/json", "{\"status\":\"UP\"}\n")
                    : text(HttpResponseStatus.SERVICE_UNAVAILABLE, "application/json", "{\"status\":\"DOWN\"}\n");
        } else {
            response = text(HttpResponseStatus.NOT_FOUND, "text/plain", "not found\n");
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        var f = ctx.writeAndFlush(response);
        if (!keepAlive) {
            f.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private static FullHttpResponse text(HttpResponseStatus status, String type, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        FullHttpResponse r = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, status, Unpooled.wrappedBuffer(bytes));
        r.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
        r.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, bytes.length);
        return r;
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
