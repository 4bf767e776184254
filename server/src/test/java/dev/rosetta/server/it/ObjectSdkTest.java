package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.ServerFixture;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumAlgorithm;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** PutObject, GetObject and HeadObject through the AWS SDK v2 with its default checksum behaviour. */
class ObjectSdkTest {
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create();
    private static final String BUCKET = "objects";
    private static S3Client s3;

    @BeforeAll
    static void setUp() {
        s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE);
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void tearDown() {
        s3.close();
    }

    private static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String md5Hex(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }

    @Test
    void smallAndLargeObjectsRoundTrip() throws Exception {
        for (int size : new int[] {0, 1, 1000, 64 * 1024, 64 * 1024 + 1, 3 * 1024 * 1024 + 17}) {
            byte[] data = random(size, size);
            String key = "sized/" + size;
            PutObjectResponse put = s3.putObject(b -> b.bucket(BUCKET).key(key), RequestBody.fromBytes(data));
            assertThat(put.eTag()).isEqualTo("\"" + md5Hex(data) + "\"");
            ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key));
            assertThat(got.asByteArray()).as("size " + size).isEqualTo(data);
            assertThat(got.response().contentLength()).isEqualTo(size);
            assertThat(got.response().eTag()).isEqualTo(put.eTag());
        }
    }

    @Test
    void metadataAndContentHeadersComeBackOnHeadAndGet() {
        s3.putObject(b -> b.bucket(BUCKET).key("meta.txt").contentType("text/plain; charset=utf-8")
                        .cacheControl("no-cache").contentDisposition("inline").contentLanguage("fr")
                        .metadata(Map.of("Color", "Blue", "empty", "")),
                RequestBody.fromString("bonjour"));
        HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("meta.txt"));
        assertThat(head.contentType()).isEqualTo("text/plain; charset=utf-8");
        assertThat(head.cacheControl()).isEqualTo("no-cache");
        assertThat(head.contentDisposition()).isEqualTo("inline");
        assertThat(head.contentLanguage()).isEqualTo("fr");
        assertThat(head.contentLength()).isEqualTo(7);
        assertThat(head.metadata()).containsEntry("color", "Blue").containsEntry("empty", "");
        assertThat(head.lastModified()).isNotNull();
        GetObjectResponse get = s3.getObject(b -> b.bucket(BUCKET).key("meta.txt")).response();
        assertThat(get.metadata()).isEqualTo(head.metadata());
    }

    @Test
    void rangesAndConditionalsBehaveAsS3() throws Exception {
        byte[] data = "0123456789abcdefghij".getBytes(StandardCharsets.US_ASCII);
        String etag = s3.putObject(b -> b.bucket(BUCKET).key("range"), RequestBody.fromBytes(data)).eTag();
        ResponseBytes<GetObjectResponse> part = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("range").range("bytes=5-9"));
        assertThat(part.asUtf8String()).isEqualTo("56789");
        assertThat(part.response().contentRange()).isEqualTo("bytes 5-9/20");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("range").range("bytes=-3")).asUtf8String())
                .isEqualTo("hij");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("range").range("bytes=15-100")).asUtf8String())
                .isEqualTo("fghij");
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("range").range("bytes=20-")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(416);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRange");
                });
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("range").ifMatch("\"nope\"")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("range").ifNoneMatch(etag)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(304));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("range").ifMatch(etag)).asUtf8String())
                .isEqualTo(new String(data, StandardCharsets.US_ASCII));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("range")
                .responseContentType("application/x-override").responseContentDisposition("attachment"))
                .response().contentType()).isEqualTo("application/x-override");
    }

    @Test
    void checksumsAreVerifiedStoredAndReturned() {
        PutObjectResponse put = s3.putObject(b -> b.bucket(BUCKET).key("crc").checksumAlgorithm(ChecksumAlgorithm.CRC32_C),
                RequestBody.fromString("123456789"));
        assertThat(put.checksumCRC32C()).isEqualTo("4waSgw==");
        HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("crc").checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumCRC32C()).isEqualTo("4waSgw==");
    }

    @Test
    void conditionalWritesRefuseToOverwrite() {
        s3.putObject(b -> b.bucket(BUCKET).key("once"), RequestBody.fromString("first"));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(BUCKET).key("once").ifNoneMatch("*"),
                RequestBody.fromString("second"))).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("once")).asUtf8String()).isEqualTo("first");
    }

    @Test
    void missingKeysAreNoSuchKey() {
        assertThatThrownBy(() -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("absent")))
                .isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(BUCKET).key("absent")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }
}
