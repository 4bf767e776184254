package dev.rosetta.testkit;

import dev.rosetta.server.RosettaServer;
import dev.rosetta.server.config.DurabilityMode;
import dev.rosetta.server.config.KeyPair;
import dev.rosetta.server.config.ListenAddress;
import dev.rosetta.server.config.ServerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A Rosetta server running inside the test's JVM: ephemeral (a temporary data directory removed when
 * closed), on a free loopback port, without fsync, with no admin listener. Every instance is
 * independent; several may run at once.
 *
 * <pre>{@code
 * try (Rosetta rosetta = Rosetta.start()) {
 *     S3Client s3 = rosetta.s3Client();
 *     ...
 * }
 * }</pre>
 */
public final class Rosetta implements AutoCloseable {
    /** The access key every testkit server accepts unless configured otherwise. */
    public static final String ACCESS_KEY = "rosetta-test";
    /** Its secret. */
    public static final String SECRET_KEY = "rosetta-test-secret";
    public static final String REGION = "us-east-1";

    private final RosettaServer server;
    private final KeyPair keys;
    private Object client;

    private Rosetta(RosettaServer server, KeyPair keys) {
        this.server = server;
        this.keys = keys;
    }

    /** Starts a server with the testkit's defaults. */
    public static Rosetta start() {
        return start(b -> b);
    }

    /**
     * Starts a server whose configuration the caller may adjust (region, domains, dialects, credentials,
     * minimum part size, ...) on top of the testkit's defaults.
     */
    public static Rosetta start(UnaryOperator<ServerConfig.Builder> customiser) {
        ServerConfig.Builder b = ServerConfig.builder()
                .listen(new ListenAddress("127.0.0.1", 0))
                .ephemeral(true)
                .durability(DurabilityMode.NONE)
                .credentials(List.of(new KeyPair(ACCESS_KEY, SECRET_KEY, "rosetta-test")))
                .region(REGION)
                .adminListen(null)
                .workerThreads(8)
                .ioThreads(1)
                .shutdownGraceMillis(5_000);
        ServerConfig config = customiser.apply(b).build();
        try {
            return new Rosetta(RosettaServer.start(config), config.credentials().isEmpty() ? null
                    : config.credentials().get(0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI endpoint() {
        return URI.create(server.endpoint());
    }

    public int port() {
        return server.port();
    }

    public String accessKey() {
        return keys().accessKey();
    }

    public String secretKey() {
        return keys().secretKey();
    }

    public String region() {
        return server.region();
    }

    private KeyPair keys() {
        return keys != null ? keys : server.keyPairs().get(0);
    }

    /** The running server, for what the handle does not offer. */
    public RosettaServer server() {
        return server;
    }

    /**
     * An AWS SDK v2 client for this server (path-style addressing), made once and closed with the server.
     * Needs {@code software.amazon.awssdk:s3} on the test classpath.
     */
    public software.amazon.awssdk.services.s3.S3Client s3Client() {
        if (client == null) {
            client = SdkClients.pathStyle(endpoint(), accessKey(), secretKey(), region());
        }
        return (software.amazon.awssdk.services.s3.S3Client) client;
    }

    @Override
    public void close() {
        if (client instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception ignored) {
                // the server goes away next anyway
            }
        }
        server.close();
    }
}
