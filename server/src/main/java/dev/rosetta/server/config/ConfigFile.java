package dev.rosetta.server.config;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * The YAML configuration file, as written by operators. Every field is optional; names are the
 * long flag names in camel case. Unknown keys are an error, so a typo does not go unnoticed.
 *
 * <pre>
 * listen: 0.0.0.0:9000
 * dataDir: /var/lib/rosetta
 * region: us-east-1
 * domains: [s3.example.com]
 * durability: fsync
 * dialects:
 *   - {suffix: cos.example.com, style: COS}
 *   - {suffix: s3.cn-north-1.jdcloud.example, style: JD, region: cn-north-1}
 * namespaces:
 *   wos: https://www.wangsu.com/document
 * credentials:
 *   - accessKey: AKEXAMPLE
 *     secretKey: secret
 *     displayName: alice
 * </pre>
 */
public final class ConfigFile {
    public String listen;
    public String dataDir;
    public Boolean ephemeral;
    public String accessKey;
    public String secretKey;
    public List<Credential> credentials;
    public String region;
    public List<String> domains;
    public List<Endpoint> dialects;
    public Namespaces namespaces;
    public String durability;
    public Integer maxHeaderBytes;
    public Integer workerThreads;
    public Integer ioThreads;
    public Long shutdownGraceMillis;
    public Long minPartSize;
    public Integer inlineThresholdBytes;
    public String adminListen;
    public String accessLog;
    public String tlsCert;
    public String tlsKey;
    public String httpListen;
    public Integer abortIncompleteUploadsAfterDays;
    public Integer lifecycleIntervalSeconds;
    public String sseMasterKeyFile;
    public Boolean allowSseCOverHttp;
    public Boolean trustLoopbackForSseC;
    public Boolean sseKmsAutoCreate;
    public List<String> sseKmsKeys;

    /** One endpoint: a host suffix, its style, and optionally its own region. */
    public static final class Endpoint {
        @JsonProperty(required = true)
        public String suffix;
        @JsonProperty(required = true)
        public String style;
        public String region;
    }

    /** XML namespaces that depend on a region or brand; unset ones keep their defaults. */
    public static final class Namespaces {
        public String obs;
        public String wos;
        public String wcs;
    }

    /** One key pair in the file. */
    public static final class Credential {
        @JsonProperty(required = true)
        public String accessKey;
        @JsonProperty(required = true)
        public String secretKey;
        public String displayName;
    }

    public static ConfigFile load(Path path) {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        try {
            byte[] bytes = Files.readAllBytes(path);
            ConfigFile file = bytes.length == 0 ? null : yaml.readValue(bytes, ConfigFile.class);
            return file == null ? new ConfigFile() : file;
        } catch (NoSuchFileException e) {
            throw new ConfigException("configuration file not found: " + path);
        } catch (UnrecognizedPropertyException e) {
            throw new ConfigException("unknown setting '" + e.getPropertyName() + "' in " + path
                    + "; known settings: " + e.getKnownPropertyIds());
        } catch (IOException e) {
            throw new ConfigException("cannot read configuration file " + path + ": " + e.getMessage(), e);
        }
    }
}
