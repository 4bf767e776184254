package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.rosetta.server.observe.AccessLog;
import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.ServerFixture;
import dev.rosetta.server.testing.V4Signer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** The admin listener's metrics and health, and the access log, as an operator sees them. */
class ObservabilityTest {
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static HttpResponse<String> admin(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + SERVER.server().adminPort() + path))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The value of one Prometheus sample whose name and labels contain every given fragment; 0 when absent. */
    private static double sample(String scrape, String name, String... labels) {
        Pattern line = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*\\})? ([0-9.eE+-]+)$", Pattern.MULTILINE);
        Matcher m = line.matcher(scrape);
        double sum = 0;
        while (m.find()) {
            String l = m.group(1) == null ? "" : m.group(1);
            boolean all = true;
            for (String label : labels) {
                all &= l.contains(label);
            }
            if (all) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    @Test
    void countersMoveByTheRightAmounts() throws Exception {
        try (S3Client s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE)) {
            s3.createBucket(b -> b.bucket("metered"));
            String before = admin("/metrics").body();
            for (int i = 0; i < 3; i++) {
                int n = i;
                s3.putObject(b -> b.bucket("metered").key("k" + n), RequestBody.fromString("x".repeat(1000)));
            }
            s3.getObjectAsBytes(b -> b.bucket("metered").key("k0"));
            s3.getObjectAsBytes(b -> b.bucket("metered").key("k1"));
            try {
                s3.getObjectAsBytes(b -> b.bucket("metered").key("absent"));
            } catch (NoSuchKeyException expected) {
                // counted below
            }
            s3.createMultipartUpload(b -> b.bucket("metered").key("open-1"));
            s3.createMultipartUpload(b -> b.bucket("metered").key("open-2"));
            HttpResponse<String> response = admin("/metrics");
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type").orElse("")).startsWith("text/plain");
            String after = response.body();

            String count = "rosetta_requests_seconds_count";
            assertThat(sample(after, count, "operation=\"PutObject\"", "status=\"2xx\"", "dialect=\"AWS\"")
                    - sample(before, count, "operation=\"PutObject\"", "status=\"2xx\"")).isEqualTo(3);
            assertThat(sample(after, count, "operation=\"GetObject\"", "status=\"2xx\"")
                    - sample(before, count, "operation=\"GetObject\"", "status=\"2xx\"")).isEqualTo(2);
            assertThat(sample(after, count, "operation=\"GetObject\"", "status=\"4xx\"")
                    - sample(before, count, "operation=\"GetObject\"", "status=\"4xx\"")).isEqualTo(1);
            assertThat(sample(after, "rosetta_errors_total", "code=\"NoSuchKey\"")
                    - sample(before, "rosetta_errors_total", "code=\"NoSuchKey\"")).isEqualTo(1);
            assertThat(sample(after, "rosetta_bytes_received_bytes_total")
                    - sample(before, "rosetta_bytes_received_bytes_total")).isGreaterThanOrEqualTo(3000);
            assertThat(sample(after, "rosetta_bytes_sent_bytes_total")
                    - sample(before, "rosetta_bytes_sent_bytes_total")).isGreaterThanOrEqualTo(2000);
            assertThat(sample(after, "rosetta_multipart_uploads_open")
                    - sample(before, "rosetta_multipart_uploads_open")).isEqualTo(2);
            // the three PUTs and two initiates were made durable by the group committer (the fixture fsyncs)
            assertThat(sample(after, "rosetta_commit_batches_total")
                    - sample(before, "rosetta_commit_batches_total")).isEqualTo(5);
            assertThat(sample(after, "rosetta_commit_groups_total")
                    - sample(before, "rosetta_commit_groups_total")).isBetween(1.0, 5.0);
            assertThat(sample(after, "rosetta_commit_write_seconds_total")
                    - sample(before, "rosetta_commit_write_seconds_total")).isPositive();
            assertThat(sample(after, "rosetta_connections_open")).isGreaterThanOrEqualTo(1);
            assertThat(sample(after, "rosetta_disk_free_bytes")).isPositive();
            assertThat(sample(after, "rosetta_rocksdb_estimated_keys")).isPositive();
            assertThat(after).contains("jvm_memory_used_bytes").contains("process_cpu_usage");
        }
    }

    @Test
    void healthIsLiveAndReadyAndNotReadyWhileStopping() throws Exception {
        assertThat(admin("/health/live").statusCode()).isEqualTo(200);
        long deadline = System.currentTimeMillis() + 10_000;
        while (!SERVER.server().isReady() && System.currentTimeMillis() < deadline) {
            Thread.sleep(10);
        }
        assertThat(admin("/health/ready").statusCode()).isEqualTo(200);
        assertThat(admin("/nothing").statusCode()).isEqualTo(404);

        byte[] body = "<CreateBucketConfiguration/>".getBytes(StandardCharsets.UTF_8);
        List<Map.Entry<String, String>> headers = V4Signer.sign("PUT", "127.0.0.1:" + SERVER.port(), "/draining",
                Map.of(), body, ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(),
                ServerFixture.REGION, null);
        try (RawHttp http = SERVER.raw()) {
            http.sendHead("PUT", "/draining", headers);
            while (SERVER.server().inFlightRequests() == 0) {
                Thread.sleep(5);
            }
            Thread closer = new Thread(SERVER::stop);
            closer.start();
            while (!closer.isAlive()) {
                Thread.sleep(1);
            }
            Thread.sleep(100);
            assertThat(admin("/health/ready").statusCode()).as("stopping").isEqualTo(503);
            assertThat(admin("/health/live").statusCode()).isEqualTo(200);
            http.send(body);
            assertThat(http.read(false).status()).isEqualTo(200);
            closer.join(10_000);
        }
        SERVER.restart();
    }

    @Test
    void accessLogLinesCarryTheFactsButNoSecret() throws Exception {
        Logger logger = (Logger) LoggerFactory.getLogger(AccessLog.LOGGER);
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.start();
        logger.addAppender(captured);
        try (S3Client s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE)) {
            s3.createBucket(b -> b.bucket("logged"));
            String customerKey = Base64.getEncoder().encodeToString(new byte[32]);
            String keyMd5 = Base64.getEncoder().encodeToString(
                    java.security.MessageDigest.getInstance("MD5").digest(new byte[32]));
            s3.createMultipartUpload(b -> b.bucket("logged").key("dir/a b.txt")
                    .sseCustomerAlgorithm("AES256").sseCustomerKey(customerKey).sseCustomerKeyMD5(keyMd5));
            s3.putObject(b -> b.bucket("logged").key("plain"), RequestBody.fromString("hello"));
            // The line is written when the response has been flushed, so it can trail the client's answer.
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (capturedLines(captured).stream().noneMatch(l -> l.contains("PutObject"))
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            logger.detachAppender(captured);
        }
        List<String> lines = capturedLines(captured);
        assertThat(lines).anySatisfy(l -> assertThat(l)
                .contains(ServerFixture.ALICE.accessKey()).contains("CreateMultipartUpload").contains("logged")
                .contains("\"dir/a b.txt\"").contains(" 200 "));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("PutObject").contains(" 200 "));
        for (String line : lines) {
            assertThat(line).doesNotContain(ServerFixture.ALICE.secretKey())
                    .doesNotContain("Signature=").doesNotContain("AWS4-HMAC-SHA256")
                    .doesNotContain(Base64.getEncoder().encodeToString(new byte[32]));
        }
    }

    private static List<String> capturedLines(ListAppender<ILoggingEvent> appender) {
        synchronized (appender) { // AppenderBase.doAppend holds this lock while it adds
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        }
    }
}
