package dev.rosetta.server.vendor;

import static dev.rosetta.server.testing.RecordingProxy.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qcloud.cos.COSClient;
import com.qcloud.cos.ClientConfig;
import com.qcloud.cos.auth.BasicCOSCredentials;
import com.qcloud.cos.endpoint.EndpointBuilder;
import com.qcloud.cos.endpoint.EndpointResolver;
import com.qcloud.cos.exception.CosServiceException;
import com.qcloud.cos.http.HttpMethodName;
import com.qcloud.cos.http.HttpProtocol;
import com.qcloud.cos.model.AbortMultipartUploadRequest;
import com.qcloud.cos.model.COSObject;
import com.qcloud.cos.model.GeneratePresignedUrlRequest;
import com.qcloud.cos.model.InitiateMultipartUploadRequest;
import com.qcloud.cos.model.InitiateMultipartUploadResult;
import com.qcloud.cos.model.ListMultipartUploadsRequest;
import com.qcloud.cos.model.MultipartUpload;
import com.qcloud.cos.model.ObjectMetadata;
import com.qcloud.cos.model.StorageClass;
import com.qcloud.cos.region.Region;
import dev.rosetta.server.config.EndpointConfig;
import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.RecordingProxy;
import dev.rosetta.server.testing.ServerFixture;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;

/**
 * The Tencent COS SDK ({@code com.qcloud:cos_api-bundle}) against an endpoint configured
 * {@code cos.rosetta.test=COS}: a custom {@link EndpointBuilder} makes the SDK address
 * {@code <name>-1250000000.cos.rosetta.test:PORT} (the Host header it signs and sends) and a custom
 * {@link EndpointResolver} connects to the {@link RecordingProxy} on loopback, so the requests are virtual-host style
 * as against COS itself. COS style: {@code x-cos-request-id}, success documents without XML declaration or
 * namespace, errors with the single-quoted declaration, {@code TraceId} and {@code x-cos-trace-id}.
 */
