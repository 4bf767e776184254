package dev.rosetta.server.config;

import dev.rosetta.protocol.dialect.DialectCatalog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Merges the three sources of settings: defaults, then the YAML file, then {@code ROSETTA_*}
 * environment variables, then command-line flags. The later source wins, setting by setting.
 */
public final class ConfigResolver {
    private final Map<String, String> env;

    public ConfigResolver(Map<String, String> env) {
        this.env = env;
    }

    public ServerConfig resolve(CommandLineOptions flags) {
        String configPath = first(flags.config, env.get("ROSETTA_CONFIG"));
        ConfigFile file = configPath == null ? new ConfigFile() : ConfigFile.load(Path.of(configPath));
        ServerConfig.Builder b = ServerConfig.builder();

        String listen = first(flags.listen, env.get("ROSETTA_LISTEN"), file.listen);
        if (listen != null) {
            b.listen(ListenAddress.parse(listen));
        }
        String dataDir = first(flags.dataDir, env.get("ROSETTA_DATA_DIR"), file.dataDir);
        if (dataDir != null) {
            b.dataDir(Path.of(dataDir));
        }
        String envEphemeral = env.get("ROSETTA_EPHEMERAL");
        Boolean ephemeral = first(flags.ephemeral,
                envEphemeral == null ? null : Boolean.valueOf(parseBoolean("ROSETTA_EPHEMERAL", envEphemeral)),
                file.ephemeral);
        b.ephemeral(Boolean.TRUE.equals(ephemeral));
        String region = first(flags.region, env.get("ROSETTA_REGION"), file.region);
        if (region != null) {
            b.region(region.trim());
        }
        List<String> domains = flags.domains != null ? flags.domains
                : env.containsKey("ROSETTA_DOMAIN") ? splitList(env.get("ROSETTA_DOMAIN"))
                : file.domains;
        if (domains != null) {
            b.domains(normaliseDomains(domains));
        }
        b.endpoints(endpoints(flags, file));
        if (file.namespaces != null) {
            DialectCatalog.Namespaces defaults = DialectCatalog.Namespaces.defaults(region != null ? region.trim()
                    : ServerConfig.DEFAULT_REGION);
            b.namespaces(new DialectCatalog.Namespaces(
                    file.namespaces.obs != null ? file.namespaces.obs : defaults.obs(),
                    file.namespaces.wos != null ? file.namespaces.wos : defaults.wos(),
                    file.namespaces.wcs != null ? file.namespaces.wcs : defaults.wcs()));
        }
        String durability = first(flags.durability, env.get("ROSETTA_DURABILITY"), file.durability);
        if (durability != null) {
            b.durability(DurabilityMode.parse(durability));
        }
        if (file.maxHeaderBytes != null) {
            b.maxHeaderBytes(file.maxHeaderBytes);
        }
        if (file.workerThreads != null) {
            b.workerThreads(file.workerThreads);
        }
        if (file.ioThreads != null) {
            b.ioThreads(file.ioThreads);
        }
        if (file.shutdownGraceMillis != null) {
            b.shutdownGraceMillis(file.shutdownGraceMillis);
        }
        if (file.inlineThresholdBytes != null) {
            b.inlineThresholdBytes(file.inlineThresholdBytes);
        }
        if (file.minPartSize != null) {
            b.minPartSize(file.minPartSize);
        }
        String admin = first(flags.adminListen, env.get("ROSETTA_ADMIN_LISTEN"), file.adminListen);
        if (admin != null) {
            b.adminListen(admin.trim().equalsIgnoreCase("off") ? null : ListenAddress.parse(admin));
        }
        String accessLog = first(flags.accessLog, env.get("ROSETTA_ACCESS_LOG"), file.accessLog);
        if (accessLog != null) {
            b.accessLog(AccessLogFormat.parse(accessLog));
        }
        String cert = first(flags.tlsCert, env.get("ROSETTA_TLS_CERT"), file.tlsCert);
        String key = first(flags.tlsKey, env.get("ROSETTA_TLS_KEY"), file.tlsKey);
        b.tls(cert == null ? null : Path.of(cert), key == null ? null : Path.of(key));
        String http = first(flags.httpListen, env.get("ROSETTA_HTTP_LISTEN"), file.httpListen);
        if (http != null) {
            b.httpListen(ListenAddress.parse(http));
        }
        String envAbort = env.get("ROSETTA_ABORT_INCOMPLETE_UPLOADS_AFTER");
        Integer abortDays = first(flags.abortIncompleteUploadsAfterDays,
                envAbort == null ? null : parseInt("ROSETTA_ABORT_INCOMPLETE_UPLOADS_AFTER", envAbort),
                file.abortIncompleteUploadsAfterDays);
        if (abortDays != null) {
            b.abortIncompleteUploadsAfterDays(abortDays);
        }
        if (file.lifecycleIntervalSeconds != null) {
            b.lifecycleIntervalSeconds(file.lifecycleIntervalSeconds);
        }
        b.sse(sse(flags, file));
        b.credentials(credentials(flags, file));
        return b.build();
    }

