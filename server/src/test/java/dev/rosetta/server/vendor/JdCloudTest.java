package dev.rosetta.server.vendor;

import static dev.rosetta.server.testing.RecordingProxy.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.server.config.EndpointConfig;
import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.RecordingProxy;
import dev.rosetta.server.testing.ServerFixture;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * JD Cloud OSS, which documents the AWS SDKs: the AWS SDK for Java v2 with region {@code cn-north-1},
 * virtual-host style against {@code s3.cn-north-1.jdcloud.rosetta.test}, an endpoint configured as in YAML
 * ({@code {suffix: ..., style: JD, region: cn-north-1}}) in a server whose own region is us-east-1. JD answers in
 * the AWS wire style; a signature scoped to another region is {@code 400 AuthorizationHeaderMalformed} naming the
 * endpoint's region.
 */
class JdCloudTest {
    static final String SUFFIX = "s3.cn-north-1.jdcloud.rosetta.test";
    static final String JD_REGION = "cn-north-1";

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.endpoints(List.of(
            EndpointConfig.of(SUFFIX, "JD", JD_REGION))));

    static RecordingProxy proxy;

    @BeforeAll
    static void startProxy() {
        proxy = new RecordingProxy(SERVER.port());
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    static S3Client jd(String region) {
        return S3Client.builder()
                .endpointOverride(URI.create("http://" + SUFFIX + ":" + proxy.port()))
                .region(Region.of(region))
                .credentialsProvider(Clients.credentials(ServerFixture.ALICE))
                .httpClient(ApacheHttpClient.builder()
                        .dnsResolver(host -> new InetAddress[] {InetAddress.getLoopbackAddress()}).build())
                .build();
    }

    @Test
    void multipartSessionIsAnsweredInAwsStyle() {
        String bucket = "jd-" + UUID.randomUUID().toString().substring(0, 8);
        try (S3Client s3 = jd(JD_REGION)) {
            proxy.clear();
            s3.createBucket(b -> b.bucket(bucket));
            RecordingProxy.Exchange create = proxy.only(is("PUT", null));
            assertThat(create.request().header("Host")).isEqualTo(bucket + "." + SUFFIX + ":" + proxy.port());
            assertThat(create.response().status()).as(create.toString()).isEqualTo(200);
            WireShape.AWS.assertHeaders(create.response());
            assertThat(s3.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString()).isEqualTo(JD_REGION);

            proxy.clear();
            CreateMultipartUploadResponse created = s3.createMultipartUpload(b -> b.bucket(bucket).key("jd/key")
                    .storageClass("STANDARD_IA"));
            RecordingProxy.Exchange post = proxy.only(is("POST", "uploads"));
            assertThat(post.request().header("Authorization"))
                    .contains("/" + JD_REGION + "/s3/aws4_request");
            WireShape.AWS.assertSuccessDocument(post.response(), "InitiateMultipartUploadResult");
            assertThat(WireShape.elements(post.response(), "UploadId")).containsExactly(created.uploadId());

            proxy.clear();
            assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads())
                    .singleElement().satisfies(u -> assertThat(u.uploadId()).isEqualTo(created.uploadId()));
            RecordingProxy.Exchange list = proxy.only(is("GET", "uploads"));
            WireShape.AWS.assertSuccessDocument(list.response(), "ListMultipartUploadsResult");
            assertThat(WireShape.elements(list.response(), "StorageClass")).containsExactly("STANDARD_IA");

            proxy.clear();
            s3.abortMultipartUpload(b -> b.bucket(bucket).key("jd/key").uploadId(created.uploadId()));
            WireShape.AWS.assertEmptySuccess(proxy.only(is("DELETE", "uploadId")).response(), 204);

            proxy.clear();
            assertThatThrownBy(() -> s3.abortMultipartUpload(b -> b.bucket(bucket).key("jd/key")
                    .uploadId(created.uploadId())))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        RawHttp.Response r = proxy.only(is("DELETE", "uploadId")).response();
                        WireShape.AWS.assertError(r, 404, "NoSuchUpload");
                        assertThat(e.requestId()).isEqualTo(r.header("x-amz-request-id"));
                    });
            s3.deleteBucket(b -> b.bucket(bucket));
        }
    }

    @Test
    void signatureForAnotherRegionIsAuthorizationHeaderMalformed() {
        try (S3Client wrong = jd("cn-south-1")) {
            proxy.clear();
            assertThatThrownBy(() -> wrong.createMultipartUpload(b -> b.bucket("jd-any-bucket").key("k")))
                    .isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AuthorizationHeaderMalformed");
                    });
            RawHttp.Response r = proxy.last(is("POST", "uploads")).response();
            WireShape.AWS.assertError(r, 400, "AuthorizationHeaderMalformed");
            assertThat(r.xmlElement("Region")).isEqualTo(JD_REGION);
            assertThat(r.xmlElement("Message")).contains("'cn-south-1' is wrong; expecting 'cn-north-1'");
        }
    }

    /** The server's own region still applies to hosts that reach no configured endpoint. */
    @Test
    void theJdRegionIsNotAcceptedOnTheDefaultEndpoint() {
        try (S3Client elsewhere = S3Client.builder()
                .endpointOverride(URI.create(proxy.endpoint()))
                .region(Region.of(JD_REGION))
                .forcePathStyle(true)
                .credentialsProvider(Clients.credentials(ServerFixture.ALICE))
                .httpClient(ApacheHttpClient.builder().build())
                .build()) {
            assertThatThrownBy(() -> elsewhere.listBuckets())
                    .isInstanceOfSatisfying(S3Exception.class, e ->
                            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AuthorizationHeaderMalformed"));
        }
    }
}
