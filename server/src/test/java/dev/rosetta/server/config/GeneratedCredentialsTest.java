package dev.rosetta.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratedCredentialsTest {
    @TempDir
    Path dir;

    @Test
    void aPairIsGeneratedOnceKeptPrivateAndReused() throws Exception {
        GeneratedCredentials.Result first = GeneratedCredentials.loadOrCreate(dir);
        assertThat(first.generated()).isTrue();
        assertThat(first.keyPair().accessKey()).matches("RS[A-Z2-7]{18}");
        assertThat(first.keyPair().secretKey()).hasSize(40);
        assertThat(Files.getPosixFilePermissions(first.file()))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);

        GeneratedCredentials.Result second = GeneratedCredentials.loadOrCreate(dir);
        assertThat(second.generated()).isFalse();
        assertThat(second.keyPair()).isEqualTo(first.keyPair());
    }

    @Test
    void twoDirectoriesGetDifferentPairs(@TempDir Path other) {
        assertThat(GeneratedCredentials.loadOrCreate(dir).keyPair())
                .isNotEqualTo(GeneratedCredentials.loadOrCreate(other).keyPair());
    }
}
