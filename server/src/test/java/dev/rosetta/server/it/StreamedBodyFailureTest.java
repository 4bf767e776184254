package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.server.config.KeyPair;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.ServerFixture;
import dev.rosetta.server.testing.V4Signer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Streamed bodies over real sockets, with the server's clock pinned to the AWS documentation's
 * vectors (2013-05-24): the doc's signed aws-chunked upload is stored byte-exact, and every way a
 * body can fail its promises (chunk signature, payload hash, Content-MD5, a client that leaves)
 * stores nothing: no object, no blob file, no temporary file.
 */
class StreamedBodyFailureTest {
    private static final Instant VECTOR_TIME = Instant.parse("2013-05-24T00:00:00Z");
    private static final KeyPair DOC_KEYS =
            new KeyPair("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "example");

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.credentials(List.of(DOC_KEYS)))
            .withClock(Clock.fixed(VECTOR_TIME, ZoneOffset.UTC));

    private static final String SEED = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
    private static final String CHUNK1 = "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648";
    private static final String CHUNK2 = "0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497";
    private static final String FINAL = "b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9";

    @BeforeAll
    static void createBucket() throws Exception {
        RawHttp.Response r = signed("PUT", "/examplebucket", Map.of(), null);
        assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
    }

    private static String host() {
        return "127.0.0.1:" + SERVER.port();
    }

    private static RawHttp.Response signed(String method, String target, Map<String, String> headers, byte[] body)
            throws IOException {
        List<Map.Entry<String, String>> h = V4Signer.sign(method, host(), target, headers, body,
                DOC_KEYS.accessKey(), DOC_KEYS.secretKey(), "us-east-1", VECTOR_TIME);
        try (RawHttp http = SERVER.raw()) {
            return http.exchange(method, target, h, body);
        }
    }

