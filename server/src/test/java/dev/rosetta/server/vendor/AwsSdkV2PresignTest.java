package dev.rosetta.server.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.ServerFixture;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.s3.presigner.model.PresignedCreateMultipartUploadRequest;

/**
 * The AWS SDK v2's {@link S3Presigner} (SigV4 query form): presigned CreateMultipartUpload, AbortMultipartUpload,
 * PutObject and GetObject executed with a plain {@code java.net.http} client, answered in the AWS style.
 */
class AwsSdkV2PresignTest {
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create();
    static final String BUCKET = "presigned-v4";

    static S3Presigner presigner;
    static S3Client s3;

    @BeforeAll
    static void setUp() {
        presigner = S3Presigner.builder()
                .endpointOverride(URI.create(SERVER.endpoint()))
                .region(Region.of(ServerFixture.REGION))
                .credentialsProvider(Clients.credentials(ServerFixture.ALICE))
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                .build();
        s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE);
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void tearDown() {
        presigner.close();
        s3.close();
    }

    @Test
    void presignedMultipartSession() throws Exception {
        PresignedCreateMultipartUploadRequest create = presigner.presignCreateMultipartUpload(r -> r
                .signatureDuration(Duration.ofMinutes(5))
                .createMultipartUploadRequest(c -> c.bucket(BUCKET).key("presigned/key")));
        assertThat(create.httpRequest().method()).isEqualTo(SdkHttpMethod.POST);
        assertThat(create.url().getQuery()).contains("uploads").contains("X-Amz-Algorithm=AWS4-HMAC-SHA256")
                .contains("X-Amz-Signature=");
        RawHttp.Response initiated = VendorHttp.send("POST", create.url().toURI(), null);
        WireShape.AWS.assertSuccessDocument(initiated, "InitiateMultipartUploadResult");
        String uploadId = initiated.xmlElement("UploadId");
        assertThat(WireShape.elements(initiated, "Key")).containsExactly("presigned/key");
        assertThat(s3.listMultipartUploads(b -> b.bucket(BUCKET)).uploads())
                .anySatisfy(u -> assertThat(u.uploadId()).isEqualTo(uploadId));

        URI abort = presigner.presignAbortMultipartUpload(r -> r.signatureDuration(Duration.ofMinutes(5))
                .abortMultipartUploadRequest(a -> a.bucket(BUCKET).key("presigned/key").uploadId(uploadId)))
                .url().toURI();
        WireShape.AWS.assertEmptySuccess(VendorHttp.send("DELETE", abort, null), 204);
        // the same URL again: the upload is gone
        WireShape.AWS.assertError(VendorHttp.send("DELETE", abort, null), 404, "NoSuchUpload");
    }

    @Test
    void presignedPutAndGet() throws Exception {
        byte[] data = "presigned with V4".getBytes(StandardCharsets.UTF_8);
        URI put = presigner.presignPutObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(p -> p.bucket(BUCKET).key("object.txt"))).url().toURI();
        RawHttp.Response stored = VendorHttp.send("PUT", put, data);
        assertThat(stored.status()).as(stored.bodyText()).isEqualTo(200);
        WireShape.AWS.assertHeaders(stored);
        assertThat(stored.header("etag")).isNotBlank();

        URI get = presigner.presignGetObject(r -> r.signatureDuration(Duration.ofMinutes(5))
                .getObjectRequest(g -> g.bucket(BUCKET).key("object.txt"))).url().toURI();
        RawHttp.Response fetched = VendorHttp.send("GET", get, null);
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(data);
        WireShape.AWS.assertHeaders(fetched);

        // the GET URL does not authorise a PUT
        WireShape.AWS.assertError(VendorHttp.send("PUT", get, data), 403, "SignatureDoesNotMatch");
    }

    @Test
    void expiredPresignedUrlIsAccessDenied() throws Exception {
        // the SDK's own signer in query mode, with a clock ten minutes back and a five-minute lifetime
        SdkHttpRequest request = SdkHttpRequest.builder().method(SdkHttpMethod.GET)
                .uri(URI.create(SERVER.endpoint() + "/" + BUCKET + "/object.txt")).build();
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> r
                .identity(AwsCredentialsIdentity.create(ServerFixture.ALICE.accessKey(),
                        ServerFixture.ALICE.secretKey()))
                .request(request)
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                .putProperty(AwsV4HttpSigner.REGION_NAME, ServerFixture.REGION)
                .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, false)
                .putProperty(AwsV4HttpSigner.AUTH_LOCATION, AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                .putProperty(AwsV4HttpSigner.EXPIRATION_DURATION, Duration.ofMinutes(5))
                .putProperty(AwsV4HttpSigner.SIGNING_CLOCK,
                        Clock.fixed(Instant.now().minus(Duration.ofMinutes(10)), ZoneOffset.UTC)));
        RawHttp.Response r = VendorHttp.send("GET", signed.request().getUri(), null);
        WireShape.AWS.assertError(r, 403, "AccessDenied");
        assertThat(r.xmlElement("Message")).isEqualTo("Request has expired");
    }
}
