package dev.rosetta.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The load generator must run against any S3 endpoint from its own jar: none of its classes (everything
 * under dev/rosetta/bench but the jmh package) may refer to a Rosetta module or to JMH.
 */
class LoadGeneratorIsolationTest {
    static final List<String> FORBIDDEN = List.of("dev/rosetta/protocol/", "dev/rosetta/auth/", "dev/rosetta/storage/",
            "dev/rosetta/server/", "dev/rosetta/testkit/", "org/openjdk/jmh/", "org/rocksdb/");

    @Test
    void loadGeneratorClassesReferToNoRosettaModule() throws IOException {
        Path classes = Path.of(System.getProperty("rosetta.bench.classes", "target/classes"));
        Path root = classes.resolve("dev/rosetta/bench");
        List<String> offenders = new ArrayList<>();
        int checked = 0;
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String rel = root.relativize(p).toString().replace('\\', '/');
                if (!rel.endsWith(".class") || rel.startsWith("jmh/")) {
                    continue;
                }
                checked++;
                // class references sit in the constant pool as modified-UTF-8 internal names
                String pool = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
                for (String f : FORBIDDEN) {
                    if (pool.contains(f)) {
                        offenders.add(rel + " -> " + f);
                    }
                }
            }
        }
        assertThat(checked).as("load generator classes found under " + root).isGreaterThan(20);
        assertThat(offenders).isEmpty();
    }
}