    /** The body of dialects.md's V4-7 vector, with the first data byte optionally changed. */
    private static byte[] vectorBody(boolean corrupt) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] a64k = "a".repeat(65536).getBytes(StandardCharsets.US_ASCII);
        if (corrupt) {
            a64k[0] = 'b';
        }
        out.writeBytes(("10000;chunk-signature=" + CHUNK1 + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(a64k);
        out.writeBytes(("\r\n400;chunk-signature=" + CHUNK2 + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes("a".repeat(1024).getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(("\r\n0;chunk-signature=" + FINAL + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    private static RawHttp.Response sendVector(byte[] body) throws IOException {
        try (RawHttp http = SERVER.raw()) {
            return http.exchange("PUT", "/examplebucket/chunkObject.txt", List.of(
                    Map.entry("Host", "s3.amazonaws.com"),
                    Map.entry("x-amz-date", "20130524T000000Z"),
                    Map.entry("x-amz-storage-class", "REDUCED_REDUNDANCY"),
                    Map.entry("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/"
                            + "aws4_request,SignedHeaders=content-encoding;content-length;host;x-amz-content-sha256;"
                            + "x-amz-date;x-amz-decoded-content-length;x-amz-storage-class,Signature=" + SEED),
                    Map.entry("x-amz-content-sha256", "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"),
                    Map.entry("Content-Encoding", "aws-chunked"),
                    Map.entry("x-amz-decoded-content-length", "66560"),
                    Map.entry("Content-Length", Integer.toString(body.length))), body);
        }
    }

    private static long filesUnder(String dir) throws IOException {
        Path p = SERVER.dataDir().resolve(dir);
        if (!Files.exists(p)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(p)) {
            return s.filter(Files::isRegularFile).count();
        }
    }

    private static RawHttp.Response get(String key) throws IOException {
        return signed("GET", "/examplebucket/" + key, Map.of(), null);
    }

    @Test
    void theDocumentedChunkedUploadIsStoredDecoded() throws Exception {
        byte[] body = vectorBody(false);
        assertThat(body).hasSize(66824);
        RawHttp.Response r = sendVector(body);
        assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
        RawHttp.Response got = get("chunkObject.txt");
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.bodyText()).isEqualTo("a".repeat(66560));
        assertThat(got.header("x-amz-storage-class")).isEqualTo("REDUCED_REDUNDANCY");
        assertThat(got.header("content-encoding")).as("aws-chunked is framing, not stored").isNull();
    }

    @Test
    void aCorruptedChunkStoresNothing() throws Exception {
        long blobs = filesUnder("blobs");
        RawHttp.Response r = sendVector(vectorBody(true));
        assertThat(r.status()).isEqualTo(403);
        assertThat(r.xmlElement("Code")).isEqualTo("SignatureDoesNotMatch");
        assertThat(get("chunkObject-corrupt").status()).isEqualTo(404);
        assertThat(filesUnder("blobs")).isEqualTo(blobs);
        assertThat(filesUnder("tmp")).isZero();
    }

    @Test
    void aPayloadHashThatDoesNotMatchStoresNothing() throws Exception {
        long blobs = filesUnder("blobs");
        byte[] signedBody = new byte[200_000];
        List<Map.Entry<String, String>> h = new ArrayList<>(V4Signer.sign("PUT", host(), "/examplebucket/hash",
                Map.of(), signedBody, DOC_KEYS.accessKey(), DOC_KEYS.secretKey(), "us-east-1", VECTOR_TIME));
        byte[] sent = signedBody.clone();
        sent[100_000] = 1;
        try (RawHttp http = SERVER.raw()) {
            RawHttp.Response r = http.exchange("PUT", "/examplebucket/hash", h, sent);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.xmlElement("Code")).isEqualTo("XAmzContentSHA256Mismatch");
        }
        assertThat(get("hash").status()).isEqualTo(404);
        assertThat(filesUnder("blobs")).isEqualTo(blobs);
        assertThat(filesUnder("tmp")).isZero();
    }

    @Test
    void aContentMd5ThatDoesNotMatchStoresNothing() throws Exception {
        long blobs = filesUnder("blobs");
        byte[] body = new byte[300_000];
        String wrongMd5 = Base64.getEncoder().encodeToString(new byte[16]);
        RawHttp.Response r = signed("PUT", "/examplebucket/md5", Map.of("Content-MD5", wrongMd5), body);
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.xmlElement("Code")).isEqualTo("BadDigest");
        assertThat(get("md5").status()).isEqualTo(404);
        assertThat(filesUnder("blobs")).isEqualTo(blobs);
        assertThat(filesUnder("tmp")).isZero();
    }

    @Test
    void aClientThatLeavesMidBodyLeavesNothing() throws Exception {
        long blobs = filesUnder("blobs");
        byte[] body = new byte[2_000_000];
        List<Map.Entry<String, String>> h = V4Signer.sign("PUT", host(), "/examplebucket/abandoned", Map.of(), body,
                DOC_KEYS.accessKey(), DOC_KEYS.secretKey(), "us-east-1", VECTOR_TIME);
        try (RawHttp http = SERVER.raw()) {
            http.sendHead("PUT", "/examplebucket/abandoned", h);
            http.send(java.util.Arrays.copyOf(body, 1_000_000));
        }
        long deadline = System.currentTimeMillis() + 5_000;
        while ((filesUnder("tmp") > 0 || SERVER.server().inFlightRequests() > 0)
                && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertThat(filesUnder("tmp")).isZero();
        assertThat(get("abandoned").status()).isEqualTo(404);
        assertThat(filesUnder("blobs")).isEqualTo(blobs);
    }

    @Test
    void aPutToAMissingBucketIsRefusedBeforeTheBody() throws Exception {
        byte[] body = new byte[100_000];
        List<Map.Entry<String, String>> h = new ArrayList<>(V4Signer.sign("PUT", host(), "/nobucket/k", Map.of(), body,
                DOC_KEYS.accessKey(), DOC_KEYS.secretKey(), "us-east-1", VECTOR_TIME));
        h.add(Map.entry("Expect", "100-continue"));
        try (RawHttp http = SERVER.raw()) {
            http.sendHead("PUT", "/nobucket/k", h);
            RawHttp.Response r = http.read(false);
            assertThat(r.status()).isEqualTo(404);
            assertThat(r.xmlElement("Code")).isEqualTo("NoSuchBucket");
        }
    }

    @Test
    void aBodyLongerThanFiveGibibytesIsRefusedUpFront() throws Exception {
        List<Map.Entry<String, String>> h = new ArrayList<>(V4Signer.sign("PUT", host(), "/examplebucket/huge",
                Map.of("x-amz-content-sha256", "UNSIGNED-PAYLOAD"), null, DOC_KEYS.accessKey(), DOC_KEYS.secretKey(),
                "us-east-1", VECTOR_TIME));
        h.removeIf(e -> e.getKey().equalsIgnoreCase("content-length"));
        h.add(Map.entry("Content-Length", Long.toString((5L << 30) + 1)));
        try (RawHttp http = SERVER.raw()) {
            http.sendHead("PUT", "/examplebucket/huge", h);
            RawHttp.Response r = http.read(false);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.xmlElement("Code")).isEqualTo("EntityTooLarge");
        }
    }
}
