package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.ServerFixture;
import dev.rosetta.server.testing.V2Signer;
import dev.rosetta.storage.Durability;
import dev.rosetta.storage.ManifestPart;
import dev.rosetta.storage.ObjectBody;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.StorageEngine;
import dev.rosetta.storage.crypto.Envelope;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectRequest;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectRequest;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.UploadPartCopyRequest;
import software.amazon.awssdk.services.s3.model.UploadPartRequest;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * Server-side encryption through the AWS SDK v2 on real sockets, for each scheme (SSE-C, SSE-S3, SSE-KMS):
 * small (inline) and large objects, ranges, multipart uploads with parts encrypted one by one, partNumber
 * reads, HEAD, copies between schemes, S3's SSE-C rules, and a look at every file of the data directory for
 * the plaintext.
 */
class ServerSideEncryptionSdkTest {
    static final int MIN_PART = 64 * 1024;

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.minPartSize(MIN_PART));

    static final String BUCKET = "sse";
    static final byte[] KEY = random(32, 1);
    static final byte[] OTHER_KEY = random(32, 2);
    static final String KMS_KEY = "arn:aws:kms:us-east-1:111122223333:key/rosetta-test-key";
    static final String CONTEXT = Base64.getEncoder().encodeToString(
            "{\"project\":\"rosetta\"}".getBytes(StandardCharsets.UTF_8));
    static S3Client s3;

    enum Scheme { SSE_C, SSE_S3, SSE_KMS }

    @BeforeAll
    static void setUp() {
        s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE);
        s3.createBucket(b -> b.bucket(BUCKET));
    }

    @AfterAll
    static void tearDown() {
        s3.close();
    }

    // --- helpers ---------------------------------------------------------------------------------

    static byte[] random(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    static String md5(byte[] b) {
        try {
            return b64(MessageDigest.getInstance("MD5").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A fresh marker no other test writes. */
    static String marker() {
        return "PLAINTEXT-" + UUID.randomUUID();
    }

    /** {@code n} random bytes with {@code marker} every 4 KiB (and at the start and the end). */
    static byte[] content(int n, String marker, long seed) {
        byte[] data = random(n, seed);
        byte[] m = marker.getBytes(StandardCharsets.US_ASCII);
        for (int at = 0; at + m.length <= n; at += 4096) {
            System.arraycopy(m, 0, data, at, m.length);
        }
        if (n >= m.length) {
            System.arraycopy(m, 0, data, n - m.length, m.length);
        }
        return data;
    }

    static PutObjectRequest.Builder put(Scheme s, byte[] key, PutObjectRequest.Builder b) {
        return switch (s) {
            case SSE_C -> b.sseCustomerAlgorithm("AES256").sseCustomerKey(b64(key)).sseCustomerKeyMD5(md5(key));
            case SSE_S3 -> b.serverSideEncryption(ServerSideEncryption.AES256);
            case SSE_KMS -> b.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(KMS_KEY)
                    .ssekmsEncryptionContext(CONTEXT);
        };
    }

    static GetObjectRequest.Builder get(Scheme s, GetObjectRequest.Builder b) {
        return s == Scheme.SSE_C
                ? b.sseCustomerAlgorithm("AES256").sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5(KEY)) : b;
    }

    static HeadObjectRequest.Builder head(Scheme s, HeadObjectRequest.Builder b) {
        return s == Scheme.SSE_C
                ? b.sseCustomerAlgorithm("AES256").sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5(KEY)) : b;
    }

    static void putObject(Scheme s, String key, byte[] data) {
        PutObjectResponse r = s3.putObject(put(s, KEY, PutObjectRequest.builder().bucket(BUCKET).key(key)).build(),
                RequestBody.fromBytes(data));
        assertEchoes(s, r.serverSideEncryption(), r.ssekmsKeyId(), r.sseCustomerAlgorithm(), r.sseCustomerKeyMD5());
        if (s == Scheme.SSE_KMS) {
            assertThat(r.ssekmsEncryptionContext()).isEqualTo(CONTEXT);
        }
    }

    static byte[] getObject(Scheme s, String key, Consumer<GetObjectRequest.Builder> more) {
        GetObjectRequest.Builder b = get(s, GetObjectRequest.builder().bucket(BUCKET).key(key));
        more.accept(b);
        ResponseBytes<GetObjectResponse> r = s3.getObjectAsBytes(b.build());
        GetObjectResponse h = r.response();
        assertEchoes(s, h.serverSideEncryption(), h.ssekmsKeyId(), h.sseCustomerAlgorithm(), h.sseCustomerKeyMD5());
        return r.asByteArray();
    }

    static void assertEchoes(Scheme s, ServerSideEncryption sse, String kmsKeyId, String customerAlgorithm,
                             String customerKeyMd5) {
        switch (s) {
            case SSE_C -> {
                assertThat(sse).isNull();
                assertThat(customerAlgorithm).isEqualTo("AES256");
                assertThat(customerKeyMd5).isEqualTo(md5(KEY));
            }
            case SSE_S3 -> {
                assertThat(sse).isEqualTo(ServerSideEncryption.AES256);
                assertThat(customerAlgorithm).isNull();
                assertThat(kmsKeyId).isNull();
            }
            case SSE_KMS -> {
                assertThat(sse).isEqualTo(ServerSideEncryption.AWS_KMS);
                assertThat(kmsKeyId).isEqualTo(KMS_KEY);
                assertThat(customerAlgorithm).isNull();
            }
        }
    }

    static byte[] slice(byte[] data, long first, long last) {
        return Arrays.copyOfRange(data, (int) first, (int) last + 1);
    }

    /** Whether any file under the data directory (blobs, RocksDB WAL and tables, tmp, keys) contains the marker. */
    static boolean onDisk(String marker) throws Exception {
        byte[] needle = marker.getBytes(StandardCharsets.US_ASCII);
        try (Stream<Path> files = Files.walk(SERVER.dataDir())) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] data;
                try {
                    data = Files.readAllBytes(f);
                } catch (java.nio.file.NoSuchFileException gone) {
                    continue;
                }
                if (indexOf(data, needle) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    static int indexOf(byte[] data, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= data.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static void assertS3Error(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).as(e.toString()).isEqualTo(status);
            if (code != null) {
                assertThat(e.awsErrorDetails().errorCode()).as(e.toString()).isEqualTo(code);
            }
        });
    }

    // --- every scheme ----------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void smallAndLargeObjectsRoundTripWithRangesAndHead(Scheme s) throws Exception {
        String marker = marker();
        for (int size : new int[] {1000, 3 * 1024 * 1024 + 123}) {
            String key = s + "/object-" + size;
            byte[] data = content(size, marker, size);
            putObject(s, key, data);

            assertThat(getObject(s, key, b -> { })).isEqualTo(data);
            long third = size / 3;
            long[][] ranges = {{0, 0}, {15, 16}, {16, 31}, {17, 4096 + 17}, {third, third + 100_003},
                    {size - 37, size - 1}};
            for (long[] r : ranges) {
                long last = Math.min(size - 1, r[1]);
                assertThat(getObject(s, key, b -> b.range("bytes=" + r[0] + "-" + r[1])))
                        .as("range %d-%d of %d", r[0], r[1], size).isEqualTo(slice(data, r[0], last));
            }
            assertThat(getObject(s, key, b -> b.range("bytes=-37"))).isEqualTo(slice(data, size - 37, size - 1));

            HeadObjectResponse h = s3.headObject(head(s, HeadObjectRequest.builder().bucket(BUCKET).key(key)).build());
            assertThat(h.contentLength()).isEqualTo(size);
            assertEchoes(s, h.serverSideEncryption(), h.ssekmsKeyId(), h.sseCustomerAlgorithm(), h.sseCustomerKeyMD5());
        }
        assertThat(onDisk(marker)).as("plaintext of %s objects on disk", s).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void multipartPartsAreEncryptedOneByOneAndReadAcrossTheirBoundaries(Scheme s) throws Exception {
        String marker = marker();
        String key = s + "/multipart";
        byte[][] parts = {content(MIN_PART + 1001, marker, 1), content(MIN_PART + 3003, marker, 2),
                content(10_005, marker, 3)};
        CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder().bucket(BUCKET).key(key);
        switch (s) {
            case SSE_C -> create.sseCustomerAlgorithm("AES256").sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5(KEY));
            case SSE_S3 -> create.serverSideEncryption(ServerSideEncryption.AES256);
            case SSE_KMS -> create.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(KMS_KEY)
                    .ssekmsEncryptionContext(CONTEXT);
        }
        CreateMultipartUploadResponse created = s3.createMultipartUpload(create.build());
        assertEchoes(s, created.serverSideEncryption(), created.ssekmsKeyId(), created.sseCustomerAlgorithm(),
                created.sseCustomerKeyMD5());
        List<CompletedPart> completed = new ArrayList<>();
        for (int i = 0; i < parts.length; i++) {
            int n = i + 1;
            UploadPartRequest.Builder up = UploadPartRequest.builder().bucket(BUCKET).key(key)
                    .uploadId(created.uploadId()).partNumber(n);
            if (s == Scheme.SSE_C) {
                up.sseCustomerAlgorithm("AES256").sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5(KEY));
            }
            UploadPartResponse r = s3.uploadPart(up.build(), RequestBody.fromBytes(parts[i]));
            assertEchoes(s, r.serverSideEncryption(), r.ssekmsKeyId(), r.sseCustomerAlgorithm(), r.sseCustomerKeyMD5());
            completed.add(CompletedPart.builder().partNumber(n).eTag(r.eTag()).checksumCRC32(r.checksumCRC32()).build());
        }
        var done = s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(created.uploadId())
                .multipartUpload(m -> m.parts(completed)));
        assertThat(done.serverSideEncryption()).isEqualTo(s == Scheme.SSE_C ? null
                : s == Scheme.SSE_S3 ? ServerSideEncryption.AES256 : ServerSideEncryption.AWS_KMS);

        byte[] all = new byte[parts[0].length + parts[1].length + parts[2].length];
        System.arraycopy(parts[0], 0, all, 0, parts[0].length);
        System.arraycopy(parts[1], 0, all, parts[0].length, parts[1].length);
        System.arraycopy(parts[2], 0, all, parts[0].length + parts[1].length, parts[2].length);
        assertThat(getObject(s, key, b -> { })).isEqualTo(all);
        long boundary = parts[0].length;
        long secondEnd = boundary + parts[1].length;
        assertThat(getObject(s, key, b -> b.range("bytes=" + (boundary - 5) + "-" + (secondEnd + 5))))
                .isEqualTo(slice(all, boundary - 5, secondEnd + 5));
        assertThat(getObject(s, key, b -> b.partNumber(2))).isEqualTo(parts[1]);
        assertThat(getObject(s, key, b -> b.partNumber(3))).isEqualTo(parts[2]);

        // a copy into another scheme keeps the parts, so partNumber reads still work there
        Scheme other = Scheme.values()[(s.ordinal() + 1) % Scheme.values().length];
        CopyObjectRequest.Builder copy = copySource(s, CopyObjectRequest.builder().sourceBucket(BUCKET).sourceKey(key)
                .destinationBucket(BUCKET).destinationKey(key + "-copy"));
        s3.copyObject(copyDestination(other, copy).build());
        assertThat(getObject(other, key + "-copy", b -> b.partNumber(2))).isEqualTo(parts[1]);
        assertThat(getObject(other, key + "-copy", b -> { })).isEqualTo(all);

        assertThat(onDisk(marker)).as("plaintext of %s parts on disk", s).isFalse();

        // every part has a data key of its own, under the scheme's key
        SERVER.stop();
        try (StorageEngine store = StorageEngine.open(SERVER.dataDir(), Durability.NONE)) {
            ObjectRecord o = store.objects().require(BUCKET, key);
            List<ManifestPart> stored = ((ObjectBody.Manifest) o.body()).parts();
            assertThat(stored).allSatisfy(p -> assertThat(p.blob().envelope()).isNotNull());
            assertThat(stored.stream().map(p -> p.blob().envelope()).distinct()).hasSize(3);
            assertThat(stored.get(0).blob().envelope().scheme()).isEqualTo(switch (s) {
                case SSE_C -> Envelope.Scheme.CUSTOMER;
                case SSE_S3 -> Envelope.Scheme.MASTER;
                case SSE_KMS -> Envelope.Scheme.KMS;
            });
        } finally {
            SERVER.restart();
        }
    }

    static CopyObjectRequest.Builder copySource(Scheme s, CopyObjectRequest.Builder b) {
        return s == Scheme.SSE_C ? b.copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(b64(KEY))
                .copySourceSSECustomerKeyMD5(md5(KEY)) : b;
    }

    static CopyObjectRequest.Builder copyDestination(Scheme s, CopyObjectRequest.Builder b) {
        return switch (s) {
            case SSE_C -> b.sseCustomerAlgorithm("AES256").sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5(KEY));
            case SSE_S3 -> b.serverSideEncryption(ServerSideEncryption.AES256);
            case SSE_KMS -> b.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(KMS_KEY)
                    .ssekmsEncryptionContext(CONTEXT);
        };
    }

    @ParameterizedTest
    @EnumSource(Scheme.class)
    void copiesGoToPlainAndToEveryOtherScheme(Scheme s) throws Exception {
        String secret = marker();
        String leaked = marker();
        for (int size : new int[] {500, 200_000}) {
            String key = s + "/copy-source-" + size;
            byte[] data = content(size, secret, size);
            putObject(s, key, data);

            // to every scheme, this one included (the same ciphertext, its data key wrapped anew)
            for (Scheme to : Scheme.values()) {
                String dest = key + "-to-" + to;
                CopyObjectResponse r = s3.copyObject(copyDestination(to, copySource(s, CopyObjectRequest.builder()
                        .sourceBucket(BUCKET).sourceKey(key).destinationBucket(BUCKET).destinationKey(dest))).build());
                assertEchoes(to, r.serverSideEncryption(), r.ssekmsKeyId(), r.sseCustomerAlgorithm(),
                        r.sseCustomerKeyMD5());
                assertThat(getObject(to, dest, b -> { })).isEqualTo(data);
                assertThat(getObject(to, dest, b -> b.range("bytes=100-299"))).isEqualTo(slice(data, 100, 299));
            }

            // onto itself with another encryption (a key rotation)
            Scheme next = Scheme.values()[(s.ordinal() + 1) % Scheme.values().length];
            String rotated = key + "-rotated";
            s3.copyObject(copyDestination(s, copySource(s, CopyObjectRequest.builder().sourceBucket(BUCKET)
                    .sourceKey(key).destinationBucket(BUCKET).destinationKey(rotated))).build());
            s3.copyObject(copyDestination(next, copySource(s, CopyObjectRequest.builder().sourceBucket(BUCKET)
                    .sourceKey(rotated).destinationBucket(BUCKET).destinationKey(rotated))).build());
            assertThat(getObject(next, rotated, b -> { })).isEqualTo(data);

            // UploadPartCopy from the encrypted object into an upload of another scheme
            String mp = key + "-partcopy";
            CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder().bucket(BUCKET).key(mp);
            if (s == Scheme.SSE_S3) {
                create.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(KMS_KEY);
            } else {
                create.serverSideEncryption(ServerSideEncryption.AES256);
            }
            String uploadId = s3.createMultipartUpload(create.build()).uploadId();
            UploadPartCopyRequest.Builder pc = UploadPartCopyRequest.builder().sourceBucket(BUCKET).sourceKey(key)
                    .destinationBucket(BUCKET).destinationKey(mp).uploadId(uploadId).partNumber(1)
                    .copySourceRange("bytes=10-" + (size - 11));
            if (s == Scheme.SSE_C) {
                pc.copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(b64(KEY))
                        .copySourceSSECustomerKeyMD5(md5(KEY));
            }
            String etag = s3.uploadPartCopy(pc.build()).copyPartResult().eTag();
            s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(mp).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
            assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(mp)).asByteArray())
                    .isEqualTo(slice(data, 10, size - 11));

            // to an unencrypted object (other bytes: these reach the disk in the clear, as asked)
            String leakyKey = key + "-leaky";
            byte[] leaky = content(size, leaked, size + 1);
            putObject(s, leakyKey, leaky);
            CopyObjectResponse toPlain = s3.copyObject(copySource(s, CopyObjectRequest.builder().sourceBucket(BUCKET)
                    .sourceKey(leakyKey).destinationBucket(BUCKET).destinationKey(leakyKey + "-plain")).build());
            assertThat(toPlain.serverSideEncryption()).isNull();
            assertThat(toPlain.sseCustomerAlgorithm()).isNull();
            ResponseBytes<GetObjectResponse> plain = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(leakyKey + "-plain"));
            assertThat(plain.asByteArray()).isEqualTo(leaky);
            assertThat(plain.response().serverSideEncryption()).isNull();
            assertThat(plain.response().sseCustomerAlgorithm()).isNull();
            // and back from plain into encryption
            s3.copyObject(copyDestination(s, CopyObjectRequest.builder().sourceBucket(BUCKET)
                    .sourceKey(leakyKey + "-plain").destinationBucket(BUCKET).destinationKey(leakyKey + "-again"))
                    .build());
            assertThat(getObject(s, leakyKey + "-again", b -> { })).isEqualTo(leaky);
        }
        assertThat(onDisk(secret)).as("plaintext of objects only ever copied between encryptions").isFalse();
        assertThat(onDisk(leaked)).as("the unencrypted copies hold the plaintext (the check can see it)").isTrue();
    }

    // --- SSE-C rules -----------------------------------------------------------------------------

    @Test
    void sseCObjectsNeedTheirKeyForGetAndHead() {
        byte[] data = content(5000, marker(), 9);
        putObject(Scheme.SSE_C, "ssec/rules", data);
        s3.putObject(b -> b.bucket(BUCKET).key("ssec/plain"), RequestBody.fromBytes(data));
        putObject(Scheme.SSE_S3, "ssec/s3", data);

        // no key
        assertS3Error(() -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("ssec/rules")), 400, "InvalidRequest");
        assertS3Error(() -> s3.headObject(b -> b.bucket(BUCKET).key("ssec/rules")), 400, null);
        // another key
        assertS3Error(() -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("ssec/rules").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(b64(OTHER_KEY)).sseCustomerKeyMD5(md5(OTHER_KEY))), 403, "AccessDenied");
        assertS3Error(() -> s3.headObject(b -> b.bucket(BUCKET).key("ssec/rules").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(b64(OTHER_KEY)).sseCustomerKeyMD5(md5(OTHER_KEY))), 403, null);
        // the MD5 of another key
        assertS3Error(() -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("ssec/rules").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5(OTHER_KEY))), 400, "InvalidArgument");
        // a key for objects that have none
        for (String plainKey : List.of("ssec/plain", "ssec/s3")) {
            assertS3Error(() -> s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(plainKey).sseCustomerAlgorithm("AES256")
                    .sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5(KEY))), 400, "InvalidRequest");
        }
        // the right key
        assertThat(getObject(Scheme.SSE_C, "ssec/rules", b -> { })).isEqualTo(data);
    }

    @Test
    void everyPartOfAnSseCUploadPresentsTheUploadsKey() {
        String key = "ssec/parts";
        String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key(key).sseCustomerAlgorithm("AES256")
                .sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5(KEY))).uploadId();
        byte[] part = random(1000, 5);
        assertS3Error(() -> s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1),
                RequestBody.fromBytes(part)), 400, "InvalidRequest");
        assertS3Error(() -> s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1)
                .sseCustomerAlgorithm("AES256").sseCustomerKey(b64(OTHER_KEY)).sseCustomerKeyMD5(md5(OTHER_KEY)),
                RequestBody.fromBytes(part)), 400, "InvalidRequest");
        assertThat(s3.listParts(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)).parts()).isEmpty();
        String etag = s3.uploadPart(b -> b.bucket(BUCKET).key(key).uploadId(uploadId).partNumber(1)
                .sseCustomerAlgorithm("AES256").sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5(KEY)),
                RequestBody.fromBytes(part)).eTag();
        s3.completeMultipartUpload(b -> b.bucket(BUCKET).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
        assertThat(getObject(Scheme.SSE_C, key, b -> { })).isEqualTo(part);

        // an upload without SSE-C takes no customer key
        String plainUpload = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("ssec/plain-parts")).uploadId();
        assertS3Error(() -> s3.uploadPart(b -> b.bucket(BUCKET).key("ssec/plain-parts").uploadId(plainUpload)
                .partNumber(1).sseCustomerAlgorithm("AES256").sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5(KEY)),
                RequestBody.fromBytes(part)), 400, "InvalidRequest");
    }

    @Test
    void anSseCCopySourceNeedsItsKey() {
        byte[] data = content(3000, marker(), 11);
        putObject(Scheme.SSE_C, "ssec/source", data);
        CopyObjectRequest.Builder base = CopyObjectRequest.builder().sourceBucket(BUCKET).sourceKey("ssec/source")
                .destinationBucket(BUCKET).destinationKey("ssec/dest");
        assertS3Error(() -> s3.copyObject(base.build()), 400, "InvalidRequest");
        assertS3Error(() -> s3.copyObject(base.copy().copySourceSSECustomerAlgorithm("AES256")
                .copySourceSSECustomerKey(b64(OTHER_KEY)).copySourceSSECustomerKeyMD5(md5(OTHER_KEY)).build()),
                403, "AccessDenied");
        // the destination's key is not the source's
        assertS3Error(() -> s3.copyObject(base.copy().sseCustomerAlgorithm("AES256").sseCustomerKey(b64(KEY))
                .sseCustomerKeyMD5(md5(KEY)).build()), 400, "InvalidRequest");
        String uploadId = s3.createMultipartUpload(b -> b.bucket(BUCKET).key("ssec/partcopy")).uploadId();
        assertS3Error(() -> s3.uploadPartCopy(b -> b.sourceBucket(BUCKET).sourceKey("ssec/source")
                .destinationBucket(BUCKET).destinationKey("ssec/partcopy").uploadId(uploadId).partNumber(1)), 400,
                "InvalidRequest");
        // with the key, to a destination under another customer key
        s3.copyObject(base.copy().copySourceSSECustomerAlgorithm("AES256").copySourceSSECustomerKey(b64(KEY))
                .copySourceSSECustomerKeyMD5(md5(KEY)).sseCustomerAlgorithm("AES256")
                .sseCustomerKey(b64(OTHER_KEY)).sseCustomerKeyMD5(md5(OTHER_KEY)).build());
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("ssec/dest").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(b64(OTHER_KEY)).sseCustomerKeyMD5(md5(OTHER_KEY))).asByteArray()).isEqualTo(data);
        assertS3Error(() -> getObject(Scheme.SSE_C, "ssec/dest", b -> { }), 403, "AccessDenied");
    }

    // --- SSE-KMS ---------------------------------------------------------------------------------

    @Test
    void kmsKeyIdContextAndBucketKeyAreEchoedAndKept() {
        byte[] data = random(2000, 12);
        PutObjectResponse put = s3.putObject(b -> b.bucket(BUCKET).key("kms/echo")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(KMS_KEY)
                .ssekmsEncryptionContext(CONTEXT).bucketKeyEnabled(true), RequestBody.fromBytes(data));
        assertThat(put.ssekmsKeyId()).isEqualTo(KMS_KEY);
        assertThat(put.ssekmsEncryptionContext()).isEqualTo(CONTEXT);
        assertThat(put.bucketKeyEnabled()).isTrue();
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("kms/echo"));
        assertThat(got.asByteArray()).isEqualTo(data);
        assertThat(got.response().ssekmsKeyId()).isEqualTo(KMS_KEY);
        assertThat(got.response().bucketKeyEnabled()).isTrue();
        assertThat(got.response().sdkHttpResponse().firstMatchingHeader("x-amz-server-side-encryption-context"))
                .contains(CONTEXT);
        HeadObjectResponse head = s3.headObject(b -> b.bucket(BUCKET).key("kms/echo"));
        assertThat(head.ssekmsKeyId()).isEqualTo(KMS_KEY);
        assertThat(head.sdkHttpResponse().firstMatchingHeader("x-amz-server-side-encryption-context"))
                .contains(CONTEXT);

        // without a key id: the default key, named in the answer
        PutObjectResponse byDefault = s3.putObject(b -> b.bucket(BUCKET).key("kms/default")
                .serverSideEncryption(ServerSideEncryption.AWS_KMS), RequestBody.fromBytes(data));
        assertThat(byDefault.ssekmsKeyId()).isEqualTo("aws/s3");
        assertThat(s3.headObject(b -> b.bucket(BUCKET).key("kms/default")).ssekmsKeyId()).isEqualTo("aws/s3");

        // an unknown key id is created on first use (the default configuration)
        assertThat(s3.putObject(b -> b.bucket(BUCKET).key("kms/new").serverSideEncryption(ServerSideEncryption.AWS_KMS)
                .ssekmsKeyId("alias/made-on-first-use"), RequestBody.fromBytes(data)).ssekmsKeyId())
                .isEqualTo("alias/made-on-first-use");
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("kms/new")).asByteArray()).isEqualTo(data);

        // a context that is not base64 JSON
        assertS3Error(() -> s3.putObject(b -> b.bucket(BUCKET).key("kms/bad").serverSideEncryption(
                ServerSideEncryption.AWS_KMS).ssekmsEncryptionContext("not json"), RequestBody.fromBytes(data)),
                400, "InvalidArgument");
    }

    @Test
    void sseKmsIsRefusedOverSignatureV2() throws Exception {
        String key = "kms/v2-read";
        s3.putObject(b -> b.bucket(BUCKET).key(key).serverSideEncryption(ServerSideEncryption.AWS_KMS),
                RequestBody.fromString("kms bytes"));
        s3.putObject(b -> b.bucket(BUCKET).key("kms/v2-plain"), RequestBody.fromString("plain bytes"));
        String date = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .format(ZonedDateTime.now(ZoneOffset.UTC));
        String host = "127.0.0.1:" + SERVER.port();
        try (RawHttp http = SERVER.raw()) {
            RawHttp.Response get = http.exchange("GET", "/" + BUCKET + "/" + key, List.of(Map.entry("Host", host),
                    Map.entry("Date", date), Map.entry("Authorization", v2("GET\n\n\n" + date + "\n/" + BUCKET
                            + "/" + key))), null);
            assertKmsNeedsV4(get);

            RawHttp.Response plain = http.exchange("GET", "/" + BUCKET + "/kms/v2-plain", List.of(
                    Map.entry("Host", host), Map.entry("Date", date), Map.entry("Authorization",
                            v2("GET\n\n\n" + date + "\n/" + BUCKET + "/kms/v2-plain"))), null);
            assertThat(plain.status()).as(plain.bodyText()).isEqualTo(200);
            assertThat(plain.bodyText()).isEqualTo("plain bytes");

            RawHttp.Response put = http.exchange("PUT", "/" + BUCKET + "/kms/v2-write", List.of(
                    Map.entry("Host", host), Map.entry("Date", date),
                    Map.entry("x-amz-server-side-encryption", "aws:kms"),
                    Map.entry("Authorization", v2("PUT\n\n\n" + date + "\nx-amz-server-side-encryption:aws:kms\n/"
                            + BUCKET + "/kms/v2-write"))), "kms bytes".getBytes(StandardCharsets.UTF_8));
            assertKmsNeedsV4(put);
        }
        assertS3Error(() -> s3.headObject(b -> b.bucket(BUCKET).key("kms/v2-write")), 404, null);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key(key)).asUtf8String()).isEqualTo("kms bytes");
    }

    private static String v2(String stringToSign) {
        return V2Signer.authorization(ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(), stringToSign);
    }

    private static void assertKmsNeedsV4(RawHttp.Response r) {
        assertThat(r.status()).as(r.bodyText()).isEqualTo(400);
        assertThat(r.xmlElement("Code")).isEqualTo("InvalidArgument");
        assertThat(r.xmlElement("Message")).isEqualTo(
                "Requests specifying Server Side Encryption with AWS KMS managed keys require AWS Signature Version 4.");
        assertThat(r.xmlElement("ArgumentName")).isEqualTo("Authorization");
    }
}
