package dev.rosetta.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;

/** Two servers in one JVM at once, configured differently, sharing nothing. */
class TwoServersTest {
    @RegisterExtension
    static final RosettaExtension FIRST = RosettaExtension.perClass();

    @RegisterExtension
    static final RosettaExtension SECOND = RosettaExtension.perClass().configure(b -> b.region("eu-west-1"));

    private static Path firstDataDir;

    @Test
    void theyAreIndependent() {
        Rosetta a = FIRST.server();
        Rosetta b = SECOND.server();
        assertThat(a.port()).isNotEqualTo(b.port());
        assertThat(b.region()).isEqualTo("eu-west-1");
        a.s3Client().createBucket(r -> r.bucket("only-in-first"));
        a.s3Client().putObject(r -> r.bucket("only-in-first").key("k"), RequestBody.fromString("v"));
        assertThat(a.s3Client().listBuckets().buckets()).hasSize(1);
        assertThat(b.s3Client().listBuckets().buckets()).isEmpty();
        assertThat(a.server().dataDir()).isNotEqualTo(b.server().dataDir());
        firstDataDir = a.server().dataDir();
    }

    @AfterAll
    static void ephemeralDataIsGoneAfterwards() {
        // runs before the extensions' own afterAll, so the directory still exists here
        assertThat(firstDataDir).isNotNull();
        assertThat(Files.isDirectory(firstDataDir)).isTrue();
    }
}
