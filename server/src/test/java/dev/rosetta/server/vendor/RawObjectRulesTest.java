package dev.rosetta.server.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.server.config.EndpointConfig;
import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.ServerFixture;
import dev.rosetta.server.testing.V4Signer;
import dev.rosetta.server.testing.WosV4Signer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Hand-signed requests for what the vendor SDKs cannot send: WOS-HMAC-SHA256 requests with {@code x-wos-} headers
 * (the bucket's default class, metadata, website redirect through a whole multipart upload), Content-MD5 on
 * InitiateMultipartUpload (WOS's 403 SignatureDoesNotMatch, S3's 400 BadDigest, both storing nothing), JD's
 * InitiateMultipartUpload without Content-Length, and non-US-ASCII metadata values (raw UTF-8 bytes, RFC 2047) as
 * S3 handles them.
 */
class RawObjectRulesTest {
    static final String WOS = "wos.rosetta.test";
    static final String WOS_REGION = "cn-south-1";
    static final String JD = "s3.cn-north-1.jdcloud.rosetta.test";
    static final String JD_REGION = "cn-north-1";
    static final int PART = 5 * 1024;
    static final String EMPTY_MD5 = "1B2M2Y8AsgTpgAmY7PhCfg==";

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.minPartSize(PART).endpoints(List.of(
            EndpointConfig.of(WOS, "WOS", WOS_REGION), EndpointConfig.of(JD, "JD", JD_REGION))));

    static S3Client s3;

    @BeforeAll
    static void client() {
        s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE);
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    static RawHttp.Response wos(String method, String target, Map<String, String> headers, byte[] body)
            throws Exception {
        List<Map.Entry<String, String>> signed = new ArrayList<>(WosV4Signer.sign(method, WOS, target, headers,
                ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(), WOS_REGION, Instant.now()));
        if (body == null || body.length == 0) {
            signed.add(Map.entry("Content-Length", "0"));
        }
        try (RawHttp http = SERVER.raw()) {
            return http.exchange(method, target, signed, body);
        }
    }

    static RawHttp.Response aws(String method, String host, String region, String target, Map<String, String> headers,
                                byte[] body) throws Exception {
        List<Map.Entry<String, String>> signed = V4Signer.sign(method, host, target, headers, body,
                ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(), region, null);
        try (RawHttp http = SERVER.raw()) {
            return http.exchange(method, target, signed, body);
        }
    }

    static String local() {
        return "127.0.0.1:" + SERVER.port();
    }

    static String md5(byte[] data) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(data));
    }

    @Test
    void wosBucketDefaultClassMetadataAndRedirectThroughAMultipartUpload() throws Exception {
        String bucket = "wos-rules";
        RawHttp.Response create = wos("PUT", "/" + bucket, Map.of("x-wos-storage-class", "IA"), null);
        assertThat(create.status()).as(create.bodyText()).isEqualTo(200);
        WireShape.WOS.assertHeaders(create);

        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("x-wos-meta-colour", "blue");
        headers.put("x-wos-website-redirect-location", "/index.html");
        headers.put("Content-MD5", EMPTY_MD5); // right: accepted
        RawHttp.Response initiate = wos("POST", "/" + bucket + "/site/page?uploads", headers, null);
        assertThat(initiate.status()).as(initiate.bodyText()).isEqualTo(200);
        String id = initiate.xmlElement("UploadId");
        RawHttp.Response list = wos("GET", "/" + bucket + "?uploads", Map.of(), null);
        assertThat(WireShape.elements(list, "StorageClass")).containsExactly("IA");

        String e1 = wos("PUT", "/" + bucket + "/site/page?partNumber=1&uploadId=" + id, Map.of(), new byte[PART])
                .header("etag");
        String e2 = wos("PUT", "/" + bucket + "/site/page?partNumber=2&uploadId=" + id, Map.of(), new byte[4])
                .header("etag");
        RawHttp.Response parts = wos("GET", "/" + bucket + "/site/page?uploadId=" + id, Map.of(), null);
        assertThat(WireShape.elements(parts, "StorageClass")).containsExactly("IA");
        byte[] complete = ("<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>" + e1 + "</ETag></Part>"
                + "<Part><PartNumber>2</PartNumber><ETag>" + e2 + "</ETag></Part></CompleteMultipartUpload>")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Response done = wos("POST", "/" + bucket + "/site/page?uploadId=" + id, Map.of(), complete);
        assertThat(done.status()).as(done.bodyText()).isEqualTo(200);

        RawHttp.Response head = wos("HEAD", "/" + bucket + "/site/page", Map.of(), null);
        assertThat(head.status()).isEqualTo(200);
        assertThat(head.header("x-wos-storage-class")).isEqualTo("IA");
        assertThat(head.header("x-wos-meta-colour")).isEqualTo("blue");
        assertThat(head.header("x-wos-website-redirect-location")).isEqualTo("/index.html");
        assertThat(head.header("x-amz-storage-class")).isNull();
        RawHttp.Response objects = wos("GET", "/" + bucket + "?list-type=2", Map.of(), null);
        assertThat(WireShape.elements(objects, "StorageClass")).containsExactly("IA");

        // an unknown class at CreateBucket is refused and makes no bucket
        RawHttp.Response bad = wos("PUT", "/wos-rules-bad", Map.of("x-wos-storage-class", "FROZEN"), null);
        WireShape.WOS.assertError(bad, 400, "InvalidStorageClass");
        assertThat(s3.listBuckets().buckets()).noneMatch(b -> b.name().equals("wos-rules-bad"));
    }

    @Test
    void contentMd5OnInitiateWosAnswers403SignatureDoesNotMatchS3Answers400BadDigest() throws Exception {
        String bucket = "md5-rules";
        s3.createBucket(b -> b.bucket(bucket));
        String wrong = md5("not empty".getBytes(StandardCharsets.UTF_8));

        RawHttp.Response onWos = wos("POST", "/" + bucket + "/k?uploads", Map.of("Content-MD5", wrong), null);
        WireShape.WOS.assertError(onWos, 403, "SignatureDoesNotMatch");

        RawHttp.Response onAws = aws("POST", local(), ServerFixture.REGION, "/" + bucket + "/k?uploads",
                Map.of("Content-MD5", wrong), null);
        assertThat(onAws.status()).as(onAws.bodyText()).isEqualTo(400);
        assertThat(onAws.xmlElement("Code")).isEqualTo("BadDigest");

        RawHttp.Response onJd = aws("POST", JD, JD_REGION, "/" + bucket + "/k?uploads", Map.of("Content-MD5", wrong),
                null);
        assertThat(onJd.status()).isEqualTo(400);
        assertThat(onJd.xmlElement("Code")).isEqualTo("BadDigest");
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();

        // the right digest of the empty body is accepted everywhere
        assertThat(aws("POST", local(), ServerFixture.REGION, "/" + bucket + "/k?uploads",
                Map.of("Content-MD5", EMPTY_MD5), null).status()).isEqualTo(200);
    }

    @Test
    void jdInitiateWithoutContentLengthIsAccepted() throws Exception {
        String bucket = "jd-no-length";
        s3.createBucket(b -> b.bucket(bucket));
        List<Map.Entry<String, String>> signed = V4Signer.sign("POST", JD, "/" + bucket + "/k?uploads", Map.of(),
                null, ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(), JD_REGION, null);
        assertThat(signed).noneMatch(h -> h.getKey().equalsIgnoreCase("content-length"));
        try (RawHttp http = SERVER.raw()) {
            RawHttp.Response r = http.exchange("POST", "/" + bucket + "/k?uploads", signed, null);
            assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
            assertThat(r.xmlElement("UploadId")).isNotBlank();
        }
    }

    @Test
    void nonAsciiMetadataValuesAreAnsweredRfc2047AsS3Does() throws Exception {
        String bucket = "meta-unicode";
        s3.createBucket(b -> b.bucket(bucket));
        String text = "naïve 日本";
        String rfc2047 = "=?UTF-8?B?" + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8))
                + "?=";
        // the raw UTF-8 bytes in the header (the server sees one char per byte)
        String wire = new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        RawHttp.Response put = aws("PUT", local(), ServerFixture.REGION, "/" + bucket + "/raw",
                Map.of("x-amz-meta-word", wire, "x-amz-meta-plain", "as given ="), "x".getBytes());
        assertThat(put.status()).as(put.bodyText()).isEqualTo(200);
        RawHttp.Response head = aws("HEAD", local(), ServerFixture.REGION, "/" + bucket + "/raw", Map.of(), null);
        assertThat(head.header("x-amz-meta-word")).isEqualTo(rfc2047);
        assertThat(head.header("x-amz-meta-plain")).isEqualTo("as given =");

        // the SDKs send non-ASCII values RFC 2047-encoded; they come back in S3's B form, which the SDK returns as is
        s3.putObject(b -> b.bucket(bucket).key("sdk").metadata(Map.of("word", rfc2047)), RequestBody.fromString("y"));
        assertThat(s3.headObject(b -> b.bucket(bucket).key("sdk")).metadata()).containsEntry("word", rfc2047);
        // 2 KB counts the UTF-8 bytes of the decoded value
        String big = new String("語".repeat(700).getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        RawHttp.Response tooBig = aws("PUT", local(), ServerFixture.REGION, "/" + bucket + "/big",
                Map.of("x-amz-meta-a", big), "x".getBytes());
        assertThat(tooBig.status()).isEqualTo(400);
        assertThat(tooBig.xmlElement("Code")).isEqualTo("MetadataTooLarge");
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).hasSize(2);
    }
}
