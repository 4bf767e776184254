package dev.rosetta.server;

import dev.rosetta.server.config.CommandLineOptions;
import dev.rosetta.server.config.ConfigException;
import dev.rosetta.server.config.ConfigResolver;
import dev.rosetta.server.config.KeyPair;
import dev.rosetta.server.config.ServerConfig;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code java -jar rosetta-server.jar [options]}: starts a server and runs until SIGTERM or SIGINT.
 * Standard output carries only what scripts read (the start line, and a generated key pair once);
 * logs go to standard error.
 */
@Command(name = "rosetta", mixinStandardHelpOptions = true, versionProvider = Version.class,
        description = "An S3-compatible object storage server that speaks AWS, OBS, COS, WOS and JD Cloud dialects.",
        footer = {"", "Every option can also be set as ROSETTA_<NAME> (e.g. ROSETTA_DATA_DIR) or in the YAML file;"
                + " flags win over the environment, which wins over the file."})
public final class Main implements Callable<Integer> {
    @Mixin
    private CommandLineOptions options = new CommandLineOptions();

    public static void main(String[] args) {
        // Netty's default leak detector records a stack trace for about one buffer in 128 on every request path
        // (about 2 µs of a 4 KiB GET's 26); the command line turns it off unless asked for. Tests and embedded
        // servers (RosettaServer.start) keep Netty's default.
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            System.setProperty("io.netty.leakDetection.level", "disabled");
        }
        StartupPreloader.start();
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    @Override
    public Integer call() throws Exception {
        StartupPreloader.awaitLogging();
        ServerConfig config;
        RosettaServer server;
        try {
            config = new ConfigResolver(System.getenv()).resolve(options);
            server = RosettaServer.start(config);
        } catch (ConfigException e) {
            System.err.println("rosetta: " + e.getMessage());
            return 2;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "rosetta-shutdown"));
        printStartBanner(System.out, server);
        stopped.await();
        return 0;
    }

    static void printStartBanner(PrintStream out, RosettaServer server) {
        KeyPair primary = server.keyPairs().get(0);
        if (server.credentialsGenerated()) {
            out.println("Generated a key pair (kept in " + server.dataDir().resolve("credentials.yml")
                    + "; the secret is shown only now):");
            out.println("  access key: " + primary.accessKey());
            out.println("  secret key: " + primary.secretKey());
        }
        out.println("Rosetta " + Version.VERSION + " endpoint=" + server.endpoint() + " region=" + server.region()
                + " access-key=" + primary.accessKey());
        out.flush();
    }
}
