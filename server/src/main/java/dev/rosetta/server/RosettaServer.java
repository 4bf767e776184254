package dev.rosetta.server;

import dev.rosetta.auth.Credential;
import dev.rosetta.auth.RequestAuthenticator;
import dev.rosetta.auth.StaticCredentialStore;
import dev.rosetta.protocol.dialect.DialectCatalog;
import dev.rosetta.protocol.routing.RoutingTable;
import dev.rosetta.server.access.Accounts;
import dev.rosetta.server.config.AccessLogFormat;
import dev.rosetta.server.config.ConfigException;
import dev.rosetta.server.config.DurabilityMode;
import dev.rosetta.server.config.GeneratedCredentials;
import dev.rosetta.server.config.KeyPair;
import dev.rosetta.server.config.ListenAddress;
import dev.rosetta.server.config.ServerConfig;
import dev.rosetta.server.crypto.SseService;
import dev.rosetta.server.handler.HandlerRegistry;
import dev.rosetta.server.expiry.ObjectExpirer;
import dev.rosetta.server.lifecycle.IncompleteUploadReaper;
import dev.rosetta.server.http.DialectResolver;
import dev.rosetta.server.http.Endpoints;
import dev.rosetta.server.http.HostStyleResolver;
import dev.rosetta.server.http.RequestProcessor;
import dev.rosetta.server.netty.InFlightRequests;
import dev.rosetta.server.netty.S3ChannelInitializer;
import dev.rosetta.server.netty.TlsContexts;
import dev.rosetta.server.netty.Transport;
import dev.rosetta.server.observe.AccessLog;
import dev.rosetta.server.observe.AdminServer;
import dev.rosetta.server.observe.RequestObserver;
import dev.rosetta.server.observe.ServerMetrics;
import dev.rosetta.storage.Durability;
import dev.rosetta.storage.blob.SweepReport;
import dev.rosetta.storage.StorageEngine;
import dev.rosetta.storage.StorageOptions;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.group.ChannelGroup;
import io.netty.channel.group.DefaultChannelGroup;
import io.netty.handler.ssl.SslContext;
import io.netty.util.concurrent.GlobalEventExecutor;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Rosetta: the metadata store, the blocking executor and the Netty listener. Start it with
 * {@link #start}; {@link #close} stops it cleanly (no new connections, in-flight requests finish,
 * RocksDB closed, an ephemeral data directory removed). Several servers may run in one JVM.
 */