class CosSdkTest {
    static final String SUFFIX = "cos.rosetta.test";

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.endpoints(List.of(
            EndpointConfig.parse(SUFFIX + "=COS"))));

    static RecordingProxy proxy;
    static COSClient cos;

    @BeforeAll
    static void setUp() {
        VendorHttp.quietSdkLogs();
        proxy = new RecordingProxy(SERVER.port());
        cos = client(ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey());
    }

    @AfterAll
    static void tearDown() {
        cos.shutdown();
        proxy.close();
    }

    static COSClient client(String secretId, String secretKey) {
        ClientConfig config = new ClientConfig(new Region("ap-guangzhou"));
        config.setHttpProtocol(HttpProtocol.http);
        config.setMaxErrorRetry(0);
        config.setEndpointBuilder(new EndpointBuilder() {
            @Override
            public String buildGeneralApiEndpoint(String bucketName) {
                return bucketName + "." + SUFFIX + ":" + proxy.port();
            }

            @Override
            public String buildGetServiceApiEndpoint() {
                return SUFFIX + ":" + proxy.port();
            }
        });
        config.setEndpointResolver(new EndpointResolver() {
            @Override
            public String resolveGeneralApiEndpoint(String endpoint) {
                return "127.0.0.1:" + proxy.port();
            }

            @Override
            public String resolveGetServiceApiEndpoint(String endpoint) {
                return "127.0.0.1:" + proxy.port();
            }
        });
        return new COSClient(new BasicCOSCredentials(secretId, secretKey), config);
    }

    static String newBucket() {
        String bucket = "cos" + UUID.randomUUID().toString().substring(0, 8) + "-1250000000";
        cos.createBucket(bucket);
        return bucket;
    }

    static void assertCosSigned(RecordingProxy.Request request, String bucket) {
        assertThat(request.header("Authorization")).as(request.toString())
                .startsWith("q-sign-algorithm=sha1&q-ak=" + ServerFixture.ALICE.accessKey() + "&q-sign-time=");
        assertThat(request.header("Host")).isEqualTo(bucket + "." + SUFFIX + ":" + proxy.port());
    }

    @Test
    void multipartSessionIsAnsweredInCosStyle() {
        proxy.clear();
        String bucket = newBucket();
        RecordingProxy.Exchange create = proxy.only(is("PUT", null));
        assertCosSigned(create.request(), bucket);
        assertThat(create.response().status()).isEqualTo(200);
        WireShape.COS.assertHeaders(create.response());

        String key = "folder/exampleobject(腾讯云).bin";
        proxy.clear();
        InitiateMultipartUploadRequest initiate = new InitiateMultipartUploadRequest(bucket, key);
        initiate.setStorageClass(StorageClass.Archive);
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.addUserMetadata("colour", "blue");
        initiate.setObjectMetadata(metadata);
        InitiateMultipartUploadResult initiated = cos.initiateMultipartUpload(initiate);
        RecordingProxy.Exchange post = proxy.only(is("POST", "uploads"));
        assertCosSigned(post.request(), bucket);
        // the SDK sends its enum's spelling; the listing answers COS's documented upper-case name
        assertThat(post.request().header("x-cos-storage-class")).isEqualTo("Archive");
        assertThat(post.request().header("x-cos-meta-colour")).isEqualTo("blue");
        WireShape.COS.assertSuccessDocument(post.response(), "InitiateMultipartUploadResult");
        assertThat(WireShape.elements(post.response(), "Bucket")).containsExactly(bucket);
        assertThat(WireShape.elements(post.response(), "Key")).containsExactly(key);
        assertThat(WireShape.elements(post.response(), "UploadId")).containsExactly(initiated.getUploadId());

        proxy.clear();
        List<MultipartUpload> uploads = cos.listMultipartUploads(new ListMultipartUploadsRequest(bucket))
                .getMultipartUploads();
        assertThat(uploads).extracting(MultipartUpload::getUploadId).containsExactly(initiated.getUploadId());
        assertThat(uploads.get(0).getKey()).isEqualTo(key);
        RecordingProxy.Exchange list = proxy.only(is("GET", "uploads"));
        assertCosSigned(list.request(), bucket);
        WireShape.COS.assertSuccessDocument(list.response(), "ListMultipartUploadsResult");
        assertThat(WireShape.elements(list.response(), "StorageClass")).containsExactly("ARCHIVE");

        proxy.clear();
        cos.abortMultipartUpload(new AbortMultipartUploadRequest(bucket, key, initiated.getUploadId()));
        RecordingProxy.Exchange abort = proxy.only(is("DELETE", "uploadId"));
        assertCosSigned(abort.request(), bucket);
        WireShape.COS.assertEmptySuccess(abort.response(), 204);
        assertThat(cos.listMultipartUploads(new ListMultipartUploadsRequest(bucket)).getMultipartUploads()).isEmpty();

        // the error document, as the SDK and as the wire see it
        proxy.clear();
        assertThatThrownBy(() -> cos.abortMultipartUpload(
                new AbortMultipartUploadRequest(bucket, key, initiated.getUploadId())))
                .isInstanceOfSatisfying(CosServiceException.class, e -> {
                    RecordingProxy.Exchange failed = proxy.only(is("DELETE", "uploadId"));
                    WireShape.COS.assertError(failed.response(), 404, "NoSuchUpload");
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getErrorCode()).isEqualTo("NoSuchUpload");
                    assertThat(e.getRequestId()).isEqualTo(failed.response().header("x-cos-request-id"));
                    assertThat(e.getTraceId()).isEqualTo(failed.response().xmlElement("TraceId"));
                });
        cos.deleteBucket(bucket);
    }

    @Test
    void objectsRoundTripWithCosHeaders() throws Exception {
        String bucket = newBucket();
        byte[] data = "hello COS".getBytes(StandardCharsets.UTF_8);
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setContentLength(data.length);
        metadata.addUserMetadata("colour", "blue");
        proxy.clear();
        cos.putObject(bucket, "hello.txt", new ByteArrayInputStream(data), metadata);
        RecordingProxy.Exchange put = proxy.only(is("PUT", null));
        assertCosSigned(put.request(), bucket);
        WireShape.COS.assertHeaders(put.response());
        assertThat(put.response().header("ETag")).isNotBlank();

        proxy.clear();
        COSObject object = cos.getObject(bucket, "hello.txt");
        try (InputStream in = object.getObjectContent()) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
        assertThat(object.getObjectMetadata().getUserMetaDataOf("colour")).isEqualTo("blue");
        RecordingProxy.Exchange get = proxy.only(is("GET", null));
        WireShape.COS.assertHeaders(get.response());
        assertThat(get.response().header("x-cos-meta-colour")).isEqualTo("blue");
        assertThat(get.response().header("x-amz-meta-colour")).isNull();
    }

    @Test
    void presignedUrlsAreFetchedByAPlainClient() throws Exception {
        String bucket = newBucket();
        byte[] data = "presigned COS".getBytes(StandardCharsets.UTF_8);
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setContentLength(data.length);
        cos.putObject(bucket, "signed.txt", new ByteArrayInputStream(data), metadata);

        URI get = cos.generatePresignedUrl(bucket, "signed.txt", new Date(System.currentTimeMillis() + 600_000),
                HttpMethodName.GET).toURI();
        assertThat(get.getHost()).isEqualTo(bucket + "." + SUFFIX);
        assertThat(get.getRawQuery()).contains("q-sign-algorithm=sha1").contains("q-signature=");
        RawHttp.Response r = VendorHttp.fetch("GET", get);
        assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(data);
        WireShape.COS.assertHeaders(r);

        // a presigned InitiateMultipartUpload (POST ?uploads, the parameter signed in q-url-param-list)
        GeneratePresignedUrlRequest initiate = new GeneratePresignedUrlRequest(bucket, "presigned-upload",
                HttpMethodName.POST);
        initiate.addRequestParameter("uploads", null);
        initiate.setExpiration(new Date(System.currentTimeMillis() + 600_000));
        URI initiateUrl = cos.generatePresignedUrl(initiate).toURI();
        assertThat(initiateUrl.getRawQuery()).contains("uploads");
        RawHttp.Response initiated = VendorHttp.fetch("POST", initiateUrl);
        WireShape.COS.assertSuccessDocument(initiated, "InitiateMultipartUploadResult");
        cos.abortMultipartUpload(new AbortMultipartUploadRequest(bucket, "presigned-upload",
                initiated.xmlElement("UploadId")));

        // the same URL with the signed parameter removed does not verify
        URI stripped = URI.create(initiateUrl.toString().replace("uploads&", "").replace("&uploads", ""));
        RawHttp.Response refused = VendorHttp.fetch("POST", stripped);
        WireShape.COS.assertError(refused, 403, "SignatureDoesNotMatch");
    }

    @Test
    void unknownSecretIdIsInvalidAccessKeyIdInCosStyle() {
        COSClient stranger = client("AKIDNOBODY00000000000000000000000000", "not-a-secret");
        try {
            proxy.clear();
            assertThatThrownBy(() -> stranger.initiateMultipartUpload(
                    new InitiateMultipartUploadRequest("nobody-1250000000", "k")))
                    .isInstanceOfSatisfying(CosServiceException.class, e -> {
                        assertThat(e.getStatusCode()).isEqualTo(403);
                        assertThat(e.getErrorCode()).isEqualTo("InvalidAccessKeyId");
                    });
            WireShape.COS.assertError(proxy.only(is("POST", "uploads")).response(), 403, "InvalidAccessKeyId");
        } finally {
            stranger.shutdown();
        }
    }

    /** An AWS-signed request to a COS endpoint: AWS style with {@code x-amz-} headers, plus x-cos-request-id. */
    @Test
    void awsSignedRequestToACosEndpointIsAnsweredAwsStyleWithTheCosRequestId() {
        String bucket = newBucket();
        try (S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create("http://" + SUFFIX + ":" + proxy.port()))
                .region(software.amazon.awssdk.regions.Region.of(ServerFixture.REGION))
                .credentialsProvider(Clients.credentials(ServerFixture.ALICE))
                .httpClient(ApacheHttpClient.builder()
                        .dnsResolver(host -> new InetAddress[] {InetAddress.getLoopbackAddress()}).build())
                .build()) {
            proxy.clear();
            CreateMultipartUploadResponse created = s3.createMultipartUpload(b -> b.bucket(bucket).key("aws-key")
                    .storageClass("STANDARD_IA"));
            RecordingProxy.Exchange post = proxy.only(is("POST", "uploads"));
            assertThat(post.request().header("Authorization")).startsWith("AWS4-HMAC-SHA256 ");
            assertThat(post.request().header("Host")).startsWith(bucket + "." + SUFFIX);
            WireShape.COS_S3.assertSuccessDocument(post.response(), "InitiateMultipartUploadResult");

            proxy.clear();
            assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).hasSize(1);
            RecordingProxy.Exchange list = proxy.only(is("GET", "uploads"));
            WireShape.COS_S3.assertSuccessDocument(list.response(), "ListMultipartUploadsResult");
            assertThat(WireShape.elements(list.response(), "StorageClass")).containsExactly("STANDARD_IA");

            s3.abortMultipartUpload(b -> b.bucket(bucket).key("aws-key").uploadId(created.uploadId()));
            proxy.clear();
            assertThatThrownBy(() -> s3.abortMultipartUpload(b -> b.bucket(bucket).key("aws-key")
                    .uploadId(created.uploadId())))
                    .isInstanceOf(software.amazon.awssdk.services.s3.model.NoSuchUploadException.class);
            WireShape.COS_S3.assertError(proxy.only(is("DELETE", "uploadId")).response(), 404, "NoSuchUpload");
        }
    }
}
