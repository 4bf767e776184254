package dev.rosetta.server.testing;

import dev.rosetta.server.RosettaServer;
import dev.rosetta.server.config.DurabilityMode;
import dev.rosetta.server.config.KeyPair;
import dev.rosetta.server.config.ListenAddress;
import dev.rosetta.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts a real Rosetta on a free loopback port with a temporary data directory, for one test class,
 * and can restart it on the same directory. Two accounts are configured: {@link #ALICE} (primary)
 * and {@link #BOB}. Virtual-host addressing answers under {@link #DOMAIN}.
 */
public final class ServerFixture implements BeforeAllCallback, AfterAllCallback {
    public static final KeyPair ALICE = new KeyPair("AKIAALICE0000EXAMPLE", "alice/secret/KEY0000000000000000000000", "alice");
    public static final KeyPair BOB = new KeyPair("AKIABOB00000EXAMPLE", "bob/secret/KEY00000000000000000000000000", "bob");
    public static final String DOMAIN = "s3.rosetta.test";
    public static final String REGION = "us-east-1";

    private final UnaryOperator<ServerConfig.Builder> customiser;
    private Clock clock = Clock.systemUTC();
    private Path dataDir;
    private RosettaServer server;
    private int port;

    private ServerFixture(UnaryOperator<ServerConfig.Builder> customiser) {
        this.customiser = customiser;
    }

    public static ServerFixture create() {
        return new ServerFixture(b -> b);
    }

    /** A fixture whose configuration is adjusted before each start. */
    public static ServerFixture create(UnaryOperator<ServerConfig.Builder> customiser) {
        return new ServerFixture(customiser);
    }

    /** The clock the server checks request times against (fixed clocks replay recorded vectors). */
    public ServerFixture withClock(Clock c) {
        this.clock = c;
        return this;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        dataDir = Files.createTempDirectory("rosetta-test-");
        start(0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        stop();
        deleteRecursively(dataDir);
    }

    private void start(int onPort) throws IOException, InterruptedException {
        ServerConfig.Builder b = ServerConfig.builder()
                .listen(new ListenAddress("127.0.0.1", onPort))
                .dataDir(dataDir)
                .credentials(List.of(ALICE, BOB))
                .region(REGION)
                .domains(List.of(DOMAIN))
                // the default, fsync: writes then take the group committer's path, and small PUTs and initiates
                // are served on the event loop as in production
                .durability(DurabilityMode.FSYNC)
                .workerThreads(8)
                .ioThreads(2)
                .shutdownGraceMillis(5_000)
                .adminListen(new ListenAddress("127.0.0.1", 0));
        server = RosettaServer.start(customiser.apply(b).build(), clock);
        port = server.port();
    }

    /** Stops the server and starts a new one on the same data directory and port. */
    public void restart() throws IOException, InterruptedException {
        stop();
        start(port);
    }

    public void stop() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public RosettaServer server() {
        return server;
    }

    public int port() {
        return port;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port;
    }

    /** The virtual-host base endpoint {@code http://s3.rosetta.test:PORT}; resolve it to loopback. */
    public String domainEndpoint() {
        return "http://" + DOMAIN + ":" + port;
    }

    public RawHttp raw() {
        return new RawHttp("127.0.0.1", port);
    }

    static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
