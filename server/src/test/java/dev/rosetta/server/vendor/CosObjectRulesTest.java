package dev.rosetta.server.vendor;

import static dev.rosetta.server.testing.RecordingProxy.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.qcloud.cos.COSClient;
import com.qcloud.cos.auth.BasicCOSCredentials;
import com.qcloud.cos.auth.COSSigner;
import com.qcloud.cos.exception.CosServiceException;
import com.qcloud.cos.http.HttpMethodName;
import com.qcloud.cos.model.COSObjectSummary;
import com.qcloud.cos.model.CompleteMultipartUploadRequest;
import com.qcloud.cos.model.CopyObjectRequest;
import com.qcloud.cos.model.InitiateMultipartUploadRequest;
import com.qcloud.cos.model.ListPartsRequest;
import com.qcloud.cos.model.ObjectMetadata;
import com.qcloud.cos.model.PartETag;
import com.qcloud.cos.model.PutObjectRequest;
import com.qcloud.cos.model.StorageClass;
import com.qcloud.cos.model.UploadPartRequest;
import dev.rosetta.server.config.EndpointConfig;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.RecordingProxy;
import dev.rosetta.server.testing.ServerFixture;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The COS rules for objects, with the Tencent COS SDK: {@code x-cos-forbid-overwrite: true} on PutObject,
 * CompleteMultipartUpload and CopyObject ({@code 409 FileAlreadyExists}, the existing object untouched), user
 * metadata name rules and limits (2 KB per header, 4 KB in all), storage classes in COS's names on HEAD, ListObjects
 * and ListParts, and the default Content-Type when none is sent (raw COS-signed requests).
 */
