package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.ServerFixture;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.s3.S3AsyncClientBuilder;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;
import software.amazon.awssdk.transfer.s3.S3TransferManager;
import software.amazon.awssdk.transfer.s3.model.CompletedFileUpload;

/**
 * The AWS SDK v2 asynchronous client over its Netty HTTP client, with its default checksum
 * behaviour, and the S3TransferManager moving a 100 MiB file up and down in parts.
 */
class AsyncTransferSdkTest {
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.minPartSize(MultipartObjectSdkTest.MIN_PART));
    private static final String BUCKET = "async";
    private static S3AsyncClient async;

    @BeforeAll
    static void setUp() {
        async = builder().build();
        async.createBucket(b -> b.bucket(BUCKET)).join();
    }

    @AfterAll
    static void tearDown() {
        async.close();
    }

    private static S3AsyncClientBuilder builder() {
        return S3AsyncClient.builder()
                .endpointOverride(URI.create(SERVER.endpoint()))
                .region(Region.of(ServerFixture.REGION))
                .credentialsProvider(Clients.credentials(ServerFixture.ALICE))
                .forcePathStyle(true)
                .httpClient(NettyNioAsyncHttpClient.builder().build());
    }

    @Test
    void asyncPutGetAndMultipartRoundTrip() {
        byte[] small = MultipartObjectSdkTest.random(300_000, 60);
        String etag = async.putObject(b -> b.bucket(BUCKET).key("one"), AsyncRequestBody.fromBytes(small)).join()
                .eTag();
        assertThat(etag).isEqualTo("\"" + MultipartObjectSdkTest.md5Hex(small) + "\"");
        ResponseBytes<GetObjectResponse> got = async.getObject(b -> b.bucket(BUCKET).key("one"),
                AsyncResponseTransformer.toBytes()).join();
        assertThat(got.asByteArray()).isEqualTo(small);

        String key = "multi";
        String id = async.createMultipartUpload(b -> b.bucket(BUCKET).key(key)).join().uploadId();
        byte[] p1 = MultipartObjectSdkTest.random(MultipartObjectSdkTest.MIN_PART * 2, 61);
        byte[] p2 = MultipartObjectSdkTest.random(12_345, 62);
        UploadPartResponse r1 = async.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(id).partNumber(1),
                AsyncRequestBody.fromBytes(p1)).join();
        UploadPartResponse r2 = async.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(id).partNumber(2),
                AsyncRequestBody.fromBytes(p2)).join();
        CompleteMultipartUploadResponse done = async.completeMultipartUpload(b -> b.bucket(BUCKET).key(key)
                .uploadId(id).multipartUpload(m -> m.parts(
                        CompletedPart.builder().partNumber(1).eTag(r1.eTag()).build(),
                        CompletedPart.builder().partNumber(2).eTag(r2.eTag()).build()))).join();
        assertThat(done.eTag()).isEqualTo(MultipartObjectSdkTest.multipartEtag(p1, p2));
        assertThat(async.getObject(b -> b.bucket(BUCKET).key(key), AsyncResponseTransformer.toBytes()).join()
                .asByteArray()).isEqualTo(MultipartObjectSdkTest.concat(p1, p2));
    }

    @Test
    void transferManagerMovesAHundredMebibytesInParts(@TempDir Path dir) throws Exception {
        Path source = dir.resolve("source.bin");
        byte[] sourceDigest = writeRandomFile(source, 100, 63);
        long partSize = 8L << 20;
        try (S3AsyncClient multipart = builder().multipartEnabled(true)
                .multipartConfiguration(c -> c.minimumPartSizeInBytes(partSize).thresholdInBytes(partSize))
                .build();
             S3TransferManager tm = S3TransferManager.builder().s3Client(multipart).build()) {
            CompletedFileUpload up = tm.uploadFile(u -> u.source(source)
                    .putObjectRequest(p -> p.bucket(BUCKET).key("big.bin"))).completionFuture().join();
            assertThat(up.response().eTag()).matches("\"[0-9a-f]{32}-13\"");
            HeadObjectResponse head = multipart.headObject(b -> b.bucket(BUCKET).key("big.bin")).join();
            assertThat(head.contentLength()).isEqualTo(100L << 20);

            Path target = dir.resolve("target.bin");
            tm.downloadFile(d -> d.destination(target)
                    .getObjectRequest(g -> g.bucket(BUCKET).key("big.bin"))).completionFuture().join();
            assertThat(Files.size(target)).isEqualTo(100L << 20);
            assertThat(sha256(target)).isEqualTo(sourceDigest);
        }
        assertThat(async.listMultipartUploads(b -> b.bucket(BUCKET)).join().uploads()).isEmpty();
    }

    /** Writes {@code mebibytes} MiB of seeded random bytes; returns their SHA-256. */
    private static byte[] writeRandomFile(Path file, int mebibytes, long seed) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Random random = new Random(seed);
        byte[] chunk = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(file)) {
            for (int i = 0; i < mebibytes; i++) {
                random.nextBytes(chunk);
                sha.update(chunk);
                out.write(chunk);
            }
        }
        return sha.digest();
    }

    private static byte[] sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        byte[] buffer = new byte[1 << 20];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        return sha.digest();
    }
}