    /** Server-side encryption: master key file, SSE-C transport rule, KMS key creation. */
    private SseConfig sse(CommandLineOptions flags, ConfigFile file) {
        SseConfig sse = SseConfig.defaults();
        String masterKey = first(flags.sseMasterKeyFile, env.get("ROSETTA_SSE_MASTER_KEY_FILE"), file.sseMasterKeyFile);
        if (masterKey != null && !masterKey.isBlank()) {
            sse = sse.withMasterKeyFile(Path.of(masterKey.trim()));
        }
        String envAllow = env.get("ROSETTA_ALLOW_SSE_C_OVER_HTTP");
        Boolean allow = first(flags.allowSseCOverHttp,
                envAllow == null ? null : Boolean.valueOf(parseBoolean("ROSETTA_ALLOW_SSE_C_OVER_HTTP", envAllow)),
                file.allowSseCOverHttp);
        if (allow != null) {
            sse = sse.withAllowCustomerKeysOverHttp(allow);
        }
        if (file.trustLoopbackForSseC != null) {
            sse = sse.withTrustLoopback(file.trustLoopbackForSseC);
        }
        String envAuto = env.get("ROSETTA_SSE_KMS_AUTO_CREATE");
        Boolean auto = first(flags.sseKmsAutoCreate,
                envAuto == null ? null : Boolean.valueOf(parseBoolean("ROSETTA_SSE_KMS_AUTO_CREATE", envAuto)),
                file.sseKmsAutoCreate);
        if (auto != null) {
            sse = sse.withKmsAutoCreate(auto);
        }
        if (file.sseKmsKeys != null) {
            sse = sse.withKmsKeys(file.sseKmsKeys);
        }
        return sse;
    }

    /** Flags replace the environment's list, which replaces the file's; a suffix may appear once. */
    private List<EndpointConfig> endpoints(CommandLineOptions flags, ConfigFile file) {
        List<EndpointConfig> out = new ArrayList<>();
        if (flags.dialects != null) {
            flags.dialects.forEach(d -> out.add(EndpointConfig.parse(d)));
        } else if (env.containsKey("ROSETTA_DIALECT")) {
            splitList(env.get("ROSETTA_DIALECT")).forEach(d -> out.add(EndpointConfig.parse(d)));
        } else if (file.dialects != null) {
            file.dialects.forEach(d -> out.add(EndpointConfig.of(d.suffix, d.style, d.region)));
        }
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (EndpointConfig e : out) {
            if (!seen.add(e.suffix())) {
                throw new ConfigException("the dialect of " + e.suffix() + " is configured twice");
            }
        }
        return out;
    }

    /** The flag/environment pair first (it is the one printed at start), then the file's pairs. */
    private List<KeyPair> credentials(CommandLineOptions flags, ConfigFile file) {
        Map<String, KeyPair> byAccessKey = new LinkedHashMap<>();
        String ak = first(flags.accessKey, env.get("ROSETTA_ACCESS_KEY"));
        String sk = first(flags.secretKey, env.get("ROSETTA_SECRET_KEY"));
        if ((ak == null) != (sk == null)) {
            throw new ConfigException("--access-key and --secret-key must be given together");
        }
        if (ak != null) {
            add(byAccessKey, new KeyPair(ak.trim(), sk.trim(), null));
        }
        if ((file.accessKey == null) != (file.secretKey == null)) {
            throw new ConfigException("accessKey and secretKey must be given together in the configuration file");
        }
        if (file.accessKey != null) {
            add(byAccessKey, new KeyPair(file.accessKey.trim(), file.secretKey.trim(), null));
        }
        if (file.credentials != null) {
            for (ConfigFile.Credential c : file.credentials) {
                add(byAccessKey, new KeyPair(c.accessKey == null ? null : c.accessKey.trim(),
                        c.secretKey == null ? null : c.secretKey.trim(), c.displayName));
            }
        }
        return new ArrayList<>(byAccessKey.values());
    }

    private static void add(Map<String, KeyPair> byAccessKey, KeyPair pair) {
        KeyPair existing = byAccessKey.get(pair.accessKey());
        if (existing != null && !existing.secretKey().equals(pair.secretKey())) {
            throw new ConfigException("access key " + pair.accessKey() + " is configured twice with different secrets");
        }
        if (existing == null) {
            byAccessKey.put(pair.accessKey(), pair);
        }
    }

    private static List<String> normaliseDomains(List<String> domains) {
        List<String> out = new ArrayList<>();
        for (String d : domains) {
            String t = d.trim().toLowerCase(java.util.Locale.ROOT);
            if (t.startsWith(".")) {
                t = t.substring(1);
            }
            if (!t.isEmpty() && !out.contains(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private static List<String> splitList(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Integer parseInt(String name, String value) {
        try {
            return Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            throw new ConfigException(name + " must be a whole number, not '" + value + "'");
        }
    }

    private static boolean parseBoolean(String name, String value) {
        String v = value.trim().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("true") || v.equals("1") || v.equals("yes")) {
            return true;
        }
        if (v.equals("false") || v.equals("0") || v.equals("no") || v.isEmpty()) {
            return false;
        }
        throw new ConfigException(name + " must be true or false, not '" + value + "'");
    }

    @SafeVarargs
    private static <T> T first(T... values) {
        for (T v : values) {
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
