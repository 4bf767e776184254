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
}
