package dev.rosetta.server.config;

import dev.rosetta.protocol.dialect.DialectCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a server is started with, after flags, environment and YAML have been merged.
 * {@code credentials} empty means "use the pair generated into the data directory".
 */
public record ServerConfig(
        ListenAddress listen,
        Path dataDir,
        boolean ephemeral,
        List<KeyPair> credentials,
        String region,
        List<String> domains,
        List<EndpointConfig> endpoints,
        DialectCatalog.Namespaces namespaces,
        DurabilityMode durability,
        int maxHeaderBytes,
        int maxInitialLineBytes,
        int workerThreads,
        int ioThreads,
        long shutdownGraceMillis) {

    public static final String DEFAULT_LISTEN = "0.0.0.0:9000";
    public static final String DEFAULT_DATA_DIR = "./data";
    public static final String DEFAULT_REGION = "us-east-1";

    public ServerConfig {
        credentials = List.copyOf(credentials);
        domains = List.copyOf(domains);
        endpoints = List.copyOf(endpoints);
        if (namespaces == null) {
            namespaces = DialectCatalog.Namespaces.defaults(region);
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.listen = listen;
        b.dataDir = dataDir;
        b.ephemeral = ephemeral;
        b.credentials = new ArrayList<>(credentials);
        b.region = region;
        b.domains = new ArrayList<>(domains);
        b.endpoints = new ArrayList<>(endpoints);
        b.namespaces = namespaces;
        b.durability = durability;
        b.maxHeaderBytes = maxHeaderBytes;
        b.maxInitialLineBytes = maxInitialLineBytes;
        b.workerThreads = workerThreads;
        b.ioThreads = ioThreads;
        b.shutdownGraceMillis = shutdownGraceMillis;
        return b;
    }

    /** Builds a configuration; every setting starts at its documented default. */
    public static final class Builder {
        private ListenAddress listen = ListenAddress.parse(DEFAULT_LISTEN);
        private Path dataDir = Path.of(DEFAULT_DATA_DIR);
        private boolean ephemeral;
        private List<KeyPair> credentials = new ArrayList<>();
        private String region = DEFAULT_REGION;
        private List<String> domains = new ArrayList<>();
        private List<EndpointConfig> endpoints = new ArrayList<>();
        private DialectCatalog.Namespaces namespaces;
        private DurabilityMode durability = DurabilityMode.FSYNC;
        private int maxHeaderBytes = 16 * 1024;
        private int maxInitialLineBytes = 16 * 1024;
        private int workerThreads = Math.max(16, Runtime.getRuntime().availableProcessors() * 8);
        private int ioThreads = Runtime.getRuntime().availableProcessors();
        private long shutdownGraceMillis = 30_000;

        private Builder() {
        }

        public Builder listen(ListenAddress v) {
            listen = v;
            return this;
        }

        public Builder dataDir(Path v) {
            dataDir = v;
            return this;
        }

        public Builder ephemeral(boolean v) {
            ephemeral = v;
            return this;
        }

        public Builder credentials(List<KeyPair> v) {
            credentials = new ArrayList<>(v);
            return this;
        }

        public Builder addCredential(KeyPair v) {
            credentials.add(v);
            return this;
        }

        public Builder region(String v) {
            region = v;
            return this;
        }

        public Builder domains(List<String> v) {
            domains = new ArrayList<>(v);
            return this;
        }

        public Builder endpoints(List<EndpointConfig> v) {
            endpoints = new ArrayList<>(v);
            return this;
        }

        /** The region- and brand-dependent namespaces; null derives them from the region. */
        public Builder namespaces(DialectCatalog.Namespaces v) {
            namespaces = v;
            return this;
        }

        public Builder durability(DurabilityMode v) {
            durability = v;
            return this;
        }

        public Builder maxHeaderBytes(int v) {
            maxHeaderBytes = v;
            return this;
        }

        public Builder maxInitialLineBytes(int v) {
            maxInitialLineBytes = v;
            return this;
        }

        public Builder workerThreads(int v) {
            workerThreads = v;
            return this;
        }

        public Builder ioThreads(int v) {
            ioThreads = v;
            return this;
        }

        public Builder shutdownGraceMillis(long v) {
            shutdownGraceMillis = v;
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(listen, dataDir, ephemeral, credentials, region, domains, endpoints, namespaces,
                    durability,
                    maxHeaderBytes, maxInitialLineBytes, workerThreads, ioThreads, shutdownGraceMillis);
        }
    }
}
