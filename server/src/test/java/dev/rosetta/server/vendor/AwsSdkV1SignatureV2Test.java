package dev.rosetta.server.vendor;

import static dev.rosetta.server.testing.RecordingProxy.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.amazonaws.ClientConfiguration;
import com.amazonaws.HttpMethod;
import com.amazonaws.auth.AWSStaticCredentialsProvider;
import com.amazonaws.auth.BasicAWSCredentials;
import com.amazonaws.client.builder.AwsClientBuilder;
import com.amazonaws.services.s3.AmazonS3;
import com.amazonaws.services.s3.AmazonS3ClientBuilder;
import com.amazonaws.services.s3.model.AbortMultipartUploadRequest;
import com.amazonaws.services.s3.model.AmazonS3Exception;
import com.amazonaws.services.s3.model.GeneratePresignedUrlRequest;
import com.amazonaws.services.s3.model.InitiateMultipartUploadRequest;
import com.amazonaws.services.s3.model.ListMultipartUploadsRequest;
import com.amazonaws.services.s3.model.MultipartUpload;
import com.amazonaws.services.s3.model.ObjectMetadata;
import com.amazonaws.services.s3.model.StorageClass;
import dev.rosetta.server.config.EndpointConfig;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.RecordingProxy;
import dev.rosetta.server.testing.ServerFixture;
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

/**
 * The AWS SDK for Java v1 with the AWS Signature V2 signer ({@code withSignerOverride("S3SignerType")}): the header
 * form ({@code Authorization: AWS AK:sig}) path style through a {@link RecordingProxy}, and its V2 presigned URLs
 * ({@code AWSAccessKeyId}, {@code Expires}, {@code Signature}) executed with {@code java.net.http}. AWS style. Also
 * a V2 presigned URL on a JD endpoint (JD's own links are V2 presigned) and a V2-signed request to an OBS
 * endpoint (OBS's S3 mode).
 */
