package dev.rosetta.server.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import com.qcloud.cos.auth.BasicCOSCredentials;
import com.qcloud.cos.auth.COSSigner;
import com.qcloud.cos.http.HttpMethodName;
import dev.rosetta.server.config.EndpointConfig;
import dev.rosetta.server.config.KeyPair;
import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.ServerFixture;
import dev.rosetta.server.testing.V2Signer;
import dev.rosetta.server.testing.V4Signer;
import dev.rosetta.server.testing.WosV4Signer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Hand-built requests (RawHttp) for what no SDK sends, each checked against the wire style of its dialect:
 * <ul>
 *   <li>the documented special errors of every V2-family scheme (AWS V2 on AWS, OBS and WCS endpoints, OBS native,
 *       WOS V2-style) around the {@code uploads} sub-resource: signed but not in the URL, in the URL but not signed,
 *       misspelt on either side, spelt differently on each side → {@code 403 SignatureDoesNotMatch} "The request
 *       signature we calculated does not match the signature you provided." and nothing stored;</li>
 *   <li>{@code WOS AK:sig} (the V2-style scheme the WOS docs' samples show, docs/dialects.md §5.3 ASSUMPTION) and
 *       an AWS-V2-signed request to a WCS endpoint, as in the WOS InitiateMultipartUpload sample;</li>
 *   <li>unknown access keys, expired windows and skewed clocks in every scheme → each dialect's code;</li>
 *   <li>the anonymous rule on vendor endpoints, COS path-style requests and COS start-time tolerance, and an
 *       endpoint suffix nested under a virtual-host domain.</li>
 * </ul>
 * Requests are path style to the endpoint host ({@code Host: obs.rosetta.test} etc.), sent to loopback.
 */
class VendorRawRequestTest {
    static final String OBS = "obs.rosetta.test";
    static final String COS = "cos.rosetta.test";
    static final String WOS = "wos.rosetta.test";
    static final String WCS = "wcs.rosetta.test";
    /** An endpoint suffix under the fixture's virtual-host domain s3.rosetta.test. */
    static final String NESTED_OBS = "obs.s3.rosetta.test";
    static final String WOS_REGION = "cn-south-1";
    static final KeyPair NOBODY = new KeyPair("AKNOBODY00000000000X", "nobody/secret/0000000000000000000000000", null);
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.endpoints(List.of(
            EndpointConfig.parse(OBS + "=OBS"),
            EndpointConfig.parse(COS + "=COS"),
            EndpointConfig.of(WOS, "WOS", WOS_REGION),
            EndpointConfig.of(WCS, "WCS", WOS_REGION),
            EndpointConfig.parse(NESTED_OBS + "=OBS"))));

    static final WireShape OBS_NATIVE = WireShape.obs(ServerFixture.REGION);
    static final WireShape OBS_S3 = WireShape.obsS3(ServerFixture.REGION);
    static final String BUCKET = "raw-vendor";
    static final String COS_BUCKET = "raw-vendor-1250000000";

    static S3Client alice;

    @BeforeAll
    static void createBuckets() {
        alice = Clients.pathStyle(SERVER, ServerFixture.ALICE);
        alice.createBucket(b -> b.bucket(BUCKET));
        alice.createBucket(b -> b.bucket(COS_BUCKET));
    }

    @AfterAll
    static void close() {
        alice.close();
    }

    static String local() {
        return "127.0.0.1:" + SERVER.port();
    }

    static RawHttp.Response send(String method, String target, List<Map.Entry<String, String>> headers)
            throws Exception {
        try (RawHttp http = SERVER.raw()) {
            return http.exchange(method, target, headers, null);
        }
    }

    static void assertNoUploads() {
        assertThat(alice.listMultipartUploads(b -> b.bucket(BUCKET)).uploads()).isEmpty();
        assertThat(alice.listMultipartUploads(b -> b.bucket(COS_BUCKET)).uploads()).isEmpty();
    }

    static void abortAll() {
        for (String bucket : List.of(BUCKET, COS_BUCKET)) {
            alice.listMultipartUploads(b -> b.bucket(bucket)).uploads().forEach(u -> alice.abortMultipartUpload(
                    b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId())));
        }
    }

    // --- the V2 family ---

    /** A V2-shaped HMAC-SHA1 scheme on one endpoint, and the wire style it must be answered in. */
    enum V2Scheme {
        AWS_V2("AWS", "x-amz-date", null, WireShape.AWS),
        AWS_V2_ON_OBS("AWS", "x-amz-date", OBS, OBS_S3),
        AWS_V2_ON_WCS("AWS", "x-amz-date", WCS, WireShape.WCS),
        OBS_NATIVE("OBS", "x-obs-date", OBS, VendorRawRequestTest.OBS_NATIVE),
        WOS_V2("WOS", "x-wos-date", WOS, WireShape.WOS);

        final String word;
        final String dateHeader;
        final String host;
        final WireShape shape;

        V2Scheme(String word, String dateHeader, String host, WireShape shape) {
            this.word = word;
            this.dateHeader = dateHeader;
            this.host = host;
            this.shape = shape;
        }

        String host() {
            return host != null ? host : local();
        }

        /**
         * {@code method target} signed over {@code resource} at {@code at}, the time in the scheme's own date header
         * (so the Date position is empty).
         */
        RawHttp.Response send(String method, String target, String resource, KeyPair keys, Instant at)
                throws Exception {
            String date = RFC_1123.format(at);
            String stringToSign = method + "\n\n\n\n" + dateHeader + ":" + date + "\n" + resource;
            return VendorRawRequestTest.send(method, target, List.of(Map.entry("Host", host()),
                    Map.entry(dateHeader, date),
                    Map.entry("Authorization", word + " " + keys.accessKey() + ":"
                            + V2Signer.sign(keys.secretKey(), stringToSign))));
        }
    }

    @ParameterizedTest
    @EnumSource(V2Scheme.class)
    void v2FamilySignatureOverUploadsInitiates(V2Scheme scheme) throws Exception {
        String path = "/" + BUCKET + "/" + scheme.name().toLowerCase(Locale.ROOT);
        RawHttp.Response r = scheme.send("POST", path + "?uploads", path + "?uploads", ServerFixture.ALICE,
                Instant.now());
        scheme.shape.assertSuccessDocument(r, "InitiateMultipartUploadResult");
        assertThat(r.xmlElement("Bucket")).isEqualTo(BUCKET);
        abortAll();
    }

    @ParameterizedTest
    @EnumSource(V2Scheme.class)
    void v2FamilyUploadsMismatchesAreSignatureDoesNotMatch(V2Scheme scheme) throws Exception {
        String path = "/" + BUCKET + "/k";
        List<String[]> cases = List.of(
                new String[] {"", "?uploads"},          // signed over uploads, the URL lacks it
                new String[] {"?uploads", ""},          // the URL has uploads, the signature does not
                new String[] {"?upload", "?uploads"},   // misspelt in the URL
                new String[] {"?uploads", "?uplaods"},  // misspelt in the signature
                new String[] {"?Uploads", "?uploads"},  // both present, spelt differently
                new String[] {"?uploads", "?Uploads"});
        for (String[] c : cases) {
            RawHttp.Response r = scheme.send("POST", path + c[0], path + c[1], ServerFixture.ALICE, Instant.now());
            scheme.shape.assertError(r, 403, "SignatureDoesNotMatch");
            assertThat(r.xmlElement("Message")).as(scheme + " url " + c[0] + " signed " + c[1])
                    .isEqualTo("The request signature we calculated does not match the signature you provided."
                            + " Check your key and signing method.");
            assertThat(r.xmlElement("AWSAccessKeyId")).isEqualTo(ServerFixture.ALICE.accessKey());
            assertThat(r.bodyText()).doesNotContain(ServerFixture.ALICE.secretKey());
        }
        assertNoUploads();
    }

    @ParameterizedTest
    @EnumSource(V2Scheme.class)
    void v2FamilyUnknownKeyAndSkewedClock(V2Scheme scheme) throws Exception {
        String path = "/" + BUCKET + "/k?uploads";
        scheme.shape.assertError(scheme.send("POST", path, path, NOBODY, Instant.now()), 403, "InvalidAccessKeyId");
        scheme.shape.assertError(scheme.send("POST", path, path, ServerFixture.ALICE,
                Instant.now().minus(Duration.ofMinutes(16))), 403, "RequestTimeTooSkewed");
        scheme.shape.assertError(scheme.send("POST", path, path, ServerFixture.ALICE,
                Instant.now().plus(Duration.ofMinutes(16))), 403, "RequestTimeTooSkewed");
        // within 15 minutes is accepted
        scheme.shape.assertSuccessDocument(scheme.send("POST", path, path, ServerFixture.ALICE,
                Instant.now().minus(Duration.ofMinutes(14))), "InitiateMultipartUploadResult");
        abortAll();
        // no date header at all
        RawHttp.Response noDate = send("POST", path, List.of(Map.entry("Host", scheme.host()),
                Map.entry("Authorization", scheme.word + " " + ServerFixture.ALICE.accessKey() + ":"
                        + V2Signer.sign(ServerFixture.ALICE.secretKey(), "POST\n\n\n\n" + path))));
        scheme.shape.assertError(noDate, 403, "AccessDenied");
        assertNoUploads();
    }

    // --- WOS docs samples ---

    /**
     * The WOS documentation's {@code WOS AK:sig} samples (InitiateMultipartUpload with x-wos-* headers, then
     * HeadObject with a Date header), signed as the OBS algorithm with WOS names (§5.3).
     */
    @Test
    void wosV2StyleFromTheDocsSamples() throws Exception {
        String date = RFC_1123.format(Instant.now());
        String resource = "/" + BUCKET + "/mine-type.mp4?uploads";
        String stringToSign = "POST\n\nvideo/mp4\n\nx-wos-date:" + date + "\nx-wos-meta-author:alice\n"
                + "x-wos-storage-class:IA\n" + resource;
        RawHttp.Response r = send("POST", resource, List.of(Map.entry("Host", WOS),
                Map.entry("Content-Type", "video/mp4"), Map.entry("x-wos-date", date),
                Map.entry("x-wos-meta-Author", "  alice "), Map.entry("x-wos-storage-class", "IA"),
                Map.entry("Authorization", "WOS " + ServerFixture.ALICE.accessKey() + ":"
                        + V2Signer.sign(ServerFixture.ALICE.secretKey(), stringToSign))));
        WireShape.WOS.assertSuccessDocument(r, "InitiateMultipartUploadResult");

        String listResource = "/" + BUCKET + "?uploads";
        RawHttp.Response list = send("GET", listResource, List.of(Map.entry("Host", WOS), Map.entry("Date", date),
                Map.entry("Authorization", "WOS " + ServerFixture.ALICE.accessKey() + ":"
                        + V2Signer.sign(ServerFixture.ALICE.secretKey(), "GET\n\n\n" + date + "\n" + listResource))));
        WireShape.WOS.assertSuccessDocument(list, "ListMultipartUploadsResult");
        assertThat(WireShape.elements(list, "StorageClass")).containsExactly("IA");
        abortAll();

        // PUT then the HeadObject sample: Date header, no x-wos-* headers
        alice.putObject(b -> b.bucket(BUCKET).key("head-me.txt"),
                software.amazon.awssdk.core.sync.RequestBody.fromString("hello"));
        String headResource = "/" + BUCKET + "/head-me.txt";
        try (RawHttp http = SERVER.raw()) {
            RawHttp.Response head = http.exchange("HEAD", headResource, List.of(Map.entry("Host", WOS),
                    Map.entry("Date", date), Map.entry("Authorization", "WOS " + ServerFixture.ALICE.accessKey() + ":"
                            + V2Signer.sign(ServerFixture.ALICE.secretKey(), "HEAD\n\n\n" + date + "\n"
                            + headResource))), null);
            assertThat(head.status()).isEqualTo(200);
            WireShape.WOS.assertHeaders(head);
            assertThat(head.header("content-length")).isEqualTo("5");
        }
    }

    /** The WOS InitiateMultipartUpload sample signed with AWS V2, sent to a WCS endpoint. */
    @Test
    void awsV2SignedRequestToAWcsEndpoint() throws Exception {
        String date = RFC_1123.format(Instant.now());
        String resource = "/" + BUCKET + "/objectkey?uploads";
        RawHttp.Response r = send("POST", resource, List.of(Map.entry("Host", WCS), Map.entry("Date", date),
                Map.entry("Authorization", V2Signer.authorization(ServerFixture.ALICE.accessKey(),
                        ServerFixture.ALICE.secretKey(), "POST\n\n\n" + date + "\n" + resource))));
        String body = WireShape.WCS.assertSuccessDocument(r, "InitiateMultipartUploadResult");
        assertThat(body).contains("xmlns=\"http://wcs.chinanetcenter.com/document\"");
        assertThat(r.header("x-amz-request-id")).isNull();
        abortAll();
    }

    // --- every scheme's unknown key, expiry and skew ---

    @TestFactory
    Stream<DynamicTest> unknownKeysExpiredWindowsAndSkewedClocks() {
        Map<String, Supplier<Expectation>> cases = new LinkedHashMap<>();
        String path = "/" + BUCKET + "/k";
        Instant now = Instant.now();
        long past = now.minusSeconds(60).getEpochSecond();

        cases.put("AWS V2 presigned, expired", () -> new Expectation(WireShape.AWS, 403, "AccessDenied",
                get(local(), path + "?AWSAccessKeyId=" + ServerFixture.ALICE.accessKey() + "&Expires=" + past
                        + "&Signature=" + enc(V2Signer.sign(ServerFixture.ALICE.secretKey(),
                        "GET\n\n\n" + past + "\n" + path)))));
        cases.put("AWS V2 presigned, unknown key", () -> new Expectation(WireShape.AWS, 403, "InvalidAccessKeyId",
                get(local(), path + "?AWSAccessKeyId=" + NOBODY.accessKey() + "&Expires=" + (past + 3600)
                        + "&Signature=" + enc(V2Signer.sign(NOBODY.secretKey(), "GET\n\n\n" + (past + 3600) + "\n"
                        + path)))));
        cases.put("AWS V4 header, skewed", () -> new Expectation(WireShape.AWS, 403, "RequestTimeTooSkewed",
                v4(local(), ServerFixture.ALICE, ServerFixture.REGION, now.minus(Duration.ofMinutes(20)))));
        cases.put("AWS V4 header, unknown key", () -> new Expectation(WireShape.AWS, 403, "InvalidAccessKeyId",
                v4(local(), NOBODY, ServerFixture.REGION, now)));
        cases.put("AWS V4 header on OBS, skewed", () -> new Expectation(OBS_S3, 403, "RequestTimeTooSkewed",
                v4(OBS, ServerFixture.ALICE, ServerFixture.REGION, now.minus(Duration.ofMinutes(20)))));
        cases.put("AWS V4 header on WOS, wrong region", () -> new Expectation(WireShape.WOS, 400,
                "AuthorizationHeaderMalformed", v4(WOS, ServerFixture.ALICE, ServerFixture.REGION, now)));
        cases.put("AWS V4 header on COS, unknown key", () -> new Expectation(WireShape.COS_S3, 403,
                "InvalidAccessKeyId", v4(COS, NOBODY, ServerFixture.REGION, now)));
        cases.put("OBS presigned, expired", () -> new Expectation(OBS_NATIVE, 403, "AccessDenied",
                get(OBS, path + "?AccessKeyId=" + ServerFixture.ALICE.accessKey() + "&Expires=" + past
                        + "&Signature=" + enc(V2Signer.sign(ServerFixture.ALICE.secretKey(),
                        "GET\n\n\n" + past + "\n" + path)))));
        cases.put("OBS presigned, unknown key", () -> new Expectation(OBS_NATIVE, 403, "InvalidAccessKeyId",
                get(OBS, path + "?AccessKeyId=" + NOBODY.accessKey() + "&Expires=" + (past + 3600)
                        + "&Signature=" + enc(V2Signer.sign(NOBODY.secretKey(), "GET\n\n\n" + (past + 3600) + "\n"
                        + path)))));
        cases.put("COS header, unknown key", () -> new Expectation(WireShape.COS, 403, "InvalidAccessKeyId",
                cos(NOBODY, now.minusSeconds(10), now.plusSeconds(600), "/k", false)));
        cases.put("COS header, expired window", () -> new Expectation(WireShape.COS, 403, "AccessDenied",
                cos(ServerFixture.ALICE, now.minusSeconds(3600), now.minusSeconds(60), "/k", false)));
        cases.put("COS header, start 20 minutes ahead", () -> new Expectation(WireShape.COS, 403,
                "RequestTimeTooSkewed", cos(ServerFixture.ALICE, now.plus(Duration.ofMinutes(20)),
                now.plus(Duration.ofMinutes(60)), "/k", false)));
        cases.put("COS presigned, expired window", () -> new Expectation(WireShape.COS, 403, "AccessDenied",
                cos(ServerFixture.ALICE, now.minusSeconds(3600), now.minusSeconds(60), "/k", true)));
        cases.put("WOS-HMAC-SHA256, unknown key", () -> new Expectation(WireShape.WOS, 403, "InvalidAccessKeyId",
                wosV4(WOS, NOBODY, WOS_REGION, now)));
        cases.put("WOS-HMAC-SHA256, skewed", () -> new Expectation(WireShape.WOS, 403, "RequestTimeTooSkewed",
                wosV4(WOS, ServerFixture.ALICE, WOS_REGION, now.plus(Duration.ofMinutes(20)))));
        cases.put("WOS-HMAC-SHA256 on WCS, wrong region", () -> new Expectation(WireShape.WCS, 400,
                "AuthorizationHeaderMalformed", wosV4(WCS, ServerFixture.ALICE, "cn-north-1", now)));
        cases.put("AWS V4 header on COS without x-amz-content-sha256", () -> new Expectation(WireShape.COS_S3, 400,
                "InvalidRequest", without(V4Signer.sign("POST", COS, "/" + BUCKET + "/k?uploads", Map.of(), null,
                ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(), ServerFixture.REGION, now),
                "x-amz-content-sha256")));
        cases.put("WOS-HMAC-SHA256 without x-wos-content-sha256", () -> new Expectation(WireShape.WOS, 400,
                "InvalidRequest", without(WosV4Signer.sign("POST", WOS, "/" + BUCKET + "/k?uploads", Map.of(),
                ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(), WOS_REGION, now),
                "x-wos-content-sha256")));
        return cases.entrySet().stream().map(c -> DynamicTest.dynamicTest(c.getKey(), () -> {
            Expectation e = c.getValue().get();
            e.shape().assertError(e.response(), e.status(), e.code());
            assertNoUploads();
        }));
    }

    record Expectation(WireShape shape, int status, String code, RawHttp.Response response) {
    }

    static RawHttp.Response get(String host, String target) {
        try {
            return send("GET", target, List.of(Map.entry("Host", host)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The signed headers without one of them, sent as an InitiateMultipartUpload. */
    static RawHttp.Response without(List<Map.Entry<String, String>> headers, String name) {
        try {
            return send("POST", "/" + BUCKET + "/k?uploads",
                    headers.stream().filter(h -> !h.getKey().equalsIgnoreCase(name)).toList());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A V4-signed InitiateMultipartUpload to {@code host}, path style. */
    static RawHttp.Response v4(String host, KeyPair keys, String region, Instant at) {
        String target = "/" + BUCKET + "/k?uploads";
        try {
            return send("POST", target, V4Signer.sign("POST", host, target, Map.of(), null, keys.accessKey(),
                    keys.secretKey(), region, at));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static RawHttp.Response wosV4(String host, KeyPair keys, String region, Instant at) {
        String target = "/" + BUCKET + "/k?uploads";
        try {
            return send("POST", target, WosV4Signer.sign("POST", host, target, Map.of(), keys.accessKey(),
                    keys.secretKey(), region, at));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A COS-signed (the COS SDK's own {@code COSSigner}) InitiateMultipartUpload for {@link #COS_BUCKET}, path style
     * to the COS endpoint, signed over {@code signedPath}; in the header, or as the q-* query parameters.
     */
    static RawHttp.Response cos(KeyPair keys, Instant start, Instant end, String signedPath, boolean presigned) {
        Map<String, String> headers = Map.of("Host", COS);
        Map<String, String> params = Map.of("uploads", "");
        String auth = new COSSigner().buildAuthorizationStr(HttpMethodName.POST, signedPath, headers, params,
                new BasicCOSCredentials(keys.accessKey(), keys.secretKey()), Date.from(start), Date.from(end), true);
        String target = "/" + COS_BUCKET + "/k?uploads";
        try {
            if (presigned) {
                StringBuilder q = new StringBuilder(target);
                for (String part : auth.split("&")) {
                    int eq = part.indexOf('=');
                    q.append('&').append(part, 0, eq).append('=').append(enc(part.substring(eq + 1)));
                }
                return send("POST", q.toString(), List.of(Map.entry("Host", COS), Map.entry("Content-Length", "0")));
            }
            return send("POST", target, List.of(Map.entry("Host", COS), Map.entry("Authorization", auth),
                    Map.entry("Content-Length", "0")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // --- COS specifics ---

    /**
     * COS signatures never name the bucket (the SDK signs {@code /key} and addresses the bucket by host); a
     * path-style request is verified with the path as sent and then without its bucket segment.
     */
    @Test
    void cosPathStyleRequestsVerifyWithOrWithoutTheBucketInTheSignedPath() {
        Instant now = Instant.now();
        WireShape.COS.assertSuccessDocument(cos(ServerFixture.ALICE, now, now.plusSeconds(600), "/k", false),
                "InitiateMultipartUploadResult");
        WireShape.COS.assertSuccessDocument(cos(ServerFixture.ALICE, now, now.plusSeconds(600),
                "/" + COS_BUCKET + "/k", false), "InitiateMultipartUploadResult");
        WireShape.COS.assertError(cos(ServerFixture.ALICE, now, now.plusSeconds(600), "/other", false), 403,
                "SignatureDoesNotMatch");
        abortAll();
    }

    /** The COS SDKs stamp the window's start with the client's clock: up to 15 minutes ahead is accepted. */
    @Test
    void cosStartTimeUpToFifteenMinutesAheadIsAccepted() {
        Instant now = Instant.now();
        WireShape.COS.assertSuccessDocument(cos(ServerFixture.ALICE, now.plus(Duration.ofMinutes(10)),
                now.plus(Duration.ofMinutes(60)), "/k", false), "InitiateMultipartUploadResult");
        abortAll();
    }

    // --- the OBS SDK's V4 payload hash ---

    /**
     * esdk-obs-java's V4 mode sends the empty body's hash as x-amz-content-sha256 whatever the body: on an OBS
     * endpoint that commits to nothing (it is taken as UNSIGNED-PAYLOAD); everywhere else it is checked.
     */
    @Test
    void emptyBodyHashWithABodyIsOnlyAcceptedOnObsEndpoints() throws Exception {
        byte[] body = "not empty".getBytes(StandardCharsets.UTF_8);
        for (String host : List.of(OBS, local(), COS)) {
            String target = "/" + BUCKET + "/empty-hash.txt";
            List<Map.Entry<String, String>> headers = new ArrayList<>(V4Signer.sign("PUT", host, target, Map.of(),
                    null, ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(), ServerFixture.REGION,
                    null));
            assertThat(headers).contains(Map.entry("x-amz-content-sha256",
                    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
            RawHttp.Response r;
            try (RawHttp http = SERVER.raw()) {
                r = http.exchange("PUT", target, headers, body);
            }
            if (host.equals(OBS)) {
                assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
                OBS_S3.assertHeaders(r);
            } else {
                (host.equals(COS) ? WireShape.COS_S3 : WireShape.AWS).assertError(r, 400,
                        "XAmzContentSHA256Mismatch");
            }
        }
    }

    // --- anonymous requests on vendor endpoints ---

    @Test
    void anonymousRequestsTakeTheEndpointsStyle() throws Exception {
        String target = "/" + BUCKET + "/k?uploads";
        WireShape.AWS.assertError(send("POST", target, List.of(Map.entry("Host", local()))), 403, "AccessDenied");
        WireShape.COS.assertError(send("POST", target, List.of(Map.entry("Host", COS))), 403, "AccessDenied");
        WireShape.WOS.assertError(send("POST", target, List.of(Map.entry("Host", WOS))), 403, "AccessDenied");
        WireShape.WCS.assertError(send("POST", target, List.of(Map.entry("Host", WCS))), 403, "AccessDenied");
        // OBS: native unless the request carries x-amz- headers and no x-obs- ones
        OBS_NATIVE.assertError(send("POST", target, List.of(Map.entry("Host", OBS))), 403, "AccessDenied");
        OBS_S3.assertError(send("POST", target, List.of(Map.entry("Host", OBS),
                Map.entry("x-amz-acl", "private"))), 403, "AccessDenied");
        OBS_NATIVE.assertError(send("POST", target, List.of(Map.entry("Host", OBS),
                Map.entry("x-amz-acl", "private"), Map.entry("x-obs-acl", "private"))), 403, "AccessDenied");
        assertNoUploads();
    }

    /** An error of a HEAD request carries the dialect's headers and no body. */
    @Test
    void headErrorsCarryTheDialectsHeadersOnly() throws Exception {
        try (RawHttp http = SERVER.raw()) {
            RawHttp.Response r = http.exchange("HEAD", "/" + BUCKET + "/missing", List.of(Map.entry("Host", OBS)),
                    null);
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.body()).isEmpty();
            OBS_NATIVE.assertHeaders(r);
        }
    }

    // --- endpoint suffixes under a virtual-host domain ---

    /**
     * {@code obs.s3.rosetta.test} is an OBS endpoint under the virtual-host domain {@code s3.rosetta.test}: a host
     * {@code bucket.obs.s3.rosetta.test} names {@code bucket} (the longest suffix wins), not {@code bucket.obs}.
     */
    @Test
    void theLongestSuffixDecidesTheVirtualHostBucket() throws Exception {
        String date = RFC_1123.format(Instant.now());
        String stringToSign = "POST\n\n\n\nx-obs-date:" + date + "\n/" + BUCKET + "/nested?uploads";
        RawHttp.Response r = send("POST", "/nested?uploads", List.of(Map.entry("Host", BUCKET + "." + NESTED_OBS),
                Map.entry("x-obs-date", date), Map.entry("Authorization", "OBS " + ServerFixture.ALICE.accessKey()
                        + ":" + V2Signer.sign(ServerFixture.ALICE.secretKey(), stringToSign))));
        OBS_NATIVE.assertSuccessDocument(r, "InitiateMultipartUploadResult");
        assertThat(r.xmlElement("Bucket")).isEqualTo(BUCKET);
        abortAll();

        // the nested endpoint's own name is path style, not bucket "obs" of s3.rosetta.test
        String pathStyle = "POST\n\n\n\nx-obs-date:" + date + "\n/" + BUCKET + "/nested?uploads";
        RawHttp.Response p = send("POST", "/" + BUCKET + "/nested?uploads", List.of(Map.entry("Host", NESTED_OBS),
                Map.entry("x-obs-date", date), Map.entry("Authorization", "OBS " + ServerFixture.ALICE.accessKey()
                        + ":" + V2Signer.sign(ServerFixture.ALICE.secretKey(), pathStyle))));
        OBS_NATIVE.assertSuccessDocument(p, "InitiateMultipartUploadResult");
        assertThat(p.xmlElement("Bucket")).isEqualTo(BUCKET);
        abortAll();
    }
}
