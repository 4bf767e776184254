package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.ServerFixture;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.GetBucketEncryptionResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.ServerSideEncryptionByDefault;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Bucket default encryption (Put/Get/DeleteBucketEncryption) through the AWS SDK v2: the configuration round
 * trip, S3's errors, and the default applied to PutObject, CopyObject and multipart uploads that name no
 * encryption, while a request that names one keeps it.
 */
class BucketEncryptionSdkTest {
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.minPartSize(64 * 1024));

    static final String KMS_KEY = "arn:aws:kms:us-east-1:111122223333:key/rosetta-default-key";
    static S3Client s3;
    static S3Client bob;

    @BeforeAll
    static void setUp() {
        s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE);
        bob = Clients.pathStyle(SERVER, ServerFixture.BOB);
    }

    @AfterAll
    static void tearDown() {
        s3.close();
        bob.close();
    }

    @Test
    void aBucketWithoutDefaultEncryptionAnswersNotFoundAndStoresObjectsAsAsked() {
        s3.createBucket(b -> b.bucket("enc-none"));
        assertThatThrownBy(() -> s3.getBucketEncryption(b -> b.bucket("enc-none")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ServerSideEncryptionConfigurationNotFoundError");
                });
        PutObjectResponse put = s3.putObject(b -> b.bucket("enc-none").key("plain"), RequestBody.fromString("x"));
        assertThat(put.serverSideEncryption()).isNull();
        // deleting what is not there is 204, as S3 answers
        s3.deleteBucketEncryption(b -> b.bucket("enc-none"));
    }

    @Test
    void sseS3DefaultAppliesToPutsCopiesAndUploadsThatNameNoEncryption() {
        s3.createBucket(b -> b.bucket("enc-s3"));
        s3.putBucketEncryption(b -> b.bucket("enc-s3").serverSideEncryptionConfiguration(c -> c.rules(r -> r
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)))));
        GetBucketEncryptionResponse got = s3.getBucketEncryption(b -> b.bucket("enc-s3"));
        ServerSideEncryptionByDefault byDefault = got.serverSideEncryptionConfiguration().rules().get(0)
                .applyServerSideEncryptionByDefault();
        assertThat(byDefault.sseAlgorithm()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(byDefault.kmsMasterKeyID()).isNull();
        assertThat(got.serverSideEncryptionConfiguration().rules().get(0).bucketKeyEnabled()).isFalse();

        byte[] small = random(3000, 1);
        PutObjectResponse put = s3.putObject(b -> b.bucket("enc-s3").key("small"), RequestBody.fromBytes(small));
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(s3.headObject(b -> b.bucket("enc-s3").key("small")).serverSideEncryption())
                .isEqualTo(ServerSideEncryption.AES256);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("enc-s3").key("small")).asByteArray()).isEqualTo(small);

        byte[] large = random(300 * 1024, 2);
        s3.putObject(b -> b.bucket("enc-s3").key("large"), RequestBody.fromBytes(large));
        assertThat(s3.headObject(b -> b.bucket("enc-s3").key("large")).serverSideEncryption())
                .isEqualTo(ServerSideEncryption.AES256);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("enc-s3").key("large").range("bytes=1000-1999")).asByteArray())
                .isEqualTo(Arrays.copyOfRange(large, 1000, 2000));

        s3.createBucket(b -> b.bucket("enc-source"));
        s3.putObject(b -> b.bucket("enc-source").key("src"), RequestBody.fromBytes(small));
        assertThat(s3.copyObject(b -> b.sourceBucket("enc-source").sourceKey("src").destinationBucket("enc-s3")
                .destinationKey("copy")).serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("enc-s3").key("copy")).asByteArray()).isEqualTo(small);

        CreateMultipartUploadResponse created = s3.createMultipartUpload(b -> b.bucket("enc-s3").key("multi"));
        assertThat(created.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        byte[] part = random(64 * 1024, 3);
        UploadPartResponse p1 = s3.uploadPart(b -> b.bucket("enc-s3").key("multi").uploadId(created.uploadId())
                .partNumber(1), RequestBody.fromBytes(part));
        s3.completeMultipartUpload(b -> b.bucket("enc-s3").key("multi").uploadId(created.uploadId())
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(p1.eTag()).build())));
        assertThat(s3.headObject(b -> b.bucket("enc-s3").key("multi")).serverSideEncryption())
                .isEqualTo(ServerSideEncryption.AES256);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("enc-s3").key("multi")).asByteArray()).isEqualTo(part);

        s3.deleteBucketEncryption(b -> b.bucket("enc-s3"));
        assertThatThrownBy(() -> s3.getBucketEncryption(b -> b.bucket("enc-s3")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        assertThat(s3.putObject(b -> b.bucket("enc-s3").key("after"), RequestBody.fromString("x"))
                .serverSideEncryption()).isNull();
        assertThat(s3.headObject(b -> b.bucket("enc-s3").key("small")).serverSideEncryption())
                .as("objects stored under the default keep it").isEqualTo(ServerSideEncryption.AES256);
    }

    @Test
    void aKmsDefaultNamesItsKeyAndARequestThatNamesEncryptionKeepsIt() throws Exception {
        s3.createBucket(b -> b.bucket("enc-kms"));
        s3.putBucketEncryption(b -> b.bucket("enc-kms").serverSideEncryptionConfiguration(c -> c.rules(r -> r
                .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AWS_KMS)
                        .kmsMasterKeyID(KMS_KEY)).bucketKeyEnabled(true))));
        GetBucketEncryptionResponse got = s3.getBucketEncryption(b -> b.bucket("enc-kms"));
        assertThat(got.serverSideEncryptionConfiguration().rules().get(0).applyServerSideEncryptionByDefault()
                .kmsMasterKeyID()).isEqualTo(KMS_KEY);
        assertThat(got.serverSideEncryptionConfiguration().rules().get(0).bucketKeyEnabled()).isTrue();

        PutObjectResponse put = s3.putObject(b -> b.bucket("enc-kms").key("k"), RequestBody.fromString("kms"));
        assertThat(put.serverSideEncryption()).isEqualTo(ServerSideEncryption.AWS_KMS);
        assertThat(put.ssekmsKeyId()).isEqualTo(KMS_KEY);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("enc-kms").key("k")).asUtf8String()).isEqualTo("kms");

        PutObjectResponse asked = s3.putObject(b -> b.bucket("enc-kms").key("s3")
                .serverSideEncryption(ServerSideEncryption.AES256), RequestBody.fromString("s3"));
        assertThat(asked.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);
        assertThat(asked.ssekmsKeyId()).isNull();

        byte[] customerKey = random(32, 4);
        String keyB64 = Base64.getEncoder().encodeToString(customerKey);
        String md5 = md5(customerKey);
        s3.putObject(b -> b.bucket("enc-kms").key("c").sseCustomerAlgorithm("AES256").sseCustomerKey(keyB64)
                .sseCustomerKeyMD5(md5), RequestBody.fromString("customer"));
        HeadObjectResponse head = s3.headObject(b -> b.bucket("enc-kms").key("c").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(keyB64).sseCustomerKeyMD5(md5));
        assertThat(head.sseCustomerAlgorithm()).isEqualTo("AES256");
        assertThat(head.serverSideEncryption()).isNull();
    }

    @Test
    void badConfigurationsAndOtherAccountsAreRefused() {
        s3.createBucket(b -> b.bucket("enc-bad"));
        assertThatThrownBy(() -> s3.putBucketEncryption(b -> b.bucket("enc-bad").serverSideEncryptionConfiguration(
                c -> c.rules(r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm("DES"))))))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("MalformedXML");
                });
        assertThatThrownBy(() -> s3.putBucketEncryption(b -> b.bucket("enc-bad").serverSideEncryptionConfiguration(
                c -> c.rules(r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)
                        .kmsMasterKeyID(KMS_KEY))))))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
                });
        assertThatThrownBy(() -> s3.putBucketEncryption(b -> b.bucket("enc-bad").serverSideEncryptionConfiguration(
                c -> c.rules(r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256)),
                        r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256))))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
        assertThatThrownBy(() -> bob.putBucketEncryption(b -> b.bucket("enc-bad").serverSideEncryptionConfiguration(
                c -> c.rules(r -> r.applyServerSideEncryptionByDefault(d -> d.sseAlgorithm(ServerSideEncryption.AES256))))))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertThatThrownBy(() -> s3.getBucketEncryption(b -> b.bucket("enc-bad")))
                .as("nothing was stored").isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String md5(byte[] b) throws NoSuchAlgorithmException {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(b));
    }
}
