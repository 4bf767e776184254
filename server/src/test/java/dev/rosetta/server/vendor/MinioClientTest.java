package dev.rosetta.server.vendor;

import static dev.rosetta.server.testing.RecordingProxy.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.common.collect.HashMultimap;
import com.google.common.collect.Multimap;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.RecordingProxy;
import dev.rosetta.server.testing.ServerFixture;
import io.minio.GetObjectArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioAsyncClient;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Upload;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * minio-java (a third-party SigV4 client) path style through a {@link RecordingProxy}: the multipart session
 * through {@link MinioAsyncClient}'s low-level S3 calls, answered in the AWS style.
 */
class MinioClientTest {
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create();

    static RecordingProxy proxy;
    static MinioClient minio;
    static MinioAsyncClient async;

    @BeforeAll
    static void setUp() {
        VendorHttp.quietSdkLogs();
        proxy = new RecordingProxy(SERVER.port());
        minio = MinioClient.builder().endpoint(proxy.endpoint()).region(ServerFixture.REGION)
                .credentials(ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey()).build();
        async = MinioAsyncClient.builder().endpoint(proxy.endpoint()).region(ServerFixture.REGION)
                .credentials(ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey()).build();
    }

    @AfterAll
    static void tearDown() throws Exception {
        minio.close();
        async.close();
        proxy.close();
    }

    static Multimap<String, String> none() {
        return HashMultimap.create();
    }

    static void assertV4Signed(RecordingProxy.Request request) {
        assertThat(request.header("Authorization")).as(request.toString())
                .startsWith("AWS4-HMAC-SHA256 Credential=" + ServerFixture.ALICE.accessKey() + "/")
                .contains("/" + ServerFixture.REGION + "/s3/aws4_request");
    }

    @Test
    void multipartSessionIsAnsweredInAwsStyle() throws Exception {
        String bucket = "minio-" + UUID.randomUUID().toString().substring(0, 8);
        proxy.clear();
        minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        RecordingProxy.Exchange create = proxy.only(is("PUT", null));
        assertV4Signed(create.request());
        WireShape.AWS.assertHeaders(create.response());

        String key = "minio/key with spaces.bin";
        proxy.clear();
        String uploadId = async.createMultipartUploadAsync(bucket, null, key, none(), none()).get()
                .result().uploadId();
        RecordingProxy.Exchange post = proxy.only(is("POST", "uploads"));
        assertV4Signed(post.request());
        WireShape.AWS.assertSuccessDocument(post.response(), "InitiateMultipartUploadResult");
        assertThat(WireShape.elements(post.response(), "Key")).containsExactly(key);
        assertThat(WireShape.elements(post.response(), "UploadId")).containsExactly(uploadId);

        proxy.clear();
        List<Upload> uploads = async.listMultipartUploadsAsync(bucket, null, null, null, null, null, null, null,
                none(), none()).get().result().uploads();
        assertThat(uploads).extracting(Upload::uploadId).containsExactly(uploadId);
        assertThat(uploads.get(0).objectName()).isEqualTo(key);
        RecordingProxy.Exchange list = proxy.only(is("GET", "uploads"));
        assertV4Signed(list.request());
        WireShape.AWS.assertSuccessDocument(list.response(), "ListMultipartUploadsResult");

        proxy.clear();
        async.abortMultipartUploadAsync(bucket, null, key, uploadId, none(), none()).get();
        RecordingProxy.Exchange abort = proxy.only(is("DELETE", "uploadId"));
        assertV4Signed(abort.request());
        WireShape.AWS.assertEmptySuccess(abort.response(), 204);

        proxy.clear();
        assertThatThrownBy(() -> async.abortMultipartUploadAsync(bucket, null, key, uploadId, none(), none()).get())
                .isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.errorResponse().code()).isEqualTo("NoSuchUpload");
                    RawHttp.Response r = proxy.only(is("DELETE", "uploadId")).response();
                    WireShape.AWS.assertError(r, 404, "NoSuchUpload");
                    assertThat(e.errorResponse().requestId()).isEqualTo(r.header("x-amz-request-id"));
                });
    }

    @Test
    void objectRoundTrip() throws Exception {
        String bucket = "minio-" + UUID.randomUUID().toString().substring(0, 8);
        minio.makeBucket(MakeBucketArgs.builder().bucket(bucket).build());
        byte[] data = "hello minio".getBytes(StandardCharsets.UTF_8);
        proxy.clear();
        minio.putObject(PutObjectArgs.builder().bucket(bucket).object("o.txt")
                .stream(new ByteArrayInputStream(data), data.length, -1).build());
        RecordingProxy.Exchange put = proxy.only(is("PUT", null));
        assertV4Signed(put.request());
        WireShape.AWS.assertHeaders(put.response());
        try (InputStream in = minio.getObject(GetObjectArgs.builder().bucket(bucket).object("o.txt").build())) {
            assertThat(in.readAllBytes()).isEqualTo(data);
        }
    }
}
