package dev.rosetta.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ConfigResolverTest {
    @TempDir
    Path dir;

    private static CommandLineOptions flags(String... args) {
        CommandLineOptions options = new CommandLineOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }

    @Test
    void defaultsWithoutAnyConfiguration() {
        ServerConfig c = new ConfigResolver(Map.of()).resolve(flags());
        assertThat(c.listen()).isEqualTo(new ListenAddress("0.0.0.0", 9000));
        assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
        assertThat(c.region()).isEqualTo("us-east-1");
        assertThat(c.durability()).isEqualTo(DurabilityMode.FSYNC);
        assertThat(c.ephemeral()).isFalse();
        assertThat(c.credentials()).isEmpty();
        assertThat(c.domains()).isEmpty();
    }

    @Test
    void flagsWinOverEnvironmentWhichWinsOverTheFile() throws Exception {
        Path yaml = dir.resolve("rosetta.yml");
        Files.writeString(yaml, """
                listen: 127.0.0.1:7000
                dataDir: /from/file
                region: file-region
                domains: [file.example]
                durability: none
                """);
        Map<String, String> env = new HashMap<>();
        env.put("ROSETTA_CONFIG", yaml.toString());
        env.put("ROSETTA_REGION", "env-region");
        env.put("ROSETTA_DATA_DIR", "/from/env");

        ServerConfig c = new ConfigResolver(env).resolve(flags("--data-dir", "/from/flag"));
        assertThat(c.listen()).isEqualTo(new ListenAddress("127.0.0.1", 7000));
        assertThat(c.dataDir()).isEqualTo(Path.of("/from/flag"));
        assertThat(c.region()).isEqualTo("env-region");
        assertThat(c.domains()).containsExactly("file.example");
        assertThat(c.durability()).isEqualTo(DurabilityMode.NONE);
    }

    @Test
    void everyFlagOfTheContractIsAccepted() throws Exception {
        Path yaml = dir.resolve("c.yml");
        Files.writeString(yaml, "region: x\n");
        ServerConfig c = new ConfigResolver(Map.of()).resolve(flags("--listen", "127.0.0.1:0", "--data-dir", "d",
                "--access-key", "AK", "--secret-key", "SK", "--region", "eu-west-1", "--domain", "s3.a.test",
                "--domain", ".S3.B.test", "--durability", "none", "--ephemeral", "--config", yaml.toString()));
        assertThat(c.listen().port()).isZero();
        assertThat(c.credentials()).containsExactly(new KeyPair("AK", "SK", null));
        assertThat(c.region()).isEqualTo("eu-west-1");
        assertThat(c.domains()).containsExactly("s3.a.test", "s3.b.test");
        assertThat(c.durability()).isEqualTo(DurabilityMode.NONE);
        assertThat(c.ephemeral()).isTrue();
    }

    @Test
    void severalKeyPairsFromTheFileFollowTheFlagPair() throws Exception {
        Path yaml = dir.resolve("keys.yml");
        Files.writeString(yaml, """
                credentials:
                  - accessKey: ALICE
                    secretKey: alice-secret
                    displayName: alice
                  - accessKey: BOB
                    secretKey: bob-secret
                """);
        Map<String, String> env = Map.of("ROSETTA_ACCESS_KEY", "ROOT", "ROSETTA_SECRET_KEY", "root-secret");
        ServerConfig c = new ConfigResolver(env).resolve(flags("--config", yaml.toString()));
        assertThat(c.credentials()).extracting(KeyPair::accessKey).containsExactly("ROOT", "ALICE", "BOB");
        assertThat(c.credentials().get(1).displayName()).isEqualTo("alice");
    }

    @Test
    void environmentListsAndBooleansAreParsed() {
        ServerConfig c = new ConfigResolver(Map.of("ROSETTA_DOMAIN", "a.test, b.test", "ROSETTA_EPHEMERAL", "true",
                "ROSETTA_LISTEN", ":9100", "ROSETTA_DURABILITY", "FSYNC")).resolve(flags());
        assertThat(c.domains()).containsExactly("a.test", "b.test");
        assertThat(c.ephemeral()).isTrue();
        assertThat(c.listen()).isEqualTo(new ListenAddress("0.0.0.0", 9100));
        assertThat(c.durability()).isEqualTo(DurabilityMode.FSYNC);
    }

    @Test
    void mistakesAreReportedClearly() throws Exception {
        ConfigResolver resolver = new ConfigResolver(Map.of());
        assertThatThrownBy(() -> resolver.resolve(flags("--access-key", "AK")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("together");
        assertThatThrownBy(() -> resolver.resolve(flags("--durability", "sometimes")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("fsync");
        assertThatThrownBy(() -> resolver.resolve(flags("--listen", "nowhere")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("HOST:PORT");
        assertThatThrownBy(() -> new ConfigResolver(Map.of("ROSETTA_EPHEMERAL", "perhaps")).resolve(flags()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("ROSETTA_EPHEMERAL");
        Path typo = dir.resolve("typo.yml");
        Files.writeString(typo, "regoin: x\n");
        assertThatThrownBy(() -> resolver.resolve(flags("--config", typo.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("regoin");
        assertThatThrownBy(() -> resolver.resolve(flags("--config", dir.resolve("missing.yml").toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("not found");
        Path clash = dir.resolve("clash.yml");
        Files.writeString(clash, "credentials:\n  - {accessKey: A, secretKey: one}\n  - {accessKey: A, secretKey: two}\n");
        assertThatThrownBy(() -> resolver.resolve(flags("--config", clash.toString())))
                .isInstanceOf(ConfigException.class).hasMessageContaining("twice");
    }

    @Test
    void keyPairsNeverPrintTheirSecret() {
        assertThat(new KeyPair("AK", "very-secret", "x").toString()).doesNotContain("very-secret");
        assertThat(List.of(new KeyPair("AK", "very-secret", null)).toString()).doesNotContain("very-secret");
    }
}
