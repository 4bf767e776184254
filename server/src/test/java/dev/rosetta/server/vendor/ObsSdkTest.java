package dev.rosetta.server.vendor;

import static dev.rosetta.server.testing.RecordingProxy.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obs.services.ObsClient;
import com.obs.services.ObsConfiguration;
import com.obs.services.exception.ObsException;
import com.obs.services.model.AbortMultipartUploadRequest;
import com.obs.services.model.AuthTypeEnum;
import com.obs.services.model.HttpMethodEnum;
import com.obs.services.model.InitiateMultipartUploadRequest;
import com.obs.services.model.InitiateMultipartUploadResult;
import com.obs.services.model.ListMultipartUploadsRequest;
import com.obs.services.model.MultipartUpload;
import com.obs.services.model.ObjectMetadata;
import com.obs.services.model.ObsObject;
import com.obs.services.model.StorageClassEnum;
import com.obs.services.model.TemporarySignatureRequest;
import dev.rosetta.server.config.EndpointConfig;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.RecordingProxy;
import dev.rosetta.server.testing.ServerFixture;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The Huawei OBS SDK ({@code com.huaweicloud:esdk-obs-java-bundle}) in each of its signing modes against an endpoint
 * configured {@code obs.rosetta.test=OBS}, virtual-host style ({@code bucket.obs.rosetta.test}, every name resolved
 * to loopback by the SDK's own {@code setCustomizedDnsImpl}), through a {@link RecordingProxy} so the raw exchanges
 * can be checked:
 * <ul>
 *   <li>{@code AuthTypeEnum.OBS} with negotiation off: {@code OBS AK:sig}, answered OBS native
 *       ({@code x-obs-request-id}, {@code x-obs-id-2}, standalone declaration, OBS namespace);</li>
 *   <li>{@code V2} and {@code V4}: {@code AWS AK:sig} and {@code AWS4-HMAC-SHA256}, answered in OBS's S3 mode
 *       ({@code x-amz-request-id}, OBS XML). The SDK's V4 mode always signs the region {@code "region"}
 *       ({@code ObsConstraint.DEFAULT_BUCKET_LOCATION_VALUE}), so the endpoint is configured with that region;</li>
 *   <li>negotiation on: the SDK probes {@code HEAD /?apiversion}, reads {@code x-obs-api: 3.0}, then signs
 *       natively.</li>
 * </ul>
 */
class ObsSdkTest {
    static final String SUFFIX = "obs.rosetta.test";
    /** What esdk-obs-java's V4 mode puts in the credential scope. */
    static final String OBS_SDK_V4_REGION = "region";

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.endpoints(List.of(
            EndpointConfig.of(SUFFIX, "OBS", OBS_SDK_V4_REGION))));

    static final WireShape NATIVE = WireShape.obs(ServerFixture.REGION);
    static final WireShape S3_MODE = WireShape.obsS3(ServerFixture.REGION);

    static RecordingProxy proxy;

    enum Mode {
        NATIVE(AuthTypeEnum.OBS, false, "OBS "),
        V2(AuthTypeEnum.V2, false, "AWS "),
        V4(AuthTypeEnum.V4, false, "AWS4-HMAC-SHA256 "),
        NEGOTIATED(AuthTypeEnum.OBS, true, "OBS ");

        final AuthTypeEnum authType;
        final boolean negotiation;
        final String scheme;

        Mode(AuthTypeEnum authType, boolean negotiation, String scheme) {
            this.authType = authType;
            this.negotiation = negotiation;
            this.scheme = scheme;
        }

        WireShape shape() {
            return scheme.equals("OBS ") ? ObsSdkTest.NATIVE : S3_MODE;
        }

        /** The header prefix the SDK speaks in this mode. */
        String prefix() {
            return scheme.equals("OBS ") ? "x-obs-" : "x-amz-";
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

    static ObsClient client(Mode mode) {
        ObsConfiguration config = new ObsConfiguration();
        config.setEndPoint(SUFFIX);
        config.setEndpointHttpPort(proxy.port());
        config.setHttpsOnly(false);
        config.setPathStyle(false);
        config.setCustomizedDnsImpl(host -> List.of(InetAddress.getLoopbackAddress()));
        config.setAuthType(mode.authType);
        config.setAuthTypeNegotiation(mode.negotiation);
        config.setMaxErrorRetry(0);
        return new ObsClient(ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(), config);
    }

    static String bucketFor(Mode mode) {
        return "obs-" + mode.name().toLowerCase(Locale.ROOT) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void assertSignedWith(RecordingProxy.Request request, Mode mode) {
        String authorization = request.header("Authorization");
        assertThat(authorization).as(request.toString()).startsWith(mode.scheme);
        if (mode == Mode.V4) {
            assertThat(authorization).contains("Credential=" + ServerFixture.ALICE.accessKey() + "/")
                    .contains("/" + OBS_SDK_V4_REGION + "/s3/aws4_request");
        } else {
            assertThat(authorization).startsWith(mode.scheme + ServerFixture.ALICE.accessKey() + ":");
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void multipartSessionIsAnsweredInTheModesDialect(Mode mode) throws Exception {
        String bucket = bucketFor(mode);
        String key = "dir/" + mode + " object.bin";
        WireShape shape = mode.shape();
        ObsClient obs = client(mode);
        try {
            proxy.clear();
            obs.createBucket(bucket);
            List<RecordingProxy.Exchange> creation = proxy.exchanges();
            if (mode.negotiation) {
                // the probe comes first, unsigned, and its answer makes the SDK sign natively
                RecordingProxy.Exchange probe = creation.get(0);
                assertThat(probe.request().method()).isEqualTo("HEAD");
                assertThat(probe.request().hasParam("apiversion")).as(probe.toString()).isTrue();
                assertThat(probe.request().header("Authorization")).isNull();
                assertThat(probe.response().status()).isEqualTo(200);
                assertThat(probe.response().header("x-obs-api")).isEqualTo("3.0");
            } else {
                assertThat(creation).noneMatch(e -> e.request().hasParam("apiversion"));
            }
            RecordingProxy.Exchange create = proxy.only(is("PUT", null));
            assertThat(create.request().header("Host")).isEqualTo(bucket + "." + SUFFIX + ":" + proxy.port());
            assertSignedWith(create.request(), mode);
            assertThat(create.response().status()).as(create.toString()).isEqualTo(200);
            shape.assertHeaders(create.response());

            // InitiateMultipartUpload, with a storage class in the mode's own names and metadata
            proxy.clear();
            InitiateMultipartUploadRequest initiate = new InitiateMultipartUploadRequest(bucket, key);
            ObjectMetadata metadata = new ObjectMetadata();
            metadata.setObjectStorageClass(StorageClassEnum.WARM);
            metadata.addUserMetadata("colour", "blue");
            initiate.setMetadata(metadata);
            InitiateMultipartUploadResult initiated = obs.initiateMultipartUpload(initiate);
            RecordingProxy.Exchange post = proxy.only(is("POST", "uploads"));
            assertSignedWith(post.request(), mode);
            assertThat(post.request().header(mode.prefix() + "storage-class"))
                    .isEqualTo(mode.prefix().equals("x-obs-") ? "WARM" : "STANDARD_IA");
            assertThat(post.request().header(mode.prefix() + "meta-colour")).isEqualTo("blue");
            shape.assertSuccessDocument(post.response(), "InitiateMultipartUploadResult");
            assertThat(WireShape.elements(post.response(), "Bucket")).containsExactly(bucket);
            assertThat(WireShape.elements(post.response(), "Key")).containsExactly(key);
            assertThat(WireShape.elements(post.response(), "UploadId")).containsExactly(initiated.getUploadId());
            assertThat(initiated.getUploadId()).matches("[0-9A-F]{32}");
            assertThat(initiated.getObjectKey()).isEqualTo(key);

            // ListMultipartUploads: the storage class comes back in the mode's names, the SDK maps it back to WARM
            proxy.clear();
            List<MultipartUpload> uploads = obs.listMultipartUploads(new ListMultipartUploadsRequest(bucket))
                    .getMultipartTaskList();
            assertThat(uploads).extracting(MultipartUpload::getUploadId).containsExactly(initiated.getUploadId());
            assertThat(uploads.get(0).getObjectKey()).isEqualTo(key);
            assertThat(uploads.get(0).getObjectStorageClass()).isEqualTo(StorageClassEnum.WARM);
            RecordingProxy.Exchange list = proxy.only(is("GET", "uploads"));
            assertSignedWith(list.request(), mode);
            shape.assertSuccessDocument(list.response(), "ListMultipartUploadsResult");
            assertThat(WireShape.elements(list.response(), "StorageClass"))
                    .containsExactly(mode.prefix().equals("x-obs-") ? "WARM" : "STANDARD_IA");
            assertThat(WireShape.elements(list.response(), "Bucket")).containsExactly(bucket);

            // AbortMultipartUpload
            proxy.clear();
            obs.abortMultipartUpload(new AbortMultipartUploadRequest(bucket, key, initiated.getUploadId()));
            RecordingProxy.Exchange abort = proxy.only(is("DELETE", "uploadId"));
            assertSignedWith(abort.request(), mode);
            shape.assertEmptySuccess(abort.response(), 204);
            assertThat(obs.listMultipartUploads(new ListMultipartUploadsRequest(bucket)).getMultipartTaskList())
                    .isEmpty();

            // an error in the same dialect, as the SDK reads it
            proxy.clear();
            assertThatThrownBy(() -> obs.abortMultipartUpload(
                    new AbortMultipartUploadRequest(bucket, key, initiated.getUploadId())))
                    .isInstanceOfSatisfying(ObsException.class, e -> {
                        assertThat(e.getResponseCode()).isEqualTo(404);
                        assertThat(e.getErrorCode()).isEqualTo("NoSuchUpload");
                        RecordingProxy.Exchange failed = proxy.only(is("DELETE", "uploadId"));
                        shape.assertError(failed.response(), 404, "NoSuchUpload");
                        assertThat(e.getErrorRequestId()).isEqualTo(failed.response().header(shape.requestIdHeader()));
                    });

            obs.deleteBucket(bucket);
        } finally {
            obs.close();
        }
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void objectsRoundTripWithTheModesHeaders(Mode mode) throws Exception {
        String bucket = bucketFor(mode);
        String key = "photos/" + mode + "/cat.txt";
        byte[] data = ("hello from the OBS SDK in " + mode).getBytes(StandardCharsets.UTF_8);
        WireShape shape = mode.shape();
        ObsClient obs = client(mode);
        try {
            obs.createBucket(bucket);
            ObjectMetadata metadata = new ObjectMetadata();
            metadata.addUserMetadata("colour", "blue");
            metadata.setContentType("text/plain");
            proxy.clear();
            obs.putObject(bucket, key, new ByteArrayInputStream(data), metadata);
            RecordingProxy.Exchange put = proxy.only(is("PUT", null));
            assertSignedWith(put.request(), mode);
            assertThat(put.response().status()).as(put.toString()).isEqualTo(200);
            shape.assertHeaders(put.response());
            assertThat(put.response().header("ETag")).isNotBlank();

            proxy.clear();
            ObsObject object = obs.getObject(bucket, key);
            try (InputStream in = object.getObjectContent()) {
                assertThat(in.readAllBytes()).isEqualTo(data);
            }
            assertThat(object.getMetadata().getUserMetadata("colour")).isEqualTo("blue");
            RecordingProxy.Exchange get = proxy.only(is("GET", null));
            assertSignedWith(get.request(), mode);
            shape.assertHeaders(get.response());
            assertThat(get.response().header(mode.prefix() + "meta-colour")).isEqualTo("blue");
            String other = mode.prefix().equals("x-obs-") ? "x-amz-meta-colour" : "x-obs-meta-colour";
            assertThat(get.response().header(other)).isNull();

        } finally {
            obs.close();
        }
    }

    @Test
    void nativePresignedUrlIsFetchedByAPlainClient() throws Exception {
        String bucket = bucketFor(Mode.NATIVE);
        byte[] data = "presigned".getBytes(StandardCharsets.UTF_8);
        ObsClient obs = client(Mode.NATIVE);
        try {
            obs.createBucket(bucket);
            obs.putObject(bucket, "signed.txt", new ByteArrayInputStream(data));

            TemporarySignatureRequest get = new TemporarySignatureRequest(HttpMethodEnum.GET, 300);
            get.setBucketName(bucket);
            get.setObjectKey("signed.txt");
            URI url = URI.create(obs.createTemporarySignature(get).getSignedUrl());
            assertThat(url.getHost()).isEqualTo(bucket + "." + SUFFIX);
            assertThat(url.getRawQuery()).contains("AccessKeyId=" + ServerFixture.ALICE.accessKey())
                    .contains("Expires=").contains("Signature=");
            RawHttp.Response r = fetch("GET", url);
            assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
            assertThat(r.body()).isEqualTo(data);
            NATIVE.assertHeaders(r);

            // an OBS presigned InitiateMultipartUpload: POST ?uploads
            TemporarySignatureRequest initiate = new TemporarySignatureRequest(HttpMethodEnum.POST, 300);
            initiate.setBucketName(bucket);
            initiate.setObjectKey("presigned-upload");
            initiate.setSpecialParam(com.obs.services.model.SpecialParamEnum.UPLOADS);
            URI initiateUrl = URI.create(obs.createTemporarySignature(initiate).getSignedUrl());
            RawHttp.Response initiated = fetch("POST", initiateUrl);
            NATIVE.assertSuccessDocument(initiated, "InitiateMultipartUploadResult");
            String uploadId = initiated.xmlElement("UploadId");
            obs.abortMultipartUpload(new AbortMultipartUploadRequest(bucket, "presigned-upload", uploadId));

            // the policy variant (createGetTemporarySignature) is not supported: 501 in the OBS dialect
            URI policyUrl = URI.create(obs.createGetTemporarySignature(bucket, "signed.txt", "signed", 300L,
                    Map.of(), Map.of()).getSignedUrl());
            assertThat(policyUrl.getRawQuery()).contains("Policy=");
            RawHttp.Response refused = fetch("GET", policyUrl);
            NATIVE.assertError(refused, 501, "NotImplemented");

        } finally {
            obs.close();
        }
    }

    @Test
    void negotiationProbeIsAnsweredOnEveryEndpointAndForAnyBucket() throws Exception {
        for (String host : List.of("127.0.0.1:" + SERVER.port(), SUFFIX, "no-such-bucket." + SUFFIX,
                "some-bucket." + ServerFixture.DOMAIN)) {
            try (RawHttp http = SERVER.raw()) {
                RawHttp.Response r = http.exchange("HEAD", "/?apiversion", List.of(Map.entry("Host", host)), null);
                assertThat(r.status()).as(host).isEqualTo(200);
                assertThat(r.header("x-obs-api")).as(host).isEqualTo("3.0");
            }
        }
    }

    static RawHttp.Response fetch(String method, URI url) throws Exception {
        return VendorHttp.fetch(method, url);
    }
}
