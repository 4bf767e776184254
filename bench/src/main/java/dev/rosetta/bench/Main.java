package dev.rosetta.bench;

import dev.rosetta.bench.load.BenchmarkRun;
import dev.rosetta.bench.load.LoadRunner;
import dev.rosetta.bench.load.LoadSettings;
import dev.rosetta.bench.load.Mix;
import dev.rosetta.bench.report.Json;
import dev.rosetta.bench.report.Reports;
import dev.rosetta.bench.tools.FsyncCommand;
import dev.rosetta.bench.tools.TableCommand;
import dev.rosetta.bench.tools.TcpCommand;
import dev.rosetta.bench.util.Units;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar rosetta-bench.jar --endpoint URL --access-key AK --secret-key SK --op put --size 4KiB
 * --concurrency 1,16,64 --duration 15s}: a closed-loop load generator for any S3 endpoint (or, with
 * {@code --static-url}, any HTTP URL), in the spirit of MinIO's warp.
 */
@Command(name = "rosetta-bench", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        sortOptions = false, usageHelpWidth = 110,
        subcommands = {TcpCommand.class, FsyncCommand.class, TableCommand.class},
        description = {
            "Load generator for S3 endpoints: every request signed (SigV4, V2, OBS, COS or WOS), an asynchronous",
            "Netty client over keep-alive connections (one per unit of concurrency, one event-loop thread by default),",
            "a progress line each second on stderr, and a report of ops/s, MiB/s, latency percentiles, errors and",
            "CPU time per level. It creates what it needs (bucket, objects to read) and removes it afterwards.",
            "Subcommands measure the machine: tcp (loopback throughput), fsync (synced small writes); table turns",
            "--json reports into a markdown table."})
public final class Main implements Callable<Integer> {
    @Option(names = "--endpoint", paramLabel = "URL", description = "S3 endpoint, e.g. http://127.0.0.1:9000 (path-style addressing).")
    URI endpoint;

    @Option(names = "--static-url", paramLabel = "URL",
            description = "Instead of S3: GET this URL unsigned (e.g. a file served by nginx), same client and report.")
    URI staticUrl;

    @Option(names = "--access-key", paramLabel = "AK", description = "Access key (default: $AWS_ACCESS_KEY_ID).")
    String accessKey;

    @Option(names = "--secret-key", paramLabel = "SK", description = "Secret key (default: $AWS_SECRET_ACCESS_KEY).")
    String secretKey;

    @Option(names = "--region", defaultValue = "us-east-1", description = "Region of SigV4/WOS scopes (default ${DEFAULT-VALUE}).")
    String region;

    @Option(names = "--op", defaultValue = "put", paramLabel = "OP",
            description = "initiate | put | get | stat | mixed | list | multipart (default ${DEFAULT-VALUE}).")
    String op;

    @Option(names = "--size", defaultValue = "4KiB",
            description = "Object size; the part size for multipart (default ${DEFAULT-VALUE}; KiB/MiB = 1024s, KB/MB = 1000s).")
    String size;

    @Option(names = "--concurrency", defaultValue = "16", paramLabel = "N[,N...]",
            description = "Connections, one request in flight each; a list runs each level in turn (default ${DEFAULT-VALUE}).")
    String concurrency;

    @Option(names = "--duration", defaultValue = "15s", description = "Measured time per level (default ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--warmup", defaultValue = "5s", description = "Unmeasured time before each level (default ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--sign", defaultValue = "v4", paramLabel = "SCHEME",
            description = "v4 | v2 | obs | cos | wos | none (default ${DEFAULT-VALUE}).")
    String sign;

    @Option(names = "--payload", defaultValue = "unsigned", paramLabel = "unsigned|sha256",
            description = "SigV4/WOS payload hash: UNSIGNED-PAYLOAD or the body's SHA-256 (default ${DEFAULT-VALUE}).")
    String payload;

    @Option(names = "--bucket", description = "Bucket to use (default: a new rosetta-bench-<id>, removed at the end).")
    String bucket;

    @Option(names = "--prefix", description = "Key prefix of everything written (default rb-<id>/).")
    String prefix;

    @Option(names = "--objects", defaultValue = "0",
            description = "Objects prepared for get/stat/mixed (default: as many as fit in 1 GiB, 16 to 1000).")
    int objects;

    @Option(names = "--list-objects", defaultValue = "1000", description = "Objects prepared for list (default ${DEFAULT-VALUE}).")
    int listObjects;

    @Option(names = "--list-page", defaultValue = "100", description = "Keys per ListObjectsV2 page (default ${DEFAULT-VALUE}).")
    int listPage;

    @Option(names = "--parts", defaultValue = "2", description = "Parts per multipart upload (default ${DEFAULT-VALUE}).")
    int parts;

    @Option(names = "--mix", defaultValue = "get=45,stat=30,put=15,delete=10",
            description = "Shares of the mixed op in percent (default ${DEFAULT-VALUE}).")
    String mix;