class CosObjectRulesTest {
    static final int PART = 5 * 1024;

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.minPartSize(PART).endpoints(List.of(
            EndpointConfig.parse(CosSdkTest.SUFFIX + "=COS"))));

    static COSClient cos;

    @BeforeAll
    static void setUp() {
        VendorHttp.quietSdkLogs();
        CosSdkTest.proxy = new RecordingProxy(SERVER.port());
        cos = CosSdkTest.client(ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey());
    }

    @AfterAll
    static void tearDown() {
        cos.shutdown();
        CosSdkTest.proxy.close();
    }

    static RecordingProxy proxy() {
        return CosSdkTest.proxy;
    }

    static String newBucket() {
        String bucket = "cosrules" + UUID.randomUUID().toString().substring(0, 6) + "-1250000000";
        cos.createBucket(bucket);
        return bucket;
    }

    static void assertCosError(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(CosServiceException.class, e -> {
            assertThat(e.getStatusCode()).as(e.toString()).isEqualTo(status);
            assertThat(e.getErrorCode()).isEqualTo(code);
        });
    }

    static String put(String bucket, String key, String content, Consumer<PutObjectRequest> change) {
        byte[] data = content.getBytes(StandardCharsets.UTF_8);
        ObjectMetadata m = new ObjectMetadata();
        m.setContentLength(data.length);
        PutObjectRequest request = new PutObjectRequest(bucket, key, new ByteArrayInputStream(data), m);
        change.accept(request);
        return cos.putObject(request).getETag();
    }

    static String initiate(String bucket, String key, Consumer<InitiateMultipartUploadRequest> change) {
        InitiateMultipartUploadRequest initiate = new InitiateMultipartUploadRequest(bucket, key);
        change.accept(initiate);
        return cos.initiateMultipartUpload(initiate).getUploadId();
    }

    static List<PartETag> parts(String bucket, String key, String uploadId) {
        List<PartETag> etags = new ArrayList<>();
        int[] sizes = {PART, 9};
        for (int i = 0; i < sizes.length; i++) {
            UploadPartRequest part = new UploadPartRequest().withBucketName(bucket).withKey(key).withUploadId(uploadId)
                    .withPartNumber(i + 1).withPartSize(sizes[i])
                    .withInputStream(new ByteArrayInputStream(new byte[sizes[i]]));
            etags.add(cos.uploadPart(part).getPartETag());
        }
        return etags;
    }

    static Map<String, String> head(String bucket, String key) {
        proxy().clear();
        cos.getObjectMetadata(bucket, key);
        RawHttp.Response r = proxy().only(is("HEAD", null)).response();
        java.util.LinkedHashMap<String, String> out = new java.util.LinkedHashMap<>();
        r.headers().forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    static String content(String bucket, String key) throws Exception {
        try (var in = cos.getObject(bucket, key).getObjectContent()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void forbidOverwriteRefusesPutCompleteAndCopyOntoAnExistingKey() throws Exception {
        String bucket = newBucket();
        String etag = put(bucket, "taken", "the original", r -> { });
        put(bucket, "source", "another object", r -> { });

        assertCosError(() -> put(bucket, "taken", "replacement",
                r -> r.putCustomRequestHeader("x-cos-forbid-overwrite", "true")), 409, "FileAlreadyExists");

        String id = initiate(bucket, "taken", i -> { });
        List<PartETag> etags = parts(bucket, "taken", id);
        CompleteMultipartUploadRequest complete = new CompleteMultipartUploadRequest(bucket, "taken", id, etags);
        complete.putCustomRequestHeader("x-cos-forbid-overwrite", "true");
        proxy().clear();
        assertCosError(() -> cos.completeMultipartUpload(complete), 409, "FileAlreadyExists");
        RecordingProxy.Exchange refused = proxy().only(is("POST", "uploadId"));
        WireShape.COS.assertError(refused.response(), 409, "FileAlreadyExists");

        CopyObjectRequest copy = new CopyObjectRequest(bucket, "source", bucket, "taken");
        copy.putCustomRequestHeader("x-cos-forbid-overwrite", "true");
        assertCosError(() -> cos.copyObject(copy), 409, "FileAlreadyExists");

        // the existing object is untouched; the refused upload is still open and completes without the header
        assertThat(content(bucket, "taken")).isEqualTo("the original");
        assertThat(cos.getObjectMetadata(bucket, "taken").getETag()).isEqualTo(etag);
        assertThat(cos.listParts(new ListPartsRequest(bucket, "taken", id)).getParts()).hasSize(2);
        CompleteMultipartUploadRequest plain = new CompleteMultipartUploadRequest(bucket, "taken", id, etags);
        plain.putCustomRequestHeader("x-cos-forbid-overwrite", "false");
        cos.completeMultipartUpload(plain);
        assertThat(cos.getObjectMetadata(bucket, "taken").getContentLength()).isEqualTo(PART + 9);

        // onto a free key the header changes nothing
        put(bucket, "free", "new", r -> r.putCustomRequestHeader("x-cos-forbid-overwrite", "true"));
        assertThat(content(bucket, "free")).isEqualTo("new");
    }

    @Test
    void metadataNamesAndLimits() {
        String bucket = newBucket();
        String id = initiate(bucket, "meta", i -> {
            ObjectMetadata m = new ObjectMetadata();
            m.addUserMetadata("Project-ID", "alpha");
            m.addUserMetadata("big", "v".repeat(2045)); // 3 + 2045 = 2048: the most one header may hold
            i.setObjectMetadata(m);
            i.setStorageClass(StorageClass.Standard_IA);
        });
        cos.completeMultipartUpload(new CompleteMultipartUploadRequest(bucket, "meta", id, parts(bucket, "meta", id)));
        Map<String, String> head = head(bucket, "meta");
        assertThat(head).containsEntry("x-cos-meta-project-id", "alpha");
        assertThat(head.get("x-cos-meta-big")).hasSize(2045);
        assertThat(head).containsEntry("x-cos-storage-class", "STANDARD_IA");
        assertThat(head).doesNotContainKey("x-amz-storage-class");

        assertCosError(() -> initiate(bucket, "bad", i -> i.setObjectMetadata(meta("under_score", "x"))), 400,
                "InvalidArgument");
        assertCosError(() -> initiate(bucket, "bad", i -> i.setObjectMetadata(meta("big", "v".repeat(2046)))), 400,
                "MetadataTooLarge");
        ObjectMetadata three = meta("a", "v".repeat(1500));
        three.addUserMetadata("b", "v".repeat(1500));
        three.addUserMetadata("c", "v".repeat(1100)); // 4103 in all
        assertCosError(() -> initiate(bucket, "bad", i -> i.setObjectMetadata(three)), 400, "MetadataTooLarge");
        assertThat(cos.listMultipartUploads(new com.qcloud.cos.model.ListMultipartUploadsRequest(bucket))
                .getMultipartUploads()).isEmpty();
    }

    static ObjectMetadata meta(String name, String value) {
        ObjectMetadata m = new ObjectMetadata();
        m.addUserMetadata(name, value);
        return m;
    }

    @Test
    void storageClassesInCosNamesOnEveryAnswer() {
        String bucket = newBucket();
        String id = initiate(bucket, "archived", i -> i.setStorageClass(StorageClass.Archive));
        List<PartETag> etags = parts(bucket, "archived", id);
        proxy().clear();
        assertThat(cos.listParts(new ListPartsRequest(bucket, "archived", id)).getStorageClass()).isEqualTo("ARCHIVE");
        assertThat(WireShape.elements(proxy().only(is("GET", "uploadId")).response(), "StorageClass"))
                .containsExactly("ARCHIVE");
        cos.completeMultipartUpload(new CompleteMultipartUploadRequest(bucket, "archived", id, etags));
        assertThat(head(bucket, "archived")).containsEntry("x-cos-storage-class", "ARCHIVE");
        assertThat(cos.listObjects(bucket).getObjectSummaries()).extracting(COSObjectSummary::getStorageClass)
                .containsExactly("ARCHIVE");
        // readable without a restore (no RestoreObject here)
        assertThat(cos.getObjectMetadata(bucket, "archived").getContentLength()).isEqualTo(PART + 9);
        put(bucket, "plain", "x", r -> { });
        assertThat(head(bucket, "plain")).containsEntry("x-cos-storage-class", "STANDARD");
        // an unknown class is refused and nothing is stored
        assertCosError(() -> initiate(bucket, "k", i -> i.putCustomRequestHeader("x-cos-storage-class", "FROZEN")),
                400, "InvalidStorageClass");
    }

    @Test
    void contentTypeMayBeOmittedAsOnCos() throws Exception {
        String bucket = newBucket();
        String host = bucket + "." + CosSdkTest.SUFFIX;
        Map<String, String> signed = Map.of("Host", host);
        String auth = new COSSigner().buildAuthorizationStr(HttpMethodName.PUT, "/no-type", signed, Map.of(),
                new BasicCOSCredentials(ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey()),
                Date.from(Instant.now().minusSeconds(60)), Date.from(Instant.now().plusSeconds(600)), true);
        try (RawHttp http = SERVER.raw()) {
            RawHttp.Response r = http.exchange("PUT", "/no-type", List.of(Map.entry("Host", host),
                    Map.entry("Authorization", auth), Map.entry("Content-Length", "3")), "abc".getBytes());
            assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
        }
        assertThat(head(bucket, "no-type")).containsEntry("content-type", "application/octet-stream");
    }
}
