package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.ServerFixture;
import dev.rosetta.server.testing.V2Signer;
import dev.rosetta.server.testing.V4Signer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Requests no SDK sends: broken signatures, skewed clocks, malformed heads, refused bodies. Every one
 * must get a 4xx S3 error document (or a 501 for what is not built), none a 500, none a hang, and
 * none may leave anything stored.
 */
class RawProtocolTest {
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create();
    private static final String BUCKET = "raw-tests";
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    private static S3Client alice;

    @BeforeAll
    static void createBucket() {
        alice = Clients.pathStyle(SERVER, ServerFixture.ALICE);
        alice.createBucket(b -> b.bucket(BUCKET));
    }

    private static String host() {
        return "127.0.0.1:" + SERVER.port();
    }

    private static String now() {
        return RFC_1123.format(Instant.now());
    }

    private static RawHttp.Response v2(String method, String target, String date, String stringToSign)
            throws Exception {
        return v2(method, target, date, ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(),
                stringToSign);
    }

    private static RawHttp.Response v2(String method, String target, String date, String accessKey, String secret,
                                       String stringToSign) throws Exception {
        try (RawHttp http = SERVER.raw()) {
            return http.exchange(method, target, List.of(
                    Map.entry("Host", host()),
                    Map.entry("Date", date),
                    Map.entry("Authorization", V2Signer.authorization(accessKey, secret, stringToSign))), null);
        }
    }

    private static RawHttp.Response v4(String method, String target, byte[] body, Instant at) throws Exception {
        List<Map.Entry<String, String>> headers = V4Signer.sign(method, host(), target, Map.of(), body,
                ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(), ServerFixture.REGION, at);
        try (RawHttp http = SERVER.raw()) {
            return http.exchange(method, target, headers, body);
        }
    }