    @Option(names = "--io-threads", defaultValue = "1", description = "Client event-loop threads (default ${DEFAULT-VALUE}).")
    int ioThreads;

    @Option(names = "--transport", defaultValue = "auto", description = "auto | epoll | nio (default ${DEFAULT-VALUE}).")
    String transport;

    @Option(names = "--timeout", defaultValue = "60s", description = "Per-request timeout (default ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--prepare-concurrency", defaultValue = "16",
            description = "Connections used to prepare and clean up (default ${DEFAULT-VALUE}).")
    int prepareConcurrency;

    @Option(names = "--no-cleanup", description = "Leave the bucket and objects in place.")
    boolean noCleanup;

    @Option(names = "--server-pid", paramLabel = "PID[,PID...]", split = ",",
            description = "Sample these processes' CPU time (/proc/PID/stat) around each level: server CPU per op.")
    List<Long> serverPids = new ArrayList<>();

    @Option(names = "--label", description = "A name for this run in reports (e.g. rosetta, s3proxy).")
    String label;

    @Option(names = "--json", description = "Print one JSON document on stdout instead of the text report.")
    boolean json;

    @Option(names = "--quiet", description = "No progress lines on stderr.")
    boolean quiet;

    @Option(names = "--insecure", description = "Trust any TLS certificate (https endpoints).")
    boolean insecure;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /** Runs the command line; the exit code (0 success, 1 failure, 2 usage error). */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (System.getProperty("io.netty.leakDetection.level") == null) {
            System.setProperty("io.netty.leakDetection.level", "disabled");
        }
        CommandLine cli = new CommandLine(new Main());
        cli.setOverwrittenOptionsAllowed(true); // the last of a repeated option wins (scripts append overrides)
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler((e, line, parsed) -> {
            line.getErr().println("rosetta-bench: " + (e instanceof IllegalArgumentException || e instanceof IllegalStateException
                    ? e.getMessage() : e.toString()));
            return 1;
        });
        return cli.execute(args);
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        LoadSettings settings;
        try {
            settings = settings();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        PrintStream log = new PrintStream(new WriterOutputStream(err), true);
        LoadRunner.Progress progress = quiet ? null : t -> err.println(String.format(Locale.ROOT,
                "  c=%-4d %-7s %5.0fs/%.0fs %10.1f ops/s %9.2f MiB/s  errors %d%s", t.concurrency(),
                t.warmup() ? "warmup" : "run", t.elapsedSeconds(), t.totalSeconds(), t.opsPerSecond(),
                t.bytesPerSecond() / 1048576.0, t.errors(), t.lastError() == null ? "" : " (" + t.lastError() + ")"));
        BenchmarkRun.Outcome outcome = new BenchmarkRun(settings, log).run(progress);
        if (json) {
            out.print(Json.write(Reports.json(outcome)));
        } else {
            out.print(Reports.text(outcome));
        }
        out.flush();
        return 0;
    }

    private LoadSettings settings() {
        String ak = accessKey != null ? accessKey : System.getenv("AWS_ACCESS_KEY_ID");
        String sk = secretKey != null ? secretKey : System.getenv("AWS_SECRET_ACCESS_KEY");
        if (staticUrl == null && !sign.equalsIgnoreCase("none") && (ak == null || sk == null)) {
            throw new IllegalArgumentException("--access-key and --secret-key are required (or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY)");
        }
        if (staticUrl != null && endpoint != null) {
            throw new IllegalArgumentException("give --endpoint or --static-url, not both");
        }
        if (!payload.equalsIgnoreCase("unsigned") && !payload.equalsIgnoreCase("sha256")) {
            throw new IllegalArgumentException("--payload must be unsigned or sha256");
        }
        if (ioThreads < 1 || prepareConcurrency < 1) {
            throw new IllegalArgumentException("--io-threads and --prepare-concurrency must be positive");
        }
        return new LoadSettings(endpoint, staticUrl, ak == null ? "" : ak, sk == null ? "" : sk, region, op,
                Units.parseSize(size), Units.parseIntList(concurrency), Units.parseDuration(duration),
                Units.parseDuration(warmup), sign.toLowerCase(Locale.ROOT), payload.equalsIgnoreCase("sha256"), bucket,
                prefix, objects, listObjects, listPage, parts, Mix.parse(mix), ioThreads, transport,
                Units.parseDuration(timeout) / 1_000_000, prepareConcurrency, !noCleanup, serverPids, insecure, label);
    }

    /** Bridges the picocli error writer to the PrintStream the run logs to. */
    private static final class WriterOutputStream extends java.io.OutputStream {
        private final PrintWriter w;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterOutputStream(PrintWriter w) {
            this.w = w;
        }

        @Override
        public synchronized void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public synchronized void flush() {
            w.print(line.toString(java.nio.charset.StandardCharsets.UTF_8));
            w.flush();
            line.reset();
        }
    }

    /** Version from the jar manifest when there is one. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"rosetta-bench " + (v == null ? "(development build)" : v)};
        }
    }
}
