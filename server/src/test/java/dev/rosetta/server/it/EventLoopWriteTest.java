package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.ServerFixture;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Small PUTs (and initiates) are tried whole on the network event loop with fsync on, their commit handed to
 * the group committer. Whatever makes one need the disk or wait (a replaced blob to delete, a key another
 * request is committing) sends it to a worker to be run again from the gathered body: these tests drive both
 * ways and check that the answer and the stored object are the same either way.
 */
class EventLoopWriteTest {
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create();
    private static final String BUCKET = "loop";
    private static S3Client s3;

    @BeforeAll
    static void setUp() {
        s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE);
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void tearDown() {
        s3.close();
    }

    @Test
    void aSmallPutOverABlobObjectIsRunAgainOnAWorkerAndReplacesIt() throws Exception {
        byte[] large = new byte[200 * 1024]; // past the inline threshold: a blob file
        large[7] = 7;
        s3.putObject(b -> b.bucket(BUCKET).key("over-blob"), RequestBody.fromBytes(large));
        byte[] small = utf8("now small");
        String etag = s3.putObject(b -> b.bucket(BUCKET).key("over-blob"), RequestBody.fromBytes(small)).eTag();
        assertThat(etag).isEqualTo("\"" + md5Hex(small) + "\"");
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("over-blob"));
        assertThat(got.asByteArray()).isEqualTo(small);
        assertThat(got.response().eTag()).isEqualTo(etag);
    }

    @Test
    void concurrentSmallPutsOfOneKeyAllSucceedAndOneIsStoredWhole() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        Set<String> written = new HashSet<>();
        try {
            List<Future<String>> puts = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                String body = "version " + i;
                written.add(body);
                puts.add(pool.submit(() -> s3.putObject(b -> b.bucket(BUCKET).key("contended"),
                        RequestBody.fromString(body)).eTag()));
            }
            for (int i = 0; i < puts.size(); i++) {
                assertThat(puts.get(i).get(60, TimeUnit.SECONDS)).isEqualTo("\"" + md5Hex(utf8("version " + i)) + "\"");
            }
        } finally {
            pool.shutdownNow();
        }
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("contended"));
        String stored = got.asUtf8String();
        assertThat(written).contains(stored);
        assertThat(got.response().eTag()).isEqualTo("\"" + md5Hex(utf8(stored)) + "\"");
    }

    @Test
    void aSmallPutFailingItsContentMd5StoresNothingAndTheConnectionGoesOn() throws Exception {
        String wrongMd5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(utf8("other")));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(BUCKET).key("bad-digest").contentMD5(wrongMd5),
                RequestBody.fromString("the body")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BadDigest");
                });
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(BUCKET).key("bad-digest")))
                .isInstanceOf(NoSuchKeyException.class);
        s3.putObject(b -> b.bucket(BUCKET).key("after-bad-digest"), RequestBody.fromString("fine"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("after-bad-digest")).asUtf8String())
                .isEqualTo("fine");
    }

    @Test
    void aConditionalSmallPutIsRefusedWithoutChangingTheObject() {
        s3.putObject(b -> b.bucket(BUCKET).key("once"), RequestBody.fromString("first"));
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket(BUCKET).key("once").ifNoneMatch("*"),
                RequestBody.fromString("second")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(412));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("once")).asUtf8String()).isEqualTo("first");
    }

    @Test
    void aSmallPutIntoAMissingBucketIsNoSuchBucket() {
        assertThatThrownBy(() -> s3.putObject(b -> b.bucket("no-such-bucket").key("k"), RequestBody.fromString("x")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
                });
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String md5Hex(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }
}
