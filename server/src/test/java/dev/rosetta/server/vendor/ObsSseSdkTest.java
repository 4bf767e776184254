package dev.rosetta.server.vendor;

import static dev.rosetta.server.testing.RecordingProxy.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obs.services.ObsClient;
import com.obs.services.ObsConfiguration;
import com.obs.services.exception.ObsException;
import com.obs.services.model.AuthTypeEnum;
import com.obs.services.model.BucketEncryption;
import com.obs.services.model.CompleteMultipartUploadRequest;
import com.obs.services.model.CopyObjectRequest;
import com.obs.services.model.GetObjectRequest;
import com.obs.services.model.InitiateMultipartUploadRequest;
import com.obs.services.model.ObsObject;
import com.obs.services.model.PartEtag;
import com.obs.services.model.PutObjectRequest;
import com.obs.services.model.SSEAlgorithmEnum;
import com.obs.services.model.ServerAlgorithm;
import com.obs.services.model.SseCHeader;
import com.obs.services.model.SseKmsHeader;
import com.obs.services.model.UploadPartRequest;
import dev.rosetta.server.config.EndpointConfig;
import dev.rosetta.server.testing.RecordingProxy;
import dev.rosetta.server.testing.ServerFixture;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Server-side encryption through the Huawei OBS SDK ({@code SseKmsHeader}, {@code SseCHeader}), natively signed
 * ({@code x-obs-} headers, {@code kms}) and in its V4 mode ({@code x-amz-} headers, {@code aws:kms}): the answers
 * echo the encryption in the words of the headers the SDK spoke.
 */
