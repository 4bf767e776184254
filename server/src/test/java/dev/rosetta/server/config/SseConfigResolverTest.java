package dev.rosetta.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The server-side-encryption settings from flags, environment and YAML. */
class SseConfigResolverTest {
    @TempDir
    Path dir;

    private static CommandLineOptions flags(String... args) {
        CommandLineOptions options = new CommandLineOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void defaultsGenerateTheMasterKeyTrustLoopbackAndCreateKmsKeys() {
        SseConfig sse = new ConfigResolver(Map.of()).resolve(flags()).sse();
        assertThat(sse).isEqualTo(SseConfig.defaults());
        assertThat(sse.masterKeyFile()).isNull();
        assertThat(sse.allowCustomerKeysOverHttp()).isFalse();
        assertThat(sse.trustLoopback()).isTrue();
        assertThat(sse.kmsAutoCreate()).isTrue();
    }

    @Test
    void everySettingFromYamlEnvironmentAndFlags() throws Exception {
        Path yaml = dir.resolve("rosetta.yml");
        Files.writeString(yaml, """
                sseMasterKeyFile: /from/file.key
                allowSseCOverHttp: false
                trustLoopbackForSseC: false
                sseKmsAutoCreate: true
                sseKmsKeys: [alias/app, "arn:aws:kms:us-east-1:1:key/2"]
                """);
        Map<String, String> env = new HashMap<>();
        env.put("ROSETTA_CONFIG", yaml.toString());
        env.put("ROSETTA_ALLOW_SSE_C_OVER_HTTP", "true");
        SseConfig sse = new ConfigResolver(env).resolve(flags("--sse-master-key-file", "/from/flag.key",
                "--sse-kms-auto-create", "false")).sse();
        assertThat(sse.masterKeyFile()).isEqualTo(Path.of("/from/flag.key"));
        assertThat(sse.allowCustomerKeysOverHttp()).isTrue();
        assertThat(sse.trustLoopback()).isFalse();
        assertThat(sse.kmsAutoCreate()).isFalse();
        assertThat(sse.kmsKeys()).containsExactly("alias/app", "arn:aws:kms:us-east-1:1:key/2");

        SseConfig fromFile = new ConfigResolver(Map.of("ROSETTA_CONFIG", yaml.toString())).resolve(flags()).sse();
        assertThat(fromFile.masterKeyFile()).isEqualTo(Path.of("/from/file.key"));
        assertThat(fromFile.allowCustomerKeysOverHttp()).isFalse();
        assertThat(new ConfigResolver(Map.of()).resolve(flags("--allow-sse-c-over-http")).sse()
                .allowCustomerKeysOverHttp()).isTrue();
        assertThat(List.of(fromFile.kmsKeys().size())).containsExactly(2);
    }

    @Test
    void aWrongMasterKeyFileIsAConfigurationError() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.key"), "not a key");
        ServerConfig config = ServerConfig.builder().dataDir(dir.resolve("data")).sseMasterKeyFile(bad).build();
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> dev.rosetta.server.crypto.SseService.open(dir, config.sse()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("32 bytes");
    }
}
