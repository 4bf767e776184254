package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.server.config.DurabilityMode;
import dev.rosetta.server.config.SseConfig;
import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.ServerFixture;
import dev.rosetta.storage.crypto.KeyRing;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * The key material outlives the process: the generated master key (SSE-S3) and the KMS key store are kept in the
 * data directory (mode 0600), so objects written before a restart decrypt after it. Here KMS keys are not created
 * on first use: an unknown key id is {@code 400 KMS.NotFoundException}, configured ones and the default work.
 */
class SseKeyStoreTest {
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.durability(DurabilityMode.FSYNC)
            .sse(SseConfig.defaults().withKmsAutoCreate(false).withKmsKeys(List.of("configured-key"))));

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @Test
    void unknownKmsKeysAreNotFoundWhenKeysAreNotCreatedOnUse() {
        try (S3Client s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE)) {
            s3.createBucket(b -> b.bucket("kms-strict"));
            assertThatThrownBy(() -> s3.putObject(b -> b.bucket("kms-strict").key("k")
                    .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId("no-such-key"),
                    RequestBody.fromString("x"))).isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KMS.NotFoundException");
                    });
            assertThatThrownBy(() -> s3.createMultipartUpload(b -> b.bucket("kms-strict").key("k")
                    .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId("no-such-key")))
                    .isInstanceOfSatisfying(S3Exception.class,
                            e -> assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KMS.NotFoundException"));
            assertThat(s3.listObjectsV2(b -> b.bucket("kms-strict")).contents()).isEmpty();
            s3.putObject(b -> b.bucket("kms-strict").key("configured").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                    .ssekmsKeyId("configured-key"), RequestBody.fromString("c"));
            s3.putObject(b -> b.bucket("kms-strict").key("default").serverSideEncryption(ServerSideEncryption.AWS_KMS),
                    RequestBody.fromString("d"));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("kms-strict").key("configured")).asUtf8String()).isEqualTo("c");
        }
    }

    @Test
    void keysAndEncryptedObjectsSurviveARestart() throws Exception {
        byte[] small = random(700, 1);
        byte[] large = random(1_500_000, 2);
        byte[] customerKey = random(32, 3);
        String key64 = Base64.getEncoder().encodeToString(customerKey);
        String md5 = Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(customerKey));
        try (S3Client s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE)) {
            s3.createBucket(b -> b.bucket("restart"));
            for (String size : List.of("small", "large")) {
                byte[] data = size.equals("small") ? small : large;
                s3.putObject(b -> b.bucket("restart").key("s3-" + size).serverSideEncryption(ServerSideEncryption.AES256),
                        RequestBody.fromBytes(data));
                s3.putObject(b -> b.bucket("restart").key("kms-" + size).serverSideEncryption(ServerSideEncryption.AWS_KMS)
                        .ssekmsKeyId("configured-key"), RequestBody.fromBytes(data));
                s3.putObject(b -> b.bucket("restart").key("c-" + size).sseCustomerAlgorithm("AES256")
                        .sseCustomerKey(key64).sseCustomerKeyMD5(md5), RequestBody.fromBytes(data));
            }
        }
        Path master = SERVER.dataDir().resolve(KeyRing.MASTER_KEY_FILE);
        Path kms = SERVER.dataDir().resolve(KeyRing.KMS_KEYS_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(master))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(kms))).isEqualTo("rw-------");
        byte[] masterBefore = Files.readAllBytes(master);

        SERVER.restart();

        assertThat(Files.readAllBytes(master)).isEqualTo(masterBefore);
        try (S3Client s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE)) {
            for (String size : List.of("small", "large")) {
                byte[] data = size.equals("small") ? small : large;
                assertThat(s3.getObjectAsBytes(b -> b.bucket("restart").key("s3-" + size)).asByteArray()).isEqualTo(data);
                assertThat(s3.getObjectAsBytes(b -> b.bucket("restart").key("kms-" + size)).asByteArray())
                        .isEqualTo(data);
                assertThat(s3.getObjectAsBytes(b -> b.bucket("restart").key("c-" + size).sseCustomerAlgorithm("AES256")
                        .sseCustomerKey(key64).sseCustomerKeyMD5(md5)).asByteArray()).isEqualTo(data);
            }
        }
    }
}
