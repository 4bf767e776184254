package dev.rosetta.server.vendor;

import static dev.rosetta.server.testing.RecordingProxy.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qcloud.cos.COSClient;
import com.qcloud.cos.ClientConfig;
import com.qcloud.cos.auth.BasicCOSCredentials;
import com.qcloud.cos.endpoint.EndpointBuilder;
import com.qcloud.cos.endpoint.EndpointResolver;
import com.qcloud.cos.http.HttpProtocol;
import com.qcloud.cos.region.Region;
import com.qcloud.cos.exception.CosServiceException;
import com.qcloud.cos.model.BucketEncryptionConfiguration;
import com.qcloud.cos.model.COSObject;
import com.qcloud.cos.model.CompleteMultipartUploadRequest;
import com.qcloud.cos.model.GetObjectRequest;
import com.qcloud.cos.model.InitiateMultipartUploadRequest;
import com.qcloud.cos.model.ObjectMetadata;
import com.qcloud.cos.model.PartETag;
import com.qcloud.cos.model.PutObjectRequest;
import com.qcloud.cos.model.PutObjectResult;
import com.qcloud.cos.model.SSEAlgorithm;
import com.qcloud.cos.model.SSECOSKeyManagementParams;
import com.qcloud.cos.model.SSECustomerKey;
import com.qcloud.cos.model.UploadPartRequest;
import dev.rosetta.server.config.EndpointConfig;
import dev.rosetta.server.testing.RecordingProxy;
import dev.rosetta.server.testing.ServerFixture;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Server-side encryption through the Tencent COS SDK: SSE-COS ({@code AES256}), SSE-KMS
 * ({@code SSECOSKeyManagementParams}: {@code cos/kms}, key id, context) and SSE-C ({@code SSECustomerKey}),
 * answered with {@code x-cos-} headers.
 */
