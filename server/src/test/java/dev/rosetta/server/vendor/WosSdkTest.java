package dev.rosetta.server.vendor;

import static dev.rosetta.server.testing.RecordingProxy.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.server.config.EndpointConfig;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.RecordingProxy;
import dev.rosetta.server.testing.ServerFixture;
import dev.rosetta.server.testing.V2Signer;
import dev.rosetta.server.testing.VendorServiceException;
import dev.rosetta.server.testing.WosSdk;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Wangsu WOS SDK ({@code com.chinanetcenter.wcs.sdk:wcs-java-sdk-v2}, {@code WOS-HMAC-SHA256}, run in its own
 * class loader: see {@link WosSdk}). The SDK has no custom-DNS hook, so it is used path style against loopback
 * names configured as endpoints: {@code 127.0.0.1=WOS} and {@code localhost=WCS}, both in the WOS region
 * {@code cn-south-1} its scope names. WOS style: {@code x-wos-request-id} and no id-2 header, the standalone
 * declaration, namespace {@code https://www.wangsu.com/document} (WCS: {@code http://wcs.chinanetcenter.com/document}).
 */
class WosSdkTest {
    static final String WOS_REGION = "cn-south-1";
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.endpoints(List.of(
            EndpointConfig.of("127.0.0.1", "WOS", WOS_REGION),
            EndpointConfig.of("localhost", "WCS", WOS_REGION))));

    static RecordingProxy proxy;
    static WosSdk wos;
    static WosSdk wcs;

    @BeforeAll
    static void setUp() {
        VendorHttp.quietSdkLogs();
        proxy = new RecordingProxy(SERVER.port());
        wos = WosSdk.open("127.0.0.1", proxy.port(), WOS_REGION, ServerFixture.ALICE.accessKey(),
                ServerFixture.ALICE.secretKey());
        wcs = WosSdk.open("localhost", proxy.port(), WOS_REGION, ServerFixture.ALICE.accessKey(),
                ServerFixture.ALICE.secretKey());
    }

    @AfterAll
    static void tearDown() {
        wos.close();
        wcs.close();
        proxy.close();
    }

    /** The WOS SDK cannot create buckets (WOS users do it in the console): an AWS V2-signed CreateBucket. */
    static String newBucket() throws Exception {
        String bucket = "wos-" + UUID.randomUUID().toString().substring(0, 8);
        String date = RFC_1123.format(Instant.now());
        try (RawHttp http = SERVER.raw()) {
            RawHttp.Response r = http.exchange("PUT", "/" + bucket, List.of(
                    Map.entry("Host", "127.0.0.1:" + SERVER.port()), Map.entry("Date", date),
                    Map.entry("Authorization", V2Signer.authorization(ServerFixture.ALICE.accessKey(),
                            ServerFixture.ALICE.secretKey(), "PUT\n\n\n" + date + "\n/" + bucket))), null);
            assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
            // AWS-signed on a WOS endpoint: x-amz- headers, answered in the WOS wire style
            assertThat(r.header("x-wos-request-id")).matches("[0-9A-F]{16}");
        }
        return bucket;
    }

    static void assertWosSigned(RecordingProxy.Request request) {
        assertThat(request.header("Authorization")).as(request.toString())
                .startsWith("WOS-HMAC-SHA256 Credential=" + ServerFixture.ALICE.accessKey() + "/")
                .contains("/" + WOS_REGION + "/wos/wos_request");
    }

    @Test
    void multipartSessionIsAnsweredInWosStyle() throws Exception {
        multipartSession(wos, "127.0.0.1", WireShape.WOS);
    }

    @Test
    void onAWcsEndpointTheNamespaceIsWcs() throws Exception {
        multipartSession(wcs, "localhost", WireShape.WCS);
    }

    private void multipartSession(WosSdk sdk, String host, WireShape shape) throws Exception {
        String bucket = newBucket();
        String key = "dir/mine-type.mp4";
        proxy.clear();
        String uploadId = sdk.initiateMultipartUpload(bucket, key);
        RecordingProxy.Exchange post = proxy.only(is("POST", "uploads"));
        assertWosSigned(post.request());
        assertThat(post.request().header("Host")).isEqualTo(host + ":" + proxy.port());
        assertThat(post.request().path()).isEqualTo("/" + bucket + "/dir/mine-type.mp4");
        shape.assertSuccessDocument(post.response(), "InitiateMultipartUploadResult");
        assertThat(WireShape.elements(post.response(), "Bucket")).containsExactly(bucket);
        assertThat(WireShape.elements(post.response(), "Key")).containsExactly(key);
        assertThat(WireShape.elements(post.response(), "UploadId")).containsExactly(uploadId);

        proxy.clear();
        List<WosSdk.Upload> uploads = sdk.listMultipartUploads(bucket);
        assertThat(uploads).extracting(WosSdk.Upload::key, WosSdk.Upload::uploadId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(key, uploadId));
        RecordingProxy.Exchange list = proxy.only(is("GET", "uploads"));
        assertWosSigned(list.request());
        shape.assertSuccessDocument(list.response(), "ListMultipartUploadsResult");
        // the spelling of the WOS documentation's responses (an ASSUMPTION, docs/dialects.md); the SDK's
        // StorageClassEnum only knows lower-case codes and parses it to null
        assertThat(WireShape.elements(list.response(), "StorageClass")).containsExactly("Standard");

        proxy.clear();
        sdk.abortMultipartUpload(bucket, key, uploadId);
        RecordingProxy.Exchange abort = proxy.only(is("DELETE", "uploadId"));
        assertWosSigned(abort.request());
        shape.assertEmptySuccess(abort.response(), 204);
        assertThat(sdk.listMultipartUploads(bucket)).isEmpty();

        proxy.clear();
        assertThatThrownBy(() -> sdk.abortMultipartUpload(bucket, key, uploadId))
                .isInstanceOfSatisfying(VendorServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(404);
                    assertThat(e.code()).isEqualTo("NoSuchUpload");
                    RecordingProxy.Exchange failed = proxy.only(is("DELETE", "uploadId"));
                    shape.assertError(failed.response(), 404, "NoSuchUpload");
                    assertThat(e.requestId()).isEqualTo(failed.response().header("x-wos-request-id"));
                });
    }

    @Test
    void objectsRoundTripAndThePresignedUrlIsFetchedByAPlainClient() throws Exception {
        String bucket = newBucket();
        byte[] data = "hello WOS".getBytes(StandardCharsets.UTF_8);
        proxy.clear();
        String etag = wos.putObject(bucket, "dir/hello.txt", data);
        RecordingProxy.Exchange put = proxy.only(is("PUT", null));
        assertWosSigned(put.request());
        WireShape.WOS.assertHeaders(put.response());
        assertThat(etag).isNotBlank();
        assertThat(wos.getObject(bucket, "dir/hello.txt")).isEqualTo(data);

        // createTemporarySignature: X-Wos-* parameters, '/' in the key sent as %2F
        URI url = URI.create(wos.presignGet(bucket, "dir/hello.txt", 300));
        assertThat(url.getRawQuery()).contains("X-Wos-Algorithm=WOS-HMAC-SHA256").contains("X-Wos-Signature=");
        RawHttp.Response r = VendorHttp.send("GET", url, null);
        assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
        assertThat(r.body()).isEqualTo(data);
        WireShape.WOS.assertHeaders(r);

        // signed an hour ago for five minutes: expired
        URI expired = URI.create(wos.presignGet(bucket, "dir/hello.txt", 300, Instant.now().minusSeconds(3600)));
        RawHttp.Response late = VendorHttp.send("GET", expired, null);
        WireShape.WOS.assertError(late, 403, "AccessDenied");
        assertThat(late.xmlElement("Message")).isEqualTo("Request has expired");

        // tampering with the signed path is refused in the WOS dialect
        URI other = URI.create(url.toString().replace("hello.txt", "hello.txu"));
        RawHttp.Response refused = VendorHttp.send("GET", other, null);
        WireShape.WOS.assertError(refused, 403, "SignatureDoesNotMatch");
    }

    @Test
    void unknownAccessKeyIsInvalidAccessKeyIdInWosStyle() {
        try (WosSdk stranger = WosSdk.open("127.0.0.1", proxy.port(), WOS_REGION, "AKNOBODY0000000000",
                "not-a-secret")) {
            proxy.clear();
            assertThatThrownBy(() -> stranger.initiateMultipartUpload("any-bucket", "k"))
                    .isInstanceOfSatisfying(VendorServiceException.class, e -> {
                        assertThat(e.status()).isEqualTo(403);
                        assertThat(e.code()).isEqualTo("InvalidAccessKeyId");
                    });
            WireShape.WOS.assertError(proxy.only(is("POST", "uploads")).response(), 403, "InvalidAccessKeyId");
        }
    }

    @Test
    void aScopeOfAnotherRegionIsAuthorizationHeaderMalformed() {
        try (WosSdk elsewhere = WosSdk.open("127.0.0.1", proxy.port(), "cn-north-1",
                ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey())) {
            proxy.clear();
            assertThatThrownBy(() -> elsewhere.initiateMultipartUpload("any-bucket", "k"))
                    .isInstanceOfSatisfying(VendorServiceException.class, e -> {
                        assertThat(e.status()).isEqualTo(400);
                        assertThat(e.code()).isEqualTo("AuthorizationHeaderMalformed");
                    });
            RawHttp.Response r = proxy.only(is("POST", "uploads")).response();
            WireShape.WOS.assertError(r, 400, "AuthorizationHeaderMalformed");
            assertThat(r.xmlElement("Region")).isEqualTo(WOS_REGION);
        }
    }
}
