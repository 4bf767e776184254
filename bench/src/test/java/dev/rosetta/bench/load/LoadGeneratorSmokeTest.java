package dev.rosetta.bench.load;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.rosetta.bench.Main;
import dev.rosetta.server.config.AccessLogFormat;
import dev.rosetta.testkit.Rosetta;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.s3.model.Bucket;

/**
 * The load generator end to end against an in-process Rosetta: every op and every signing scheme runs a short
 * level with no errors, the report has its numbers, and the clean-up leaves nothing behind.
 */
class LoadGeneratorSmokeTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static Rosetta rosetta;

    record Result(int exit, String out, String err) {
        JsonNode json() {
            try {
                return JSON.readTree(out);
            } catch (Exception e) {
                throw new AssertionError("not JSON: " + out + "\nstderr: " + err, e);
            }
        }
    }

    @BeforeAll
    static void start() {
        rosetta = Rosetta.start(b -> b.minPartSize(0).accessLog(AccessLogFormat.OFF));
    }

    @AfterAll
    static void stop() {
        if (rosetta != null) {
            rosetta.close();
        }
    }

    @AfterEach
    void nothingLeftBehind() {
        List<String> left = rosetta.s3Client().listBuckets().buckets().stream().map(Bucket::name)
                .filter(n -> n.startsWith("rosetta-bench-")).toList();
        assertThat(left).as("buckets the generator did not remove").isEmpty();
    }

    static Result run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = Main.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Result s3(String... extra) {
        List<String> args = new ArrayList<>(List.of("--endpoint", rosetta.endpoint().toString(),
                "--access-key", rosetta.accessKey(), "--secret-key", rosetta.secretKey(),
                "--concurrency", "2", "--duration", "1s", "--warmup", "200ms", "--prepare-concurrency", "4",
                "--objects", "40", "--list-objects", "120", "--list-page", "50", "--json", "--quiet"));
        args.addAll(Arrays.asList(extra));
        return run(args.toArray(String[]::new));
    }

    static JsonNode assertHealthyLevel(Result r) {
        assertThat(r.exit()).as("exit code; stderr: %s", r.err()).isZero();
        JsonNode doc = r.json();
        assertThat(doc.get("tool").asText()).isEqualTo("rosetta-bench");
        JsonNode level = doc.get("levels").get(0);
        assertThat(level.get("concurrency").asInt()).isEqualTo(2);
        assertThat(level.get("ops").asLong()).as("ops; stderr: %s", r.err()).isPositive();
        assertThat(level.get("failedOps").asLong()).as("errors: %s", level.get("errors")).isZero();
        assertThat(level.get("opsPerSecond").asDouble()).isPositive();
        JsonNode latency = level.get("latencyMicros");
        assertThat(latency.get("p50").asLong()).isPositive();
        assertThat(latency.get("p99").asLong()).isGreaterThanOrEqualTo(latency.get("p90").asLong());
        assertThat(latency.get("max").asLong()).isGreaterThanOrEqualTo(latency.get("p99").asLong());
        assertThat(level.get("clientCpuSeconds").asDouble()).isPositive();
        assertThat(level.get("clientCpuMicrosPerOp").asDouble()).isPositive();
        return level;
    }

    @ParameterizedTest
    @ValueSource(strings = {"put", "get", "stat", "initiate", "list", "mixed"})
    void everyOperationRuns(String op) {
        JsonNode level = assertHealthyLevel(s3("--op", op));
        if (op.equals("put") || op.equals("get")) {
            assertThat(level.get("bytes").asLong()).isEqualTo(level.get("ops").asLong() * 4096);
            assertThat(level.get("mibPerSecond").asDouble()).isPositive();
        }
        if (op.equals("mixed")) {
            assertThat(level.get("requests").has("GetObject")).isTrue();
            assertThat(level.get("requests").has("HeadObject")).isTrue();
        }
    }

    @Test
    void multipartWithSignedPayloadsAndServerCpu() {
        long self = ProcessHandle.current().pid();
        Result r = s3("--op", "multipart", "--size", "64KiB", "--parts", "3", "--payload", "sha256",
                "--server-pid", Long.toString(self));
        JsonNode level = assertHealthyLevel(r);
        JsonNode requests = level.get("requests");
        assertThat(requests.get("UploadPart").get("count").asLong())
                .isGreaterThanOrEqualTo(requests.get("CompleteMultipartUpload").get("count").asLong() * 3 - 6);
        assertThat(level.get("serverCpuSeconds").isNumber()).isTrue();
        assertThat(r.json().get("parts").asInt()).isEqualTo(3);
    }

    @ParameterizedTest
    @ValueSource(strings = {"v2", "obs", "cos", "wos"})
    void everySigningSchemeIsAccepted(String scheme) {
        JsonNode level = assertHealthyLevel(s3("--op", "mixed", "--sign", scheme, "--duration", "500ms",
                "--io-threads", "2"));
        assertThat(level.get("requests").has("PutObject")).isTrue();
    }

    @Test
    void textReportAndSeveralLevels() {
        Result r = run("--endpoint", rosetta.endpoint().toString(), "--access-key", rosetta.accessKey(),
                "--secret-key", rosetta.secretKey(), "--op", "put", "--concurrency", "1,3", "--duration", "500ms",
                "--warmup", "0s", "--size", "1KiB");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("rosetta-bench put").contains("ops/s").contains("p99 ms");
        assertThat(r.out().lines().filter(l -> l.matches("\\s+[13]\\s+\\d+\\s+.*"))).hasSize(2);
        assertThat(r.err()).contains("c=1").contains("c=3").contains("cleanup: deleted");
    }

    @Test
    void wrongSecretFailsClearly() {
        Result r = run("--endpoint", rosetta.endpoint().toString(), "--access-key", rosetta.accessKey(),
                "--secret-key", "not-the-secret", "--op", "put", "--duration", "200ms", "--warmup", "0s");
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("cannot create bucket").contains("403 SignatureDoesNotMatch");
    }

    @Test
    void staticUrlAndErrorsByCode() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] file = new byte[1000];
        server.createContext("/file", ex -> {
            ex.sendResponseHeaders(200, file.length);
            try (OutputStream o = ex.getResponseBody()) {
                o.write(file);
            }
        });
        server.createContext("/missing", ex -> {
            ex.sendResponseHeaders(404, -1);
            ex.close();
        });
        server.start();
        try {
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            Result ok = run("--static-url", base + "/file", "--concurrency", "2", "--duration", "500ms", "--warmup",
                    "0s", "--json", "--quiet");
            JsonNode level = assertHealthyLevel(ok);
            assertThat(level.get("bytes").asLong()).isEqualTo(level.get("ops").asLong() * 1000);
            assertThat(ok.json().get("op").asText()).isEqualTo("static");

            Result missing = run("--static-url", base + "/missing", "--concurrency", "1", "--duration", "300ms",
                    "--warmup", "0s", "--json", "--quiet");
            JsonNode bad = missing.json().get("levels").get(0);
            assertThat(bad.get("ops").asLong()).isZero();
            assertThat(bad.get("failedOps").asLong()).isPositive();
            assertThat(bad.get("errors").get("404 Not Found").asLong()).isEqualTo(bad.get("failedOps").asLong());
        } finally {
            server.stop(0);
        }
    }
}