class ObsSseSdkTest {
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.endpoints(List.of(
            EndpointConfig.of(ObsSdkTest.SUFFIX, "OBS", ObsSdkTest.OBS_SDK_V4_REGION))).minPartSize(1024));

    static RecordingProxy proxy;
    static final byte[] KEY = random(32, 77);

    enum Mode {
        NATIVE(AuthTypeEnum.OBS, "x-obs-", "kms"),
        V4(AuthTypeEnum.V4, "x-amz-", "aws:kms");

        final AuthTypeEnum authType;
        final String prefix;
        final String kms;

        Mode(AuthTypeEnum authType, String prefix, String kms) {
            this.authType = authType;
            this.prefix = prefix;
            this.kms = kms;
        }

        String kmsKeyIdHeader() {
            return prefix + (this == NATIVE ? "server-side-encryption-kms-key-id" : "server-side-encryption-aws-kms-key-id");
        }
    }

    @BeforeAll
    static void startProxy() {
        VendorHttp.quietSdkLogs();
        proxy = new RecordingProxy(SERVER.port());
    }

    @AfterAll
    static void stopProxy() {
        proxy.close();
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static ObsClient client(Mode mode) {
        ObsConfiguration config = new ObsConfiguration();
        config.setEndPoint(ObsSdkTest.SUFFIX);
        config.setEndpointHttpPort(proxy.port());
        config.setHttpsOnly(false);
        config.setPathStyle(false);
        config.setCustomizedDnsImpl(host -> List.of(InetAddress.getLoopbackAddress()));
        config.setAuthType(mode.authType);
        config.setAuthTypeNegotiation(false);
        config.setMaxErrorRetry(0);
        return new ObsClient(ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(), config);
    }

    static SseCHeader customerKey() {
        SseCHeader h = new SseCHeader();
        h.setAlgorithm(ServerAlgorithm.AES256);
        h.setSseCKey(KEY);
        return h;
    }

    static byte[] read(ObsObject o) throws Exception {
        try (InputStream in = o.getObjectContent()) {
            return in.readAllBytes();
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void bucketDefaultEncryptionThroughTheObsSdk(Mode mode) throws Exception {
        String bucket = "obs-enc-" + mode.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
        ObsClient obs = client(mode);
        try {
            obs.createBucket(bucket);
            BucketEncryption kms = new BucketEncryption(SSEAlgorithmEnum.KMS);
            kms.setKmsKeyId("obs-default-key");
            proxy.clear();
            obs.setBucketEncryption(bucket, kms);
            assertThat(new String(proxy.only(is("PUT", "encryption")).request().body(), StandardCharsets.UTF_8))
                    .contains("<SSEAlgorithm>" + mode.kms + "</SSEAlgorithm>");
            BucketEncryption got = obs.getBucketEncryption(bucket);
            assertThat(got.getSseAlgorithm()).isEqualTo(SSEAlgorithmEnum.KMS);
            assertThat(got.getKmsKeyId()).isEqualTo("obs-default-key");

            byte[] data = random(3_000, 9);
            proxy.clear();
            obs.putObject(bucket, "default.bin", new ByteArrayInputStream(data));
            RecordingProxy.Exchange put = proxy.only(is("PUT", null));
            assertThat(put.request().header(mode.prefix + "server-side-encryption")).isNull();
            assertThat(put.response().header(mode.prefix + "server-side-encryption")).isEqualTo(mode.kms);
            assertThat(put.response().header(mode.kmsKeyIdHeader())).isEqualTo("obs-default-key");
            assertThat(read(obs.getObject(bucket, "default.bin"))).isEqualTo(data);

            obs.deleteBucketEncryption(bucket);
            assertThatThrownBy(() -> obs.getBucketEncryption(bucket)).isInstanceOfSatisfying(ObsException.class,
                    e -> assertThat(e.getResponseCode()).isEqualTo(404));
        } finally {
            obs.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void kmsAndCustomerKeysThroughTheObsSdk(Mode mode) throws Exception {
        String bucket = "obs-sse-" + mode.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
        ObsClient obs = client(mode);
        try {
            obs.createBucket(bucket);
            byte[] data = random(200_000, 1);

            // SSE-KMS: the SDK's word for it in each mode, the key id echoed under the family's name
            SseKmsHeader kms = new SseKmsHeader();
            kms.setKmsKeyId("obs-project-key");
            PutObjectRequest put = new PutObjectRequest(bucket, "kms.bin", new ByteArrayInputStream(data));
            put.setSseKmsHeader(kms);
            proxy.clear();
            obs.putObject(put);
            RecordingProxy.Exchange sent = proxy.only(is("PUT", null));
            assertThat(sent.request().header(mode.prefix + "server-side-encryption")).isEqualTo(mode.kms);
            assertThat(sent.response().status()).as(sent.toString()).isEqualTo(200);
            assertThat(sent.response().header(mode.prefix + "server-side-encryption")).isEqualTo(mode.kms);
            assertThat(sent.response().header(mode.kmsKeyIdHeader())).isEqualTo("obs-project-key");
            proxy.clear();
            assertThat(read(obs.getObject(bucket, "kms.bin"))).isEqualTo(data);
            RecordingProxy.Exchange got = proxy.only(is("GET", null));
            assertThat(got.response().header(mode.prefix + "server-side-encryption")).isEqualTo(mode.kms);
            assertThat(got.response().header(mode.kmsKeyIdHeader())).isEqualTo("obs-project-key");

            // SSE-C: put, get with the key, get without it refused
            PutObjectRequest putC = new PutObjectRequest(bucket, "ssec.bin", new ByteArrayInputStream(data));
            putC.setSseCHeader(customerKey());
            proxy.clear();
            obs.putObject(putC);
            RecordingProxy.Exchange sentC = proxy.only(is("PUT", null));
            String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(KEY));
            assertThat(sentC.response().header(mode.prefix + "server-side-encryption-customer-algorithm"))
                    .isEqualTo("AES256");
            assertThat(sentC.response().header(mode.prefix + "server-side-encryption-customer-key-MD5")).isEqualTo(md5);
            GetObjectRequest getC = new GetObjectRequest(bucket, "ssec.bin");
            getC.setSseCHeader(customerKey());
            assertThat(read(obs.getObject(getC))).isEqualTo(data);
            assertThatThrownBy(() -> obs.getObject(bucket, "ssec.bin")).isInstanceOfSatisfying(ObsException.class,
                    e -> assertThat(e.getResponseCode()).isEqualTo(400));

            // multipart under a customer key, part by part
            InitiateMultipartUploadRequest init = new InitiateMultipartUploadRequest(bucket, "ssec-mp.bin");
            init.setSseCHeader(customerKey());
            String uploadId = obs.initiateMultipartUpload(init).getUploadId();
            byte[][] parts = {random(2000, 2), random(1500, 3)};
            List<PartEtag> etags = new java.util.ArrayList<>();
            for (int i = 0; i < parts.length; i++) {
                UploadPartRequest up = new UploadPartRequest(bucket, "ssec-mp.bin");
                up.setUploadId(uploadId);
                up.setPartNumber(i + 1);
                up.setInput(new ByteArrayInputStream(parts[i]));
                up.setPartSize((long) parts[i].length);
                up.setSseCHeader(customerKey());
                etags.add(new PartEtag(obs.uploadPart(up).getEtag(), i + 1));
            }
            obs.completeMultipartUpload(new CompleteMultipartUploadRequest(bucket, "ssec-mp.bin", uploadId, etags));
            GetObjectRequest getMp = new GetObjectRequest(bucket, "ssec-mp.bin");
            getMp.setSseCHeader(customerKey());
            byte[] all = new byte[3500];
            System.arraycopy(parts[0], 0, all, 0, 2000);
            System.arraycopy(parts[1], 0, all, 2000, 1500);
            assertThat(read(obs.getObject(getMp))).isEqualTo(all);

            // copy from the customer key to KMS
            CopyObjectRequest copy = new CopyObjectRequest(bucket, "ssec.bin", bucket, "copied.bin");
            copy.setSseCHeaderSource(customerKey());
            copy.setSseKmsHeader(kms);
            obs.copyObject(copy);
            assertThat(read(obs.getObject(bucket, "copied.bin"))).isEqualTo(data);
        } finally {
            obs.close();
        }
    }
}