    private static void assertError(RawHttp.Response r, int status, String code) {
        assertThat(r.status()).as(r.bodyText()).isEqualTo(status);
        assertThat(r.header("content-type")).isEqualTo("application/xml");
        assertThat(r.bodyText()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(r.xmlElement("Code")).isEqualTo(code);
        assertThat(r.xmlElement("RequestId")).isEqualTo(r.header("x-amz-request-id")).matches("[0-9A-F]{16}");
        assertThat(r.header("x-amz-id-2")).isNotBlank();
    }

    private static void assertNoUploadsStored() {
        assertThat(alice.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
    }

    // --- AWS V2 and the `uploads` sub-resource ---

    @Test
    void v2SignatureOverUploadsInitiatesAnUpload() throws Exception {
        String date = now();
        RawHttp.Response r = v2("POST", "/" + BUCKET + "/v2-key?uploads", date,
                "POST\n\n\n" + date + "\n/" + BUCKET + "/v2-key?uploads");
        assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
        assertThat(r.bodyText()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<InitiateMultipartUploadResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Bucket>"
                + BUCKET + "</Bucket><Key>v2-key</Key><UploadId>");
        String uploadId = r.xmlElement("UploadId");
        assertThat(uploadId).matches("[0-9A-F]{32}");
        alice.abortMultipartUpload(b -> b.bucket(BUCKET).key("v2-key").uploadId(uploadId));
    }

    @Test
    void v2SignatureOverUploadsDoesNotVerifyForAUrlWithoutIt() throws Exception {
        String date = now();
        RawHttp.Response r = v2("POST", "/" + BUCKET + "/k", date, "POST\n\n\n" + date + "\n/" + BUCKET + "/k?uploads");
        assertSignatureMismatch(r);
    }

    @Test
    void v2UrlWithUploadsDoesNotVerifyASignatureWithoutIt() throws Exception {
        String date = now();
        RawHttp.Response r = v2("POST", "/" + BUCKET + "/k?uploads", date, "POST\n\n\n" + date + "\n/" + BUCKET + "/k");
        assertSignatureMismatch(r);
    }

    @Test
    void v2MisspeltUploadsInTheUrlIsAMismatch() throws Exception {
        String date = now();
        RawHttp.Response r = v2("POST", "/" + BUCKET + "/k?upload", date,
                "POST\n\n\n" + date + "\n/" + BUCKET + "/k?uploads");
        assertSignatureMismatch(r);
    }

    @Test
    void v2MisspeltUploadsInTheSignatureIsAMismatch() throws Exception {
        String date = now();
        RawHttp.Response r = v2("POST", "/" + BUCKET + "/k?uploads", date,
                "POST\n\n\n" + date + "\n/" + BUCKET + "/k?uplaods");
        assertSignatureMismatch(r);
    }

    @Test
    void v2UploadsSpeltDifferentlyOnEachSideIsAMismatch() throws Exception {
        String date = now();
        RawHttp.Response r = v2("POST", "/" + BUCKET + "/k?Uploads", date,
                "POST\n\n\n" + date + "\n/" + BUCKET + "/k?uploads");
        assertSignatureMismatch(r);
    }

    private static void assertSignatureMismatch(RawHttp.Response r) {
        assertError(r, 403, "SignatureDoesNotMatch");
        assertThat(r.xmlElement("Message"))
                .startsWith("The request signature we calculated does not match the signature you provided.");
        assertNoUploadsStored();
    }

    @Test
    void v2WrongSecretIsSignatureDoesNotMatch() throws Exception {
        String date = now();
        RawHttp.Response r = v2("POST", "/" + BUCKET + "/k?uploads", date, ServerFixture.ALICE.accessKey(),
                "not-the-secret", "POST\n\n\n" + date + "\n/" + BUCKET + "/k?uploads");
        assertSignatureMismatch(r);
        assertThat(r.bodyText()).doesNotContain(ServerFixture.ALICE.secretKey());
    }

    @Test
    void unknownAccessKeyIsInvalidAccessKeyId() throws Exception {
        String date = now();
        RawHttp.Response r = v2("POST", "/" + BUCKET + "/k?uploads", date, "AKIANOBODY0000000000", "whatever",
                "POST\n\n\n" + date + "\n/" + BUCKET + "/k?uploads");
        assertError(r, 403, "InvalidAccessKeyId");
        assertNoUploadsStored();
    }

    @Test
    void v2DateOutsideFifteenMinutesIsRequestTimeTooSkewed() throws Exception {
        String date = RFC_1123.format(Instant.now().minus(Duration.ofMinutes(16)));
        RawHttp.Response r = v2("POST", "/" + BUCKET + "/k?uploads", date,
                "POST\n\n\n" + date + "\n/" + BUCKET + "/k?uploads");
        assertError(r, 403, "RequestTimeTooSkewed");
        assertNoUploadsStored();
    }

    // --- AWS V4 ---

    @Test
    void v4SignedRequestInitiates() throws Exception {
        RawHttp.Response r = v4("POST", "/" + BUCKET + "/v4-key?uploads", null, null);
        assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
        String uploadId = r.xmlElement("UploadId");
        alice.abortMultipartUpload(b -> b.bucket(BUCKET).key("v4-key").uploadId(uploadId));
    }

    @Test
    void v4ClockSkewIsRequestTimeTooSkewed() throws Exception {
        RawHttp.Response r = v4("POST", "/" + BUCKET + "/k?uploads", null, Instant.now().plus(Duration.ofMinutes(20)));
        assertError(r, 403, "RequestTimeTooSkewed");
        assertNoUploadsStored();
    }

    @Test
    void v4MissingBucketIsNoSuchBucket() throws Exception {
        RawHttp.Response r = v4("POST", "/no-such-bucket-raw/k?uploads", null, null);
        assertError(r, 404, "NoSuchBucket");
    }

    @Test
    void v4PayloadHashThatDoesNotMatchTheBodyStoresNothing() throws Exception {
        byte[] signedBody = "<CreateBucketConfiguration/>".getBytes(StandardCharsets.UTF_8);
        List<Map.Entry<String, String>> headers = V4Signer.sign("PUT", host(), "/hash-mismatch-bucket", Map.of(),
                signedBody, ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(), ServerFixture.REGION, null);
        byte[] sentBody = "<CreateBucketConfiguration></CreateBucketConfiguration>".getBytes(StandardCharsets.UTF_8);
        List<Map.Entry<String, String>> withLength = new ArrayList<>();
        headers.stream().filter(e -> !e.getKey().equalsIgnoreCase("content-length")).forEach(withLength::add);
        try (RawHttp http = SERVER.raw()) {
            RawHttp.Response r = http.exchange("PUT", "/hash-mismatch-bucket", withLength, sentBody);
            assertError(r, 400, "XAmzContentSHA256Mismatch");
        }
        assertThat(alice.listBuckets().buckets()).noneMatch(b -> b.name().equals("hash-mismatch-bucket"));
    }

    @Test
    void malformedCreateBucketConfigurationIsMalformedXml() throws Exception {
        RawHttp.Response r = v4("PUT", "/malformed-xml-bucket", "<CreateBucketConfiguration>".getBytes(StandardCharsets.UTF_8), null);
        assertError(r, 400, "MalformedXML");
        String xxe = "<?xml version=\"1.0\"?><!DOCTYPE c [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<CreateBucketConfiguration><LocationConstraint>&e;</LocationConstraint></CreateBucketConfiguration>";
        RawHttp.Response r2 = v4("PUT", "/malformed-xml-bucket", xxe.getBytes(StandardCharsets.UTF_8), null);
        assertError(r2, 400, "MalformedXML");
        assertThat(r2.bodyText()).doesNotContain("root:");
        assertThat(alice.listBuckets().buckets()).noneMatch(b -> b.name().equals("malformed-xml-bucket"));
    }

    @Test
    void invalidBucketNamesAreRefused() throws Exception {
        for (String name : List.of("ab", "Upper-Case", "under_score", "-leading", "two..dots", "192.168.1.1")) {
            RawHttp.Response r = v4("PUT", "/" + name, null, null);
            assertError(r, 400, "InvalidBucketName");
            assertThat(r.xmlElement("BucketName")).isEqualTo(name);
        }
    }

    @Test
    void locationConstraintOfAnotherRegionIsRefused() throws Exception {
        byte[] body = ("<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Response r = v4("PUT", "/other-region-bucket", body, null);
        assertError(r, 400, "IllegalLocationConstraintException");
        assertThat(alice.listBuckets().buckets()).noneMatch(b -> b.name().equals("other-region-bucket"));
    }

    // --- malformed Authorization headers ---

    @Test
    void malformedAuthorizationHeadersAreClientErrors() throws Exception {
        String date = now();
        Map<String, String> expected = new java.util.LinkedHashMap<>();
        expected.put("AWS", "InvalidArgument");
        expected.put("AWS " + ServerFixture.ALICE.accessKey(), "InvalidArgument");
        expected.put("AWS :", "InvalidArgument");
        expected.put("AWS4-HMAC-SHA256 garbage", "AuthorizationHeaderMalformed");
        expected.put("AWS4-HMAC-SHA256 Credential=" + ServerFixture.ALICE.accessKey(), "AuthorizationHeaderMalformed");
        expected.put("AWS4-HMAC-SHA256 Credential=x/y, SignedHeaders=host, Signature=00", "AuthorizationHeaderMalformed");
        expected.put("Bearer abc", "InvalidArgument");
        for (Map.Entry<String, String> c : expected.entrySet()) {
            try (RawHttp http = SERVER.raw()) {
                RawHttp.Response r = http.exchange("POST", "/" + BUCKET + "/k?uploads", List.of(
                        Map.entry("Host", host()), Map.entry("Date", date),
                        Map.entry("x-amz-date", date), Map.entry("x-amz-content-sha256", "UNSIGNED-PAYLOAD"),
                        Map.entry("Authorization", c.getKey())), null);
                assertThat(r.xmlElement("Code")).as(c.getKey() + " -> " + r.bodyText()).isEqualTo(c.getValue());
                assertThat(r.status()).isEqualTo(400);
            }
        }
        assertNoUploadsStored();
    }

    @Test
    void v4SignedForAnotherRegionIsAuthorizationHeaderMalformed() throws Exception {
        List<Map.Entry<String, String>> headers = V4Signer.sign("POST", host(), "/" + BUCKET + "/k?uploads", Map.of(),
                null, ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(), "eu-central-1", null);
        try (RawHttp http = SERVER.raw()) {
            RawHttp.Response r = http.exchange("POST", "/" + BUCKET + "/k?uploads", headers, null);
            assertError(r, 400, "AuthorizationHeaderMalformed");
            assertThat(r.xmlElement("Region")).isEqualTo(ServerFixture.REGION);
        }
        assertNoUploadsStored();
    }

    @Test
    void chunkedRequestBodiesAreRead() throws Exception {
        String date = now();
        // the constraint names another region, so only a body that was really read is refused
        String body = "<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint></CreateBucketConfiguration>";
        String chunked = Integer.toHexString(20) + "\r\n" + body.substring(0, 20) + "\r\n"
                + Integer.toHexString(body.length() - 20) + "\r\n" + body.substring(20) + "\r\n0\r\n\r\n";
        try (RawHttp http = SERVER.raw()) {
            http.sendHead("PUT", "/chunked-body-bucket", List.of(Map.entry("Host", host()), Map.entry("Date", date),
                    Map.entry("Authorization", V2Signer.authorization(ServerFixture.ALICE.accessKey(),
                            ServerFixture.ALICE.secretKey(), "PUT\n\n\n" + date + "\n/chunked-body-bucket")),
                    Map.entry("Transfer-Encoding", "chunked")));
            http.send(chunked);
            RawHttp.Response r = http.read(false);
            assertError(r, 400, "IllegalLocationConstraintException");
        }
        assertThat(alice.listBuckets().buckets()).noneMatch(b -> b.name().equals("chunked-body-bucket"));
    }

    // --- Expect: 100-continue ---

    @Test
    void expectContinueWithABadSignatureGetsTheErrorInsteadOfContinue() throws Exception {
        String date = now();
        try (RawHttp http = SERVER.raw()) {
            http.sendHead("PUT", "/continue-refused-bucket", List.of(
                    Map.entry("Host", host()), Map.entry("Date", date),
                    Map.entry("Authorization", V2Signer.authorization(ServerFixture.ALICE.accessKey(), "wrong",
                            "PUT\n\n\n" + date + "\n/continue-refused-bucket")),
                    Map.entry("Content-Length", "5000"), Map.entry("Expect", "100-continue")));
            RawHttp.Response r = http.read(false);
            assertError(r, 403, "SignatureDoesNotMatch");
            assertThat(http.isClosedByServer()).isTrue();
        }
        assertThat(alice.listBuckets().buckets()).noneMatch(b -> b.name().equals("continue-refused-bucket"));
    }

    @Test
    void expectContinueWithAGoodSignatureGetsContinueThenTheAnswer() throws Exception {
        byte[] body = "<CreateBucketConfiguration><LocationConstraint>us-east-1</LocationConstraint></CreateBucketConfiguration>"
                .getBytes(StandardCharsets.UTF_8);
        List<Map.Entry<String, String>> headers = new ArrayList<>(V4Signer.sign("PUT", host(), "/continue-ok-bucket",
                Map.of(), body, ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(), ServerFixture.REGION,
                null));
        headers.add(Map.entry("Expect", "100-continue"));
        try (RawHttp http = SERVER.raw()) {
            http.sendHead("PUT", "/continue-ok-bucket", headers);
            assertThat(http.read(false).status()).isEqualTo(100);
            http.send(body);
            RawHttp.Response r = http.read(false);
            assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
            assertThat(r.header("location")).isEqualTo("/continue-ok-bucket");
        }
        alice.deleteBucket(b -> b.bucket("continue-ok-bucket"));
    }

    // --- routing, anonymous access, malformed heads ---

    @Test
    void unknownSubResourceIsNotImplemented() throws Exception {
        RawHttp.Response r = v4("GET", "/" + BUCKET + "?frobnicate", null, null);
        assertError(r, 501, "NotImplemented");
        RawHttp.Response policy = v4("GET", "/" + BUCKET + "?policy", null, null);
        assertError(policy, 501, "NotImplemented");
    }

    @Test
    void wrongMethodOnAKnownResourceIsMethodNotAllowed() throws Exception {
        RawHttp.Response r = v4("POST", "/", null, null);
        assertError(r, 405, "MethodNotAllowed");
    }

    @Test
    void anonymousRequestsAreAccessDenied() throws Exception {
        try (RawHttp http = SERVER.raw()) {
            RawHttp.Response r = http.exchange("POST", "/" + BUCKET + "/k?uploads", List.of(Map.entry("Host", host())),
                    null);
            assertError(r, 403, "AccessDenied");
            RawHttp.Response list = http.exchange("GET", "/", List.of(Map.entry("Host", host())), null);
            assertError(list, 403, "AccessDenied");
        }
        assertNoUploadsStored();
    }

    @Test
    void headErrorsCarryNoBody() throws Exception {
        try (RawHttp http = SERVER.raw()) {
            RawHttp.Response r = http.exchange("HEAD", "/" + BUCKET, List.of(Map.entry("Host", host())), null);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.body()).isEmpty();
            assertThat(r.header("x-amz-request-id")).matches("[0-9A-F]{16}");
            // the connection is still usable
            RawHttp.Response again = http.exchange("HEAD", "/" + BUCKET, List.of(Map.entry("Host", host())), null);
            assertThat(again.status()).isEqualTo(403);
        }
    }

    @Test
    void oversizedHeadIsRefusedAndTheConnectionClosed() throws Exception {
        try (RawHttp http = SERVER.raw()) {
            http.sendHead("GET", "/", List.of(Map.entry("Host", host()), Map.entry("x-amz-meta-big", "x".repeat(20_000))));
            RawHttp.Response r = http.read(false);
            assertError(r, 400, "RequestHeaderSectionTooLarge");
            assertThat(http.isClosedByServer()).isTrue();
        }
    }

    @Test
    void overlongRequestLineIsRefused() throws Exception {
        try (RawHttp http = SERVER.raw()) {
            http.sendHead("GET", "/" + "a".repeat(20_000), List.of(Map.entry("Host", host())));
            RawHttp.Response r = http.read(false);
            assertThat(r.status()).isEqualTo(400);
            assertThat(r.xmlElement("Code")).isEqualTo("InvalidURI");
        }
    }

    @Test
    void garbageIsABadRequestNotAHang() throws Exception {
        try (RawHttp http = SERVER.raw()) {
            http.send("THIS IS NOT HTTP\r\n\r\n");
            RawHttp.Response r = http.read(false);
            assertThat(r.status()).isBetween(400, 499);
            assertThat(http.isClosedByServer()).isTrue();
        }
    }

    @Test
    void malformedPercentEscapeIsInvalidUri() throws Exception {
        try (RawHttp http = SERVER.raw()) {
            RawHttp.Response r = http.exchange("GET", "/" + BUCKET + "/bad%zzkey", List.of(Map.entry("Host", host())), null);
            assertError(r, 400, "InvalidURI");
        }
    }

    @Test
    void keepAliveAndPipeliningAnswerInOrder() throws Exception {
        String date = now();
        String auth = V2Signer.authorization(ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(),
                "GET\n\n\n" + date + "\n/" + BUCKET + "?location");
        String one = "GET /" + BUCKET + "?location HTTP/1.1\r\nHost: " + host() + "\r\nDate: " + date
                + "\r\nAuthorization: " + auth + "\r\n\r\n";
        String two = "GET /" + BUCKET + "?frobnicate HTTP/1.1\r\nHost: " + host() + "\r\n\r\n";
        try (RawHttp http = SERVER.raw()) {
            http.send(one + two + one);
            RawHttp.Response first = http.read(false);
            RawHttp.Response second = http.read(false);
            RawHttp.Response third = http.read(false);
            assertThat(first.status()).as(first.bodyText()).isEqualTo(200);
            assertThat(first.bodyText()).contains("<LocationConstraint");
            assertThat(second.status()).isEqualTo(501);
            assertThat(third.status()).isEqualTo(200);
            assertThat(List.of(first, second, third)).extracting(x -> x.header("x-amz-request-id")).doesNotHaveDuplicates();
        }
    }

    /** Small PUTs are answered once their fsync completes; what is pipelined behind them waits its turn. */
    @Test
    void pipelinedWritesAreAnsweredInOrderAndSeenByTheReadBehindThem() throws Exception {
        String date = now();
        String resource = "/" + BUCKET + "/pipelined";
        String putAuth = V2Signer.authorization(ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(),
                "PUT\n\n\n" + date + "\n" + resource);
        String getAuth = V2Signer.authorization(ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(),
                "GET\n\n\n" + date + "\n" + resource);
        StringBuilder burst = new StringBuilder();
        for (String body : List.of("first", "second!")) {
            burst.append("PUT ").append(resource).append(" HTTP/1.1\r\nHost: ").append(host()).append("\r\nDate: ")
                    .append(date).append("\r\nAuthorization: ").append(putAuth).append("\r\nContent-Length: ")
                    .append(body.length()).append("\r\n\r\n").append(body);
        }
        burst.append("GET ").append(resource).append(" HTTP/1.1\r\nHost: ").append(host()).append("\r\nDate: ")
                .append(date).append("\r\nAuthorization: ").append(getAuth).append("\r\n\r\n");
        try (RawHttp http = SERVER.raw()) {
            http.send(burst.toString());
            RawHttp.Response first = http.read(false);
            RawHttp.Response second = http.read(false);
            RawHttp.Response read = http.read(false);
            assertThat(first.status()).as(first.bodyText()).isEqualTo(200);
            assertThat(second.status()).as(second.bodyText()).isEqualTo(200);
            assertThat(first.header("ETag")).isNotEqualTo(second.header("ETag"));
            assertThat(read.status()).as(read.bodyText()).isEqualTo(200);
            assertThat(read.bodyText()).isEqualTo("second!");
            assertThat(read.header("ETag")).isEqualTo(second.header("ETag"));
        }
    }
}
