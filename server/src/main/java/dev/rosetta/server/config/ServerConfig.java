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
        long shutdownGraceMillis,
        long minPartSize,
        ListenAddress adminListen,
        AccessLogFormat accessLog,
        Path tlsCert,
        Path tlsKey,
        ListenAddress httpListen,
        int abortIncompleteUploadsAfterDays,
        int lifecycleIntervalSeconds,
        int inlineThresholdBytes,
        SseConfig sse) {

    public static final String DEFAULT_LISTEN = "0.0.0.0:9000";
    public static final String DEFAULT_DATA_DIR = "./data";
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ADMIN_LISTEN = "127.0.0.1:9001";
    /** S3's smallest part (every part of a multipart upload but the last). */
    public static final long DEFAULT_MIN_PART_SIZE = 5L * 1024 * 1024;

    /** Objects up to this size live inside their RocksDB record instead of a blob file. */
    public static final int DEFAULT_INLINE_THRESHOLD = 64 * 1024;

    public ServerConfig {
        if (inlineThresholdBytes < 0 || inlineThresholdBytes > (1 << 20)) {
            throw new ConfigException("inlineThresholdBytes must be between 0 and 1048576");
        }
        credentials = List.copyOf(credentials);
        if (sse == null) {
            sse = SseConfig.defaults();
        }
        domains = List.copyOf(domains);
        endpoints = List.copyOf(endpoints);
        if (namespaces == null) {
            namespaces = DialectCatalog.Namespaces.defaults(region);
        }
        if ((tlsCert == null) != (tlsKey == null)) {
            throw new ConfigException("--tls-cert and --tls-key must be given together");
        }
        if (httpListen != null && tlsCert == null) {
            throw new ConfigException("--http-listen is a second, plain-HTTP listener beside TLS; without TLS use --listen");
        }
        if (abortIncompleteUploadsAfterDays < 0) {
            throw new ConfigException("abortIncompleteUploadsAfterDays must not be negative");
        }
        if (lifecycleIntervalSeconds < 0) {
            throw new ConfigException("lifecycleIntervalSeconds must not be negative");
        }
        if (minPartSize < 0) {
            throw new ConfigException("minPartSize must not be negative: " + minPartSize);
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
        b.minPartSize = minPartSize;
        b.adminListen = adminListen;
        b.accessLog = accessLog;
        b.tlsCert = tlsCert;
        b.tlsKey = tlsKey;
        b.httpListen = httpListen;
        b.abortIncompleteUploadsAfterDays = abortIncompleteUploadsAfterDays;
        b.lifecycleIntervalSeconds = lifecycleIntervalSeconds;
        b.inlineThresholdBytes = inlineThresholdBytes;
        b.sse = sse;
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
        /** Half the cores run event loops, the other half workers, RocksDB and the kernel's network work. */
        private int ioThreads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        private long shutdownGraceMillis = 30_000;
        private long minPartSize = DEFAULT_MIN_PART_SIZE;
        private ListenAddress adminListen = ListenAddress.parse(DEFAULT_ADMIN_LISTEN);
        private AccessLogFormat accessLog = AccessLogFormat.TEXT;
        private Path tlsCert;
        private Path tlsKey;
        private ListenAddress httpListen;
        private int abortIncompleteUploadsAfterDays;
        private int lifecycleIntervalSeconds = 3600;

        private int inlineThresholdBytes = DEFAULT_INLINE_THRESHOLD;
        private SseConfig sse = SseConfig.defaults();

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

        /** The metrics and health listener; null turns it off. */
        public Builder adminListen(ListenAddress v) {
            adminListen = v;
            return this;
        }

        public Builder accessLog(AccessLogFormat v) {
            accessLog = v;
            return this;
        }

        /** PEM certificate chain and private key: the main listener then speaks HTTPS. */
        public Builder tls(Path cert, Path key) {
            tlsCert = cert;
            tlsKey = key;
            return this;
        }

        /** A second listener speaking plain HTTP beside a TLS main listener; null for none. */
        public Builder httpListen(ListenAddress v) {
            httpListen = v;
            return this;
        }

        /** Server-wide rule: abort multipart uploads initiated more than this many days ago; 0 turns it off. */
        public Builder abortIncompleteUploadsAfterDays(int v) {
            abortIncompleteUploadsAfterDays = v;
            return this;
        }

        /**
         * Seconds between passes of the lifecycle task (aborting old incomplete multipart uploads); the
         * first pass runs shortly after start. 0 runs none in the background.
         */
        public Builder lifecycleIntervalSeconds(int v) {
            lifecycleIntervalSeconds = v;
            return this;
        }

        /** Smallest size of every part but the last in CompleteMultipartUpload (S3: 5 MiB; smaller in tests). */
        public Builder minPartSize(long v) {
            minPartSize = v;
            return this;
        }

        /** Objects up to this many bytes are stored inline in their metadata record (0 turns it off). */
        public Builder inlineThresholdBytes(int v) {
            inlineThresholdBytes = v;
            return this;
        }

        /** Server-side-encryption settings (see {@link SseConfig}). */
        public Builder sse(SseConfig v) {
            sse = v == null ? SseConfig.defaults() : v;
            return this;
        }

        /** The SSE-S3 master key file; null generates one into the data directory. */
        public Builder sseMasterKeyFile(Path v) {
            sse = sse.withMasterKeyFile(v);
            return this;
        }

        /** Accept SSE-C over plain HTTP from any address (test backends). */
        public Builder allowSseCOverHttp(boolean v) {
            sse = sse.withAllowCustomerKeysOverHttp(v);
            return this;
        }

        /** Treat loopback connections as secure for SSE-C (default true; tests turn it off). */
        public Builder trustLoopbackForSseC(boolean v) {
            sse = sse.withTrustLoopback(v);
            return this;
        }

        /** Create unknown SSE-KMS key ids on first use (default true), else 400 KMS.NotFoundException. */
        public Builder sseKmsAutoCreate(boolean v) {
            sse = sse.withKmsAutoCreate(v);
            return this;
        }

        public ServerConfig build() {
            return new ServerConfig(listen, dataDir, ephemeral, credentials, region, domains, endpoints, namespaces,
                    durability, maxHeaderBytes, maxInitialLineBytes, workerThreads, ioThreads, shutdownGraceMillis,
                    minPartSize, adminListen, accessLog, tlsCert, tlsKey, httpListen, abortIncompleteUploadsAfterDays,
                    lifecycleIntervalSeconds,
                    inlineThresholdBytes, sse);
        }
    }
}