class CosSseSdkTest {
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.endpoints(List.of(
            EndpointConfig.parse(CosSdkTest.SUFFIX + "=COS"))).minPartSize(1024));

    static final String CONTEXT = Base64.getEncoder().encodeToString(
            "{\"team\":\"storage\"}".getBytes(StandardCharsets.UTF_8));
    static final String KEY = Base64.getEncoder().encodeToString(random(32, 5));

    static RecordingProxy proxy;
    static COSClient cos;

    @BeforeAll
    static void setUp() {
        VendorHttp.quietSdkLogs();
        proxy = new RecordingProxy(SERVER.port());
        cos = client();
    }

    @AfterAll
    static void tearDown() {
        cos.shutdown();
        proxy.close();
    }

    /** As {@link CosSdkTest#client}: virtual-host addressing under the COS suffix, connections to this test's proxy. */
    static COSClient client() {
        ClientConfig config = new ClientConfig(new Region("ap-guangzhou"));
        config.setHttpProtocol(HttpProtocol.http);
        config.setMaxErrorRetry(0);
        config.setEndpointBuilder(new EndpointBuilder() {
            @Override
            public String buildGeneralApiEndpoint(String bucketName) {
                return bucketName + "." + CosSdkTest.SUFFIX + ":" + proxy.port();
            }

            @Override
            public String buildGetServiceApiEndpoint() {
                return CosSdkTest.SUFFIX + ":" + proxy.port();
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
        return new COSClient(new BasicCOSCredentials(ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey()),
                config);
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] read(COSObject o) throws Exception {
        try (InputStream in = o.getObjectContent()) {
            return in.readAllBytes();
        }
    }

    static String newBucket() {
        String bucket = "sse" + UUID.randomUUID().toString().substring(0, 8) + "-1250000000";
        cos.createBucket(bucket);
        return bucket;
    }

    @Test
    void bucketDefaultEncryptionThroughTheCosSdkInCosWords() throws Exception {
        String bucket = newBucket();
        BucketEncryptionConfiguration kms = new BucketEncryptionConfiguration();
        kms.setSseAlgorithm("KMS");
        kms.setKmsMasterKeyID("cos-default-key");
        cos.putBucketEncryptionConfiguration(bucket, kms);
        BucketEncryptionConfiguration got = cos.getBucketEncryptionConfiguration(bucket);
        assertThat(got.getSseAlgorithm()).isEqualTo("KMS");
        assertThat(got.getKmsMasterKeyID()).isEqualTo("cos-default-key");

        byte[] data = random(2_000, 7);
        ObjectMetadata plain = new ObjectMetadata();
        plain.setContentLength(data.length);
        PutObjectResult put = cos.putObject(bucket, "default.bin", new ByteArrayInputStream(data), plain);
        assertThat(put.getMetadata().getSSEAlgorithm()).isEqualTo("cos/kms");
        COSObject read = cos.getObject(bucket, "default.bin");
        assertThat(read(read)).isEqualTo(data);
        assertThat(read.getObjectMetadata().getSSECOSKmsKeyId()).isEqualTo("cos-default-key");

        BucketEncryptionConfiguration aes = new BucketEncryptionConfiguration();
        aes.setSseAlgorithm(SSEAlgorithm.AES256.getAlgorithm());
        cos.putBucketEncryptionConfiguration(bucket, aes);
        assertThat(cos.getBucketEncryptionConfiguration(bucket).getSseAlgorithm()).isEqualTo("AES256");
        cos.deleteBucketEncryptionConfiguration(bucket);
        assertThatThrownBy(() -> cos.getBucketEncryptionConfiguration(bucket))
                .isInstanceOfSatisfying(CosServiceException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(404);
                    assertThat(e.getErrorCode()).isEqualTo("ServerSideEncryptionConfigurationNotFoundError");
                });
    }

    @Test
    void sseCosKmsAndCustomerKeysThroughTheCosSdk() throws Exception {
        String bucket = newBucket();
        byte[] data = random(150_000, 1);

        // SSE-COS
        ObjectMetadata aes = new ObjectMetadata();
        aes.setServerSideEncryption(SSEAlgorithm.AES256.getAlgorithm());
        aes.setContentLength(data.length);
        PutObjectResult put = cos.putObject(bucket, "aes.bin", new ByteArrayInputStream(data), aes);
        assertThat(put.getMetadata().getSSEAlgorithm()).isEqualTo("AES256");
        COSObject got = cos.getObject(bucket, "aes.bin");
        assertThat(read(got)).isEqualTo(data);
        assertThat(got.getObjectMetadata().getSSEAlgorithm()).isEqualTo("AES256");

        // SSE-KMS: cos/kms, the key id and the context echoed in COS's names
        PutObjectRequest kms = new PutObjectRequest(bucket, "kms.bin", new ByteArrayInputStream(data), new ObjectMetadata());
        kms.setSSECOSKeyManagementParams(new SSECOSKeyManagementParams("cos-key-1", CONTEXT));
        proxy.clear();
        cos.putObject(kms);
        RecordingProxy.Exchange sent = proxy.only(is("PUT", null));
        assertThat(sent.request().header("x-cos-server-side-encryption")).isEqualTo("cos/kms");
        assertThat(sent.response().status()).as(sent.toString()).isEqualTo(200);
        assertThat(sent.response().header("x-cos-server-side-encryption")).isEqualTo("cos/kms");
        assertThat(sent.response().header("x-cos-server-side-encryption-cos-kms-key-id")).isEqualTo("cos-key-1");
        assertThat(sent.response().header("x-cos-server-side-encryption-context")).isEqualTo(CONTEXT);
        assertThat(sent.response().header("x-amz-server-side-encryption")).isNull();
        COSObject gotKms = cos.getObject(bucket, "kms.bin");
        assertThat(read(gotKms)).isEqualTo(data);
        assertThat(gotKms.getObjectMetadata().getSSEAlgorithm()).isEqualTo("cos/kms");
        assertThat(gotKms.getObjectMetadata().getSSECOSKmsKeyId()).isEqualTo("cos-key-1");

        // SSE-C
        PutObjectRequest ssec = new PutObjectRequest(bucket, "ssec.bin", new ByteArrayInputStream(data),
                new ObjectMetadata());
        ssec.setSSECustomerKey(new SSECustomerKey(KEY));
        cos.putObject(ssec);
        GetObjectRequest getC = new GetObjectRequest(bucket, "ssec.bin");
        getC.setSSECustomerKey(new SSECustomerKey(KEY));
        COSObject gotC = cos.getObject(getC);
        assertThat(read(gotC)).isEqualTo(data);
        assertThat(gotC.getObjectMetadata().getSSECustomerAlgorithm()).isEqualTo("AES256");
        assertThatThrownBy(() -> cos.getObject(bucket, "ssec.bin")).isInstanceOfSatisfying(CosServiceException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(400));
        GetObjectRequest wrong = new GetObjectRequest(bucket, "ssec.bin");
        wrong.setSSECustomerKey(new SSECustomerKey(Base64.getEncoder().encodeToString(random(32, 6))));
        assertThatThrownBy(() -> cos.getObject(wrong)).isInstanceOfSatisfying(CosServiceException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(403));

        // multipart under KMS (copies are covered with the AWS SDK: this SDK names its copy source by host)
        InitiateMultipartUploadRequest init = new InitiateMultipartUploadRequest(bucket, "mp.bin");
        init.setSSECOSKeyManagementParams(new SSECOSKeyManagementParams("cos-key-1", null));
        String uploadId = cos.initiateMultipartUpload(init).getUploadId();
        byte[][] parts = {random(3000, 7), random(700, 8)};
        List<PartETag> etags = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            UploadPartRequest up = new UploadPartRequest();
            up.setBucketName(bucket);
            up.setKey("mp.bin");
            up.setUploadId(uploadId);
            up.setPartNumber(i + 1);
            up.setInputStream(new ByteArrayInputStream(parts[i]));
            up.setPartSize(parts[i].length);
            etags.add(cos.uploadPart(up).getPartETag());
        }
        cos.completeMultipartUpload(new CompleteMultipartUploadRequest(bucket, "mp.bin", uploadId, etags));
        byte[] all = new byte[3700];
        System.arraycopy(parts[0], 0, all, 0, 3000);
        System.arraycopy(parts[1], 0, all, 3000, 700);
        assertThat(read(cos.getObject(bucket, "mp.bin"))).isEqualTo(all);
    }
}
