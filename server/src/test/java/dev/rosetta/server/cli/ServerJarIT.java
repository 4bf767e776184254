package dev.rosetta.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.server.config.KeyPair;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The command line as scripts use it: {@code java -jar rosetta-server.jar ...}, the start line on
 * standard output, a generated key pair shown once, SIGTERM stopping the server cleanly, and
 * {@code --ephemeral} leaving nothing behind.
 */
class ServerJarIT {
    private static final Pattern START_LINE =
            Pattern.compile("Rosetta \\S+ endpoint=(http://\\S+) region=(\\S+) access-key=(\\S+)");

    @TempDir
    Path dir;

    /** A started jar: its process, the lines it printed so far, and what the start line said. */
    private record Started(Process process, List<String> stdout, List<String> stderr, List<Thread> readers,
                           String endpoint, String region, String accessKey) {
        String secretShown() {
            return stdout.stream().filter(l -> l.trim().startsWith("secret key:"))
                    .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse(null);
        }

        int stop() throws InterruptedException {
            // SIGTERM; Process.destroy() would also close our ends of its pipes and lose what it prints while stopping
            process.toHandle().destroy();
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("stops within 30 s of SIGTERM").isTrue();
            for (Thread reader : readers) {
                reader.join(5_000); // everything the process printed has been read
            }
            return process.exitValue();
        }
    }

    private static Started start(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", System.getProperty("rosetta.jar", "target/rosetta-server.jar")));
        command.addAll(List.of(args));
        if (!List.of(args).contains("--admin-listen")) {
            command.addAll(List.of("--admin-listen", "127.0.0.1:0")); // the default 9001 may be taken here
        }
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().keySet().removeIf(k -> k.startsWith("ROSETTA_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        List<String> out = Collections.synchronizedList(new ArrayList<>());
        List<String> err = Collections.synchronizedList(new ArrayList<>());
        Thread errReader = pump(p.getErrorStream(), err);
        CompletableFuture<Matcher> startLine = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    out.add(line);
                    Matcher m = START_LINE.matcher(line);
                    if (m.matches()) {
                        startLine.complete(m);
                    }
                }
                startLine.completeExceptionally(new IllegalStateException("exited without a start line: " + out + err));
            } catch (IOException e) {
                startLine.completeExceptionally(e);
            }
        });
        reader.setDaemon(true);
        reader.start();
        Matcher m = startLine.get(60, TimeUnit.SECONDS);
        return new Started(p, out, err, List.of(reader, errReader), m.group(1), m.group(2), m.group(3));
    }

    private static Thread pump(java.io.InputStream in, List<String> into) {
        Thread t = new Thread(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    into.add(line);
                }
            } catch (IOException ignored) {
                // the process ended
            }
        });
        t.setDaemon(true);
        t.start();
        return t;
    }

    private static S3Client client(String endpoint, KeyPair keys) {
        return S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(keys.accessKey(), keys.secretKey())))
                .forcePathStyle(true).httpClient(ApacheHttpClient.create()).build();
    }

    @Test
    void generatesAKeyPairOnceAndKeepsStateAcrossRestarts() throws Exception {
        Path data = dir.resolve("data");
        Started first = start(Map.of(), "--listen", "127.0.0.1:0", "--data-dir", data.toString());
        String secret = first.secretShown();
        assertThat(secret).isNotBlank();
        assertThat(first.region()).isEqualTo("us-east-1");
        assertThat(first.stderr()).noneMatch(l -> l.contains(secret));
        KeyPair keys = new KeyPair(first.accessKey(), secret, null);
        String uploadId;
        try (S3Client s3 = client(first.endpoint(), keys)) {
            s3.createBucket(b -> b.bucket("from-the-jar"));
            uploadId = s3.createMultipartUpload(b -> b.bucket("from-the-jar").key("k")).uploadId();
        }
        int exit = first.stop();
        assertThat(first.stderr()).as("exit " + exit + " out " + first.stdout()).anyMatch(l -> l.contains("stopped"));
        assertThat(exit).isIn(0, 143);

        Started second = start(Map.of(), "--listen", "127.0.0.1:0", "--data-dir", data.toString());
        assertThat(second.accessKey()).isEqualTo(first.accessKey());
        assertThat(second.secretShown()).isNull();
        assertThat(second.stdout()).noneMatch(l -> l.contains(secret));
        try (S3Client s3 = client(second.endpoint(), keys)) {
            assertThat(s3.listMultipartUploads(b -> b.bucket("from-the-jar")).uploads())
                    .extracting(u -> u.uploadId()).containsExactly(uploadId);
        }
        second.stop();
    }

    @Test
    void environmentConfiguresTheServerAndFlagsWin() throws Exception {
        Started s = start(Map.of("ROSETTA_ACCESS_KEY", "ENVKEY", "ROSETTA_SECRET_KEY", "env-secret",
                        "ROSETTA_REGION", "env-region", "ROSETTA_DATA_DIR", dir.resolve("env-data").toString()),
                "--listen", "127.0.0.1:0", "--region", "flag-region", "--durability", "none");
        assertThat(s.accessKey()).isEqualTo("ENVKEY");
        assertThat(s.region()).isEqualTo("flag-region");
        assertThat(s.secretShown()).isNull();
        assertThat(Files.exists(dir.resolve("env-data").resolve("meta"))).isTrue();
        s.stop();
    }

    @Test
    void ephemeralDataDirectoryIsRemovedAtExit() throws Exception {
        Started s = start(Map.of(), "--listen", "127.0.0.1:0", "--ephemeral");
        String dataLine = s.stderr().stream().filter(l -> l.contains("data in ")).findFirst().orElseThrow();
        Path data = Path.of(dataLine.substring(dataLine.indexOf("data in ") + 8).trim());
        assertThat(Files.isDirectory(data)).isTrue();
        try (S3Client s3 = client(s.endpoint(), new KeyPair(s.accessKey(), s.secretShown(), null))) {
            s3.createBucket(b -> b.bucket("ephemeral"));
        }
        s.stop();
        assertThat(Files.exists(data)).isFalse();
    }

    @Test
    void aBadConfigurationExitsWithAMessage() throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("rosetta.jar", "target/rosetta-server.jar"), "--durability", "sometimes")
                .redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(2);
        assertThat(output).contains("durability must be 'fsync' or 'none'");
    }
}