class AwsSdkV1SignatureV2Test {
    static final String JD_SUFFIX = "s3.cn-north-1.jdcloud.rosetta.test";
    static final String OBS_SUFFIX = "obs.rosetta.test";

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.endpoints(List.of(
            EndpointConfig.of(JD_SUFFIX, "JD", "cn-north-1"), EndpointConfig.parse(OBS_SUFFIX + "=OBS"))));

    static RecordingProxy proxy;
    static AmazonS3 s3;

    @BeforeAll
    static void setUp() {
        VendorHttp.quietSdkLogs();
        proxy = new RecordingProxy(SERVER.port());
        s3 = client(proxy.endpoint(), true);
    }

    @AfterAll
    static void tearDown() {
        s3.shutdown();
        proxy.close();
    }

    static AmazonS3 client(String endpoint, boolean pathStyle) {
        return AmazonS3ClientBuilder.standard()
                .withEndpointConfiguration(new AwsClientBuilder.EndpointConfiguration(endpoint, "us-east-1"))
                .withPathStyleAccessEnabled(pathStyle)
                .withClientConfiguration(new ClientConfiguration()
                        .withSignerOverride("S3SignerType")
                        .withMaxErrorRetry(0)
                        .withDnsResolver(host -> new InetAddress[] {InetAddress.getLoopbackAddress()}))
                .withCredentials(new AWSStaticCredentialsProvider(new BasicAWSCredentials(
                        ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey())))
                .build();
    }

    static String newBucket() {
        String bucket = "v1-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(bucket);
        return bucket;
    }

    static void assertV2Signed(RecordingProxy.Request request) {
        assertThat(request.header("Authorization")).as(request.toString())
                .matches("AWS " + ServerFixture.ALICE.accessKey() + ":[A-Za-z0-9+/]{27}=");
    }

    @Test
    void multipartSessionSignedWithV2IsAnsweredInAwsStyle() {
        proxy.clear();
        String bucket = newBucket();
        assertV2Signed(proxy.only(is("PUT", null)).request());

        String key = "v2/some key+plus.bin";
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.addUserMetadata("colour", "blue");
        proxy.clear();
        String uploadId = s3.initiateMultipartUpload(new InitiateMultipartUploadRequest(bucket, key, metadata)
                .withStorageClass(StorageClass.StandardInfrequentAccess)).getUploadId();
        RecordingProxy.Exchange post = proxy.only(is("POST", "uploads"));
        assertV2Signed(post.request());
        assertThat(post.request().header("x-amz-storage-class")).isEqualTo("STANDARD_IA");
        WireShape.AWS.assertSuccessDocument(post.response(), "InitiateMultipartUploadResult");
        assertThat(WireShape.elements(post.response(), "Key")).containsExactly(key);
        assertThat(WireShape.elements(post.response(), "UploadId")).containsExactly(uploadId);

        proxy.clear();
        List<MultipartUpload> uploads = s3.listMultipartUploads(new ListMultipartUploadsRequest(bucket))
                .getMultipartUploads();
        assertThat(uploads).extracting(MultipartUpload::getUploadId).containsExactly(uploadId);
        assertThat(uploads.get(0).getStorageClass()).isEqualTo("STANDARD_IA");
        RecordingProxy.Exchange list = proxy.only(is("GET", "uploads"));
        assertV2Signed(list.request());
        WireShape.AWS.assertSuccessDocument(list.response(), "ListMultipartUploadsResult");

        proxy.clear();
        s3.abortMultipartUpload(new AbortMultipartUploadRequest(bucket, key, uploadId));
        RecordingProxy.Exchange abort = proxy.only(is("DELETE", "uploadId"));
        assertV2Signed(abort.request());
        WireShape.AWS.assertEmptySuccess(abort.response(), 204);

        proxy.clear();
        assertThatThrownBy(() -> s3.abortMultipartUpload(new AbortMultipartUploadRequest(bucket, key, uploadId)))
                .isInstanceOfSatisfying(AmazonS3Exception.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getErrorCode()).isEqualTo("NoSuchUpload");
                    RawHttp.Response r = proxy.only(is("DELETE", "uploadId")).response();
                    WireShape.AWS.assertError(r, 404, "NoSuchUpload");
                    assertThat(e.getRequestId()).isEqualTo(r.header("x-amz-request-id"));
                    assertThat(e.getExtendedRequestId()).isEqualTo(r.header("x-amz-id-2"));
                });
        s3.deleteBucket(bucket);
    }

    @Test
    void v2PresignedUrlsAreExecutedByJavaNetHttp() throws Exception {
        String bucket = newBucket();
        byte[] data = "presigned with V2".getBytes(StandardCharsets.UTF_8);
        s3.putObject(bucket, "dir/object.txt", "presigned with V2");

        URI get = s3.generatePresignedUrl(bucket, "dir/object.txt", new Date(System.currentTimeMillis() + 600_000),
                HttpMethod.GET).toURI();
        assertThat(get.getRawQuery()).startsWith("AWSAccessKeyId=" + ServerFixture.ALICE.accessKey() + "&Expires=")
                .contains("&Signature=");
        RawHttp.Response r = VendorHttp.send("GET", get, null);
        assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(data);
        WireShape.AWS.assertHeaders(r);

        // a presigned InitiateMultipartUpload: the uploads sub-resource is part of the signed resource
        GeneratePresignedUrlRequest initiate = new GeneratePresignedUrlRequest(bucket, "presigned-upload",
                HttpMethod.POST);
        initiate.addRequestParameter("uploads", null);
        initiate.setExpiration(new Date(System.currentTimeMillis() + 600_000));
        URI initiateUrl = s3.generatePresignedUrl(initiate).toURI();
        RawHttp.Response initiated = VendorHttp.send("POST", initiateUrl, null);
        WireShape.AWS.assertSuccessDocument(initiated, "InitiateMultipartUploadResult");
        String uploadId = initiated.xmlElement("UploadId");
        assertThat(s3.listMultipartUploads(new ListMultipartUploadsRequest(bucket)).getMultipartUploads())
                .extracting(MultipartUpload::getUploadId).containsExactly(uploadId);
        s3.abortMultipartUpload(new AbortMultipartUploadRequest(bucket, "presigned-upload", uploadId));

        // expired: 403 AccessDenied
        URI expired = s3.generatePresignedUrl(bucket, "dir/object.txt", new Date(System.currentTimeMillis() - 60_000),
                HttpMethod.GET).toURI();
        RawHttp.Response refused = VendorHttp.send("GET", expired, null);
        WireShape.AWS.assertError(refused, 403, "AccessDenied");
        assertThat(refused.xmlElement("Message")).isEqualTo("Request has expired");

        // another object than the one signed: SignatureDoesNotMatch
        RawHttp.Response wrongKey = VendorHttp.send("GET",
                URI.create(get.toString().replace("object.txt", "object.txu")), null);
        WireShape.AWS.assertError(wrongKey, 403, "SignatureDoesNotMatch");
    }

    @Test
    void v2PresignedUrlOnAJdEndpoint() throws Exception {
        String bucket = newBucket();
        s3.putObject(bucket, "invoice.pdf", "jd invoice");
        AmazonS3 jd = client("http://" + JD_SUFFIX + ":" + SERVER.port(), false);
        try {
            URI url = jd.generatePresignedUrl(bucket, "invoice.pdf", new Date(System.currentTimeMillis() + 600_000),
                    HttpMethod.GET).toURI();
            assertThat(url.getHost()).isEqualTo(bucket + "." + JD_SUFFIX);
            RawHttp.Response r = VendorHttp.fetch("GET", url);
            assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
            assertThat(r.bodyText()).isEqualTo("jd invoice");
            WireShape.AWS.assertHeaders(r);
        } finally {
            jd.shutdown();
        }
    }

    @Test
    void v2SignedRequestsToAnObsEndpointAreAnsweredInObsS3Mode() {
        String bucket = newBucket();
        AmazonS3 obs = client("http://" + OBS_SUFFIX + ":" + proxy.port(), false);
        try {
            proxy.clear();
            String uploadId = obs.initiateMultipartUpload(new InitiateMultipartUploadRequest(bucket, "k"))
                    .getUploadId();
            RecordingProxy.Exchange post = proxy.only(is("POST", "uploads"));
            assertV2Signed(post.request());
            assertThat(post.request().header("Host")).isEqualTo(bucket + "." + OBS_SUFFIX + ":" + proxy.port());
            WireShape.obsS3(ServerFixture.REGION).assertSuccessDocument(post.response(),
                    "InitiateMultipartUploadResult");
            obs.abortMultipartUpload(new AbortMultipartUploadRequest(bucket, "k", uploadId));
        } finally {
            obs.shutdown();
        }
    }
}
