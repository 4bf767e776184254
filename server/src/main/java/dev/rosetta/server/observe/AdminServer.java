package dev.rosetta.server.observe;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import java.net.InetSocketAddress;
import java.util.function.BooleanSupplier;

/**
 * The admin listener ({@code --admin-listen}, default {@code 127.0.0.1:9001}): metrics and health,
 * apart from the S3 port so that it can stay private. Runs on its own event loop, so a scrape never
 * delays S3 traffic.
 */
public final class AdminServer implements AutoCloseable {
    private final Channel channel;

    public AdminServer(EventLoopGroup group, Class<? extends ServerChannel> channelType, String host, int port,
                       ServerMetrics metrics, BooleanSupplier ready) throws InterruptedException {
        this.channel = new ServerBootstrap()
                .group(group)
                .channel(channelType)
                .childHandler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        ch.pipeline()
                                .addLast(new HttpServerCodec(4096, 8192, 8192))
                                .addLast(new HttpObjectAggregator(8192))
                                .addLast(new AdminHandler(metrics, ready));
                    }
                })
                .bind(host, port).sync().channel();
    }

    public int port() {
        return ((InetSocketAddress) channel.localAddress()).getPort();
    }

    @Override
    public void close() {
        channel.close().awaitUninterruptibly();
    }
}
