package dev.rosetta.server.config;

import java.util.List;
import picocli.CommandLine.Option;

/**
 * The command-line flags. A flag left out is null here, so that the environment and the YAML file
 * can supply it; {@link ConfigResolver} merges them (flags win).
 */
public final class CommandLineOptions {
    @Option(names = "--listen", paramLabel = "HOST:PORT",
            description = "Address to serve S3 on (default 0.0.0.0:9000).")
    public String listen;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Data directory (default ./data).")
    public String dataDir;

    @Option(names = "--access-key", paramLabel = "AK", description = "Access key of the server's key pair.")
    public String accessKey;

    @Option(names = "--secret-key", paramLabel = "SK", description = "Secret key of the server's key pair.")
    public String secretKey;

    @Option(names = "--region", paramLabel = "R", description = "Region the server signs for (default us-east-1).")
    public String region;

    @Option(names = "--domain", paramLabel = "SUFFIX",
            description = "Base domain for virtual-host addressing (bucket.SUFFIX); repeatable.")
    public List<String> domains;

    @Option(names = "--dialect", paramLabel = "HOST_SUFFIX=STYLE",
            description = "Answer AWS-signed and anonymous requests to this host suffix in STYLE:"
                    + " AWS, JD, OBS, COS, WOS or WCS (default AWS); repeatable.")
    public List<String> dialects;

    @Option(names = "--durability", paramLabel = "fsync|none",
            description = "fsync every write before answering (default), or none (CI).")
    public String durability;

    @Option(names = "--ephemeral", description = "Use a temporary data directory removed at exit.")
    public Boolean ephemeral;

    @Option(names = "--config", paramLabel = "FILE", description = "YAML configuration file.")
    public String config;

    @Option(names = "--admin-listen", paramLabel = "HOST:PORT|off",
            description = "Metrics (/metrics) and health (/health/live, /health/ready) listener (default 127.0.0.1:9001).")
    public String adminListen;

    @Option(names = "--access-log", paramLabel = "text|json|off", description = "Access log format (default text).")
    public String accessLog;

    @Option(names = "--tls-cert", paramLabel = "FILE", description = "PEM certificate chain: serve HTTPS.")
    public String tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE", description = "PEM private key (PKCS#8) of --tls-cert.")
    public String tlsKey;

    @Option(names = "--http-listen", paramLabel = "HOST:PORT",
            description = "With TLS, also serve plain HTTP on this address.")
    public String httpListen;

    @Option(names = "--abort-incomplete-uploads-after", paramLabel = "DAYS",
            description = "Abort multipart uploads older than DAYS in every bucket (default: never).")
    public Integer abortIncompleteUploadsAfterDays;

    @Option(names = "--sse-master-key-file", paramLabel = "FILE",
            description = "SSE-S3 master key: 32 bytes, raw or as base64/hex text (default: generated into"
                    + " DATA_DIR/sse-master.key).")
    public String sseMasterKeyFile;

    @Option(names = "--allow-sse-c-over-http",
            description = "Accept SSE-C (customer-provided keys) on plain-HTTP connections from any address"
                    + " (default: only over TLS or from loopback).")
    public Boolean allowSseCOverHttp;

    @Option(names = "--sse-kms-auto-create", paramLabel = "true|false", arity = "1",
            description = "Create an unknown SSE-KMS key id on first use (default true); false answers"
                    + " KMS.NotFoundException.")
    public Boolean sseKmsAutoCreate;
}
