package dev.rosetta.storage.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectIoProbeTest {
    @TempDir
    Path dir;

    @Test
    void aDirectoryThatDoesNotExistIsNotSupported() {
        assertThat(DirectIoProbe.supported(dir.resolve("missing"))).isFalse();
        assertThat(Files.exists(dir.resolve("missing"))).isFalse();
    }

    @Test
    void probingLeavesNothingBehind() throws IOException {
        DirectIoProbe.supported(dir);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }
    }
}