public final class RosettaServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(RosettaServer.class);

    private final ServerConfig config;
    private final Path dataDir;
    private final List<KeyPair> keyPairs;
    private final boolean credentialsGenerated;
    private final StorageEngine store;
    private final ThreadPoolExecutor executor;
    private final EventLoopGroup bossGroup;
    private final EventLoopGroup workerGroup;
    private final ChannelGroup channels;
    private final InFlightRequests inFlight = new InFlightRequests();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Channel serverChannel;
    private final Channel httpChannel;
    private final EventLoopGroup adminGroup;
    private final AdminServer admin;
    private final ServerMetrics metrics;
    private final Transport transport;
    private final CompletableFuture<SweepReport> sweep = new CompletableFuture<>();
    private final IncompleteUploadReaper reaper;
    private final ObjectExpirer expirer;

    private RosettaServer(ServerConfig config, Clock clock) throws IOException {
        this.config = config;
        this.dataDir = config.ephemeral() ? Files.createTempDirectory("rosetta-") : config.dataDir();
        Files.createDirectories(dataDir);
        List<KeyPair> pairs = new ArrayList<>(config.credentials());
        boolean generated = false;
        if (pairs.isEmpty()) {
            GeneratedCredentials.Result result = GeneratedCredentials.loadOrCreate(dataDir);
            pairs.add(result.keyPair());
            generated = result.generated();
        }
        this.keyPairs = List.copyOf(pairs);
        this.credentialsGenerated = generated;
        this.store = StorageEngine.open(dataDir,
                config.durability() == DurabilityMode.FSYNC ? Durability.FSYNC : Durability.NONE,
                new StorageOptions(config.inlineThresholdBytes()));
        try {
            this.reaper = new IncompleteUploadReaper(store, clock, config.abortIncompleteUploadsAfterDays());
            this.expirer = new ObjectExpirer(store, clock);
            reaper.addSiblingTask(expirer::runOnce); // object expiry runs on the lifecycle thread, after each pass
            List<Credential> credentials = keyPairs.stream().map(Owners::credentialOf).toList();
            RequestAuthenticator authenticator = new RequestAuthenticator(new StaticCredentialStore(credentials),
                    config.region(), clock);
            List<String> domains = new ArrayList<>(config.domains());
            config.endpoints().forEach(e -> domains.add(e.suffix()));
            RequestProcessor processor = new RequestProcessor(new HostStyleResolver(domains),
                    new Endpoints(config.endpoints(), config.region()),
                    new DialectResolver(new DialectCatalog(config.namespaces())), authenticator,
                    RoutingTable.s3(), new HandlerRegistry(store, config.region(), clock, config.minPartSize(),
                            SseService.open(dataDir, config.sse()),
                            Accounts.of(keyPairs.stream().map(Owners::ownerOf).toList())), clock);
            this.executor = new ThreadPoolExecutor(config.workerThreads(), config.workerThreads(), 60,
                    TimeUnit.SECONDS, new ArrayBlockingQueue<>(8192), new NamedThreadFactory("rosetta-worker"));
            this.transport = Transport.best();
            this.bossGroup = transport.newGroup(1, "rosetta-accept");
            this.workerGroup = transport.newGroup(config.ioThreads(), "rosetta-io");
            this.channels = new DefaultChannelGroup(GlobalEventExecutor.INSTANCE);
            this.metrics = new ServerMetrics();
            metrics.bindServer(channels::size, inFlight::count);
            metrics.bindStorage(store);
            List<RequestObserver> observers = new ArrayList<>();
            observers.add(metrics);
            if (config.accessLog() != AccessLogFormat.OFF) {
                observers.add(new AccessLog(config.accessLog() == AccessLogFormat.JSON));
            }
            RequestObserver observer = RequestObserver.all(observers);
            SslContext ssl = config.tlsCert() == null ? null : TlsContexts.server(config.tlsCert(), config.tlsKey());
            this.serverChannel = bind(config.listen(), processor, observer, ssl, clock);
            this.httpChannel = config.httpListen() == null ? null
                    : bind(config.httpListen(), processor, observer, null, clock);
            this.adminGroup = config.adminListen() == null ? null : transport.newGroup(1, "rosetta-admin");
            try {
                this.admin = config.adminListen() == null ? null : new AdminServer(adminGroup,
                        transport.serverChannel(), config.adminListen().host(), config.adminListen().port(), metrics,
                        this::isReady);
            } catch (Exception e) {
                throw new ConfigException("cannot listen on " + config.adminListen() + " (admin): " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            shutdownPartially();
            throw e;
        }
    }

    private Channel bind(ListenAddress address, RequestProcessor processor, RequestObserver observer, SslContext ssl,
                         Clock clock) {
        ServerBootstrap bootstrap = new ServerBootstrap()
                .group(bossGroup, workerGroup)
                .channel(transport.serverChannel())
                .option(ChannelOption.SO_BACKLOG, 1024)
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childOption(ChannelOption.SO_KEEPALIVE, true)
                .childHandler(new S3ChannelInitializer(processor, executor, inFlight, draining::get, channels,
                        config.maxInitialLineBytes(), config.maxHeaderBytes(), clock, observer, ssl));
        try {
            return bootstrap.bind(address.host(), address.port()).sync().channel();
        } catch (Exception e) {
            throw new ConfigException("cannot listen on " + address + ": " + e.getMessage(), e);
        }
    }

    /** Starts a server with the system clock. */
    public static RosettaServer start(ServerConfig config) throws IOException {
        return start(config, Clock.systemUTC());
    }

    /** Starts a server; the clock is what signatures' times are checked against. */
    public static RosettaServer start(ServerConfig config, Clock clock) throws IOException {
        RosettaServer server = new RosettaServer(config, clock);
        log.info("listening on {}{} ({} transport), data in {}", server.serverChannel.localAddress(),
                server.config.tlsCert() != null ? " (TLS)" : "", server.transport, server.dataDir);
        if (server.httpChannel != null) {
            log.info("also listening on {} (plain HTTP)", server.httpChannel.localAddress());
        }
        if (server.admin != null) {
            log.info("metrics and health on http://{}:{}/", server.config.adminListen().host(), server.admin.port());
        }
        server.startOrphanSweep();
        server.reaper.start(Duration.ofSeconds(server.config.lifecycleIntervalSeconds()));
        return server;
    }

    /** Removes, in the background, blob files no record references (left by a crash between two steps). */
    private void startOrphanSweep() {
        Thread t = new NamedThreadFactory("rosetta-sweep").newThread(() -> {
            try {
                SweepReport report = store.sweepOrphans();
                if (report.deleted() > 0) {
                    log.info("removed {} orphaned blob files ({} bytes)", report.deleted(), report.bytesFreed());
                }
                sweep.complete(report);
            } catch (RuntimeException e) {
                if (!closed.get()) {
                    log.warn("orphan sweep failed: {}", e.toString());
                }
                sweep.completeExceptionally(e);
            }
        });
        t.start();
    }

    /** Completes when the start-up sweep of orphaned blobs has finished. */
    public CompletableFuture<SweepReport> orphanSweep() {
        return sweep;
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return ((InetSocketAddress) serverChannel.localAddress()).getPort();
    }

    /** An endpoint URL clients can use: the bound host, or 127.0.0.1 for a wildcard address. */
    public String endpoint() {
        String host = config.listen().isWildcard() ? "127.0.0.1" : config.listen().host();
        if (host.contains(":")) {
            host = "[" + host + "]";
        }
        return (config.tlsCert() != null ? "https://" : "http://") + host + ":" + port();
    }

    /** The plain-HTTP port beside TLS, or -1 when there is none. */
    public int httpPort() {
        return httpChannel == null ? -1 : ((InetSocketAddress) httpChannel.localAddress()).getPort();
    }

    /** The admin (metrics, health) port, or -1 when the admin listener is off. */
    public int adminPort() {
        return admin == null ? -1 : admin.port();
    }

    /** Ready: RocksDB is open, the start-up sweep is done, and the server is not stopping. */
    public boolean isReady() {
        return sweep.isDone() && !draining.get() && !closed.get();
    }

    /** The lifecycle task that aborts old incomplete multipart uploads (tests drive it with {@code runOnce}). */
    public IncompleteUploadReaper lifecycle() {
        return reaper;
    }

    /** Runs one lifecycle pass now, at the server clock's time (after any pass in progress). */
    public IncompleteUploadReaper.Pass runLifecycle() {
        return reaper.runOnce();
    }

    /** Runs one object-expiry pass now ({@code x-obs-expires}, lifecycle Expiration), at the server clock's time. */
    public ObjectExpirer.Pass runExpiry() {
        return expirer.runOnce();
    }

    public ServerMetrics metrics() {
        return metrics;
    }

    public String region() {
        return config.region();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** The key pairs the server accepts; the first is the primary one. */
    public List<KeyPair> keyPairs() {
        return keyPairs;
    }

    /** Whether this start generated the primary key pair (then its secret is shown once). */
    public boolean credentialsGenerated() {
        return credentialsGenerated;
    }

    public int inFlightRequests() {
        return inFlight.count();
    }

    /** Stops accepting, lets in-flight requests finish (up to the grace period), then closes everything. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        draining.set(true);
        serverChannel.close().awaitUninterruptibly();
        if (httpChannel != null) {
            httpChannel.close().awaitUninterruptibly();
        }
        try {
            if (!inFlight.awaitIdle(config.shutdownGraceMillis())) {
                log.warn("{} requests still in flight after {} ms; closing their connections",
                        inFlight.count(), config.shutdownGraceMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        channels.close().awaitUninterruptibly();
        shutdownPartially();
        log.info("stopped");
    }

    private void shutdownPartially() {
        if (admin != null) {
            admin.close();
        }
        if (adminGroup != null) {
            adminGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        if (workerGroup != null) {
            workerGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        if (bossGroup != null) {
            bossGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        }
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(config.shutdownGraceMillis(), TimeUnit.MILLISECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
        if (expirer != null) {
            expirer.close(); // before the store; stops a pass in progress at its next object
        }
        if (reaper != null) {
            reaper.close(); // before the store: a pass in progress stops at its next upload
        }
        store.close();
        if (config.ephemeral()) {
            DataDirectories.deleteRecursively(dataDir);
        }
    }
}
