package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.ServerFixture;
import dev.rosetta.server.testing.V4Signer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.ChecksumMode;
import software.amazon.awssdk.services.s3.model.ChecksumType;
import software.amazon.awssdk.services.s3.model.CompleteMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CopyObjectResponse;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListPartsResponse;
import software.amazon.awssdk.services.s3.model.MetadataDirective;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.StorageClass;
import software.amazon.awssdk.services.s3.model.TaggingDirective;
import software.amazon.awssdk.services.s3.model.UploadPartCopyResponse;
import software.amazon.awssdk.services.s3.model.UploadPartResponse;

/**
 * UploadPart, UploadPartCopy, ListParts, CompleteMultipartUpload, AbortMultipartUpload, CopyObject,
 * DeleteObject and DeleteObjects through the AWS SDK v2 (default checksum behaviour) and raw requests.
 * Parts are small: the fixture's minimum part size is {@link #MIN_PART}.
 */
class MultipartObjectSdkTest {
    static final int MIN_PART = 64 * 1024;

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.minPartSize(MIN_PART));
    private static S3Client s3;
    private String bucket;

    @BeforeAll
    static void client() {
        s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE);
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    @BeforeEach
    void createBucket() {
        bucket = "mp-" + UUID.randomUUID().toString().substring(0, 8);
        s3.createBucket(b -> b.bucket(bucket));
    }

    // --- helpers -------------------------------------------------------------------------------------

    static byte[] random(int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        return b;
    }

    static byte[] md5(byte[] b) {
        try {
            return MessageDigest.getInstance("MD5").digest(b);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String md5Hex(byte[] b) {
        return HexFormat.of().formatHex(md5(b));
    }

    /** {@code "hex(md5(md5(p1) || ... || md5(pN)))-N"}, computed here, independently of the server. */
    static String multipartEtag(byte[]... parts) {
        ByteArrayOutputStream digests = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            digests.writeBytes(md5(p));
        }
        return "\"" + md5Hex(digests.toByteArray()) + "-" + parts.length + "\"";
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private String initiate(String key) {
        return s3.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
    }

    private CompletedPart upload(String key, String uploadId, int n, byte[] data) {
        UploadPartResponse r = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(uploadId).partNumber(n),
                RequestBody.fromBytes(data));
        assertThat(r.eTag()).isEqualTo("\"" + md5Hex(data) + "\"");
        return CompletedPart.builder().partNumber(n).eTag(r.eTag()).build();
    }

    private CompleteMultipartUploadResponse complete(String key, String uploadId, CompletedPart... parts) {
        return s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(uploadId)
                .multipartUpload(m -> m.parts(parts)));
    }

    private static void assertS3Error(Throwable t, int status, String code) {
        assertThat(t).isInstanceOf(S3Exception.class);
        S3Exception e = (S3Exception) t;
        assertThat(e.statusCode()).as(e.getMessage()).isEqualTo(status);
        assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
    }

    static long blobFiles() {
        try (Stream<Path> files = Files.walk(SERVER.dataDir().resolve("blobs"))) {
            return files.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RawHttp.Response signed(String method, String target, Map<String, String> headers, byte[] body)
            throws IOException {
        String host = "127.0.0.1:" + SERVER.port();
        List<Map.Entry<String, String>> h = V4Signer.sign(method, host, target, headers, body,
                ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(), ServerFixture.REGION, null);
        try (RawHttp http = SERVER.raw()) {
            return http.exchange(method, target, h, body);
        }
    }

    private byte[] get(String key) {
        return s3.getObjectAsBytes(b -> b.bucket(bucket).key(key)).asByteArray();
    }

    // --- the life cycle ------------------------------------------------------------------------------

    @Test
    void threePartsAreListedCompletedAndReadBackWholeByRangeAndByPart() {
        byte[] p1 = random(MIN_PART + 100, 1);
        byte[] p2 = random(MIN_PART, 2);
        byte[] p3 = random(1000, 3);
        String key = "dir/three parts+&.bin";
        String id = initiate(key);
        CompletedPart c1 = upload(key, id, 1, p1);
        upload(key, id, 2, random(MIN_PART, 99)); // replaced below: the last upload of a number counts
        CompletedPart c2 = upload(key, id, 2, p2);
        CompletedPart c3 = upload(key, id, 3, p3);

        ListPartsResponse page1 = s3.listParts(b -> b.bucket(bucket).key(key).uploadId(id).maxParts(2));
        assertThat(page1.isTruncated()).isTrue();
        assertThat(page1.nextPartNumberMarker()).isEqualTo(2);
        assertThat(page1.parts()).extracting(p -> p.partNumber()).containsExactly(1, 2);
        assertThat(page1.parts().get(1).eTag()).isEqualTo(c2.eTag());
        assertThat(page1.parts().get(1).size()).isEqualTo((long) p2.length);
        assertThat(page1.parts().get(0).lastModified()).isNotNull();
        assertThat(page1.initiator().id()).isEqualTo(page1.owner().id());
        assertThat(page1.storageClassAsString()).isEqualTo("STANDARD");
        ListPartsResponse page2 = s3.listParts(b -> b.bucket(bucket).key(key).uploadId(id).maxParts(2)
                .partNumberMarker(page1.nextPartNumberMarker()));
        assertThat(page2.isTruncated()).isFalse();
        assertThat(page2.parts()).extracting(p -> p.partNumber()).containsExactly(3);

        CompleteMultipartUploadResponse done = complete(key, id, c1, c2, c3);
        String etag = multipartEtag(p1, p2, p3);
        assertThat(done.eTag()).isEqualTo(etag).matches("\"[0-9a-f]{32}-3\"");
        assertThat(done.bucket()).isEqualTo(bucket);
        assertThat(done.key()).isEqualTo(key);
        assertThat(done.location()).endsWith("/" + bucket + "/dir/three%20parts%2B%26.bin");

        byte[] all = concat(p1, p2, p3);
        ResponseBytes<GetObjectResponse> whole = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key));
        assertThat(whole.asByteArray()).isEqualTo(all);
        assertThat(whole.response().eTag()).isEqualTo(etag);
        int from = p1.length - 10;
        int to = p1.length + p2.length + 9; // crosses both boundaries
        byte[] range = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).range("bytes=" + from + "-" + to))
                .asByteArray();
        assertThat(range).isEqualTo(Arrays.copyOfRange(all, from, to + 1));
        ResponseBytes<GetObjectResponse> part2 = s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).partNumber(2));
        assertThat(part2.asByteArray()).isEqualTo(p2);
        assertThat(part2.response().partsCount()).isEqualTo(3);
        assertThat(s3.headObject(b -> b.bucket(bucket).key(key)).contentLength()).isEqualTo(all.length);
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
        assertThatThrownBy(() -> s3.listParts(b -> b.bucket(bucket).key(key).uploadId(id)))
                .isInstanceOf(NoSuchUploadException.class);
    }

    @Test
    void completeRefusalsLeaveTheUploadIntact() {
        String key = "refused";
        String id = initiate(key);
        CompletedPart c1 = upload(key, id, 1, random(MIN_PART, 4));
        CompletedPart small = upload(key, id, 2, random(10, 5));
        CompletedPart c3 = upload(key, id, 3, random(10, 6));

        assertS3Error(catchComplete(key, id, c3, c1), 400, "InvalidPartOrder");
        assertS3Error(catchComplete(key, id, c1, c1), 400, "InvalidPartOrder");
        CompletedPart wrongEtag = c3.toBuilder().eTag("\"" + "0".repeat(32) + "\"").build();
        assertS3Error(catchComplete(key, id, c1, wrongEtag), 400, "InvalidPart");
        CompletedPart unknown = c3.toBuilder().partNumber(7).build();
        assertS3Error(catchComplete(key, id, c1, unknown), 400, "InvalidPart");
        assertS3Error(catchComplete(key, id, small, c3), 400, "EntityTooSmall");
        assertS3Error(catchComplete(key, "0".repeat(32), c1), 404, "NoSuchUpload");

        assertThat(s3.listParts(b -> b.bucket(bucket).key(key).uploadId(id)).parts()).hasSize(3);
        assertThatThrownBy(() -> s3.headObject(b -> b.bucket(bucket).key(key)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
        // the last part may be small; an unlisted part is dropped
        CompleteMultipartUploadResponse done = complete(key, id, c1, c3);
        assertThat(done.eTag()).endsWith("-2\"");
        assertThat(s3.headObject(b -> b.bucket(bucket).key(key)).contentLength()).isEqualTo(MIN_PART + 10L);
    }

    private Throwable catchComplete(String key, String id, CompletedPart... parts) {
        try {
            complete(key, id, parts);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    @Test
    void malformedCompleteBodiesAreMalformedXml() throws Exception {
        String key = "malformed";
        String id = initiate(key);
        upload(key, id, 1, random(100, 7));
        String target = "/" + bucket + "/" + key + "?uploadId=" + id;
        for (String body : new String[] {"", "<CompleteMultipartUpload>", "garbage",
                "<CompleteMultipartUpload></CompleteMultipartUpload>",
                "<CompleteMultipartUpload><Part><PartNumber>one</PartNumber></Part></CompleteMultipartUpload>"}) {
            RawHttp.Response r = signed("POST", target, Map.of(), body.getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(body).isEqualTo(400);
            assertThat(r.xmlElement("Code")).as(body).isEqualTo("MalformedXML");
        }
        assertThat(s3.listParts(b -> b.bucket(bucket).key(key).uploadId(id)).parts()).hasSize(1);
    }

    @Test
    void aRetriedCompleteAnswersTheSame() {
        String key = "twice";
        String id = initiate(key);
        CompletedPart c1 = upload(key, id, 1, random(MIN_PART, 8));
        CompletedPart c2 = upload(key, id, 2, random(5, 9));
        CompleteMultipartUploadResponse first = complete(key, id, c1, c2);
        CompleteMultipartUploadResponse second = complete(key, id, c1, c2);
        assertThat(second.eTag()).isEqualTo(first.eTag());
        assertThat(second.location()).isEqualTo(first.location());
        assertThat(s3.headObject(b -> b.bucket(bucket).key(key)).eTag()).isEqualTo(first.eTag());
        assertThatThrownBy(() -> s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)))
                .isInstanceOf(NoSuchUploadException.class);
    }

    @Test
    void completeRacingAbortEndsInExactlyOneOutcome() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int i = 0; i < 6; i++) {
                String key = "race-" + i;
                String id = initiate(key);
                byte[] p1 = random(MIN_PART, 10 + i);
                CompletedPart c1 = upload(key, id, 1, p1);
                CountDownLatch go = new CountDownLatch(1);
                Callable<Throwable> completeTask = () -> {
                    go.await();
                    return catchComplete(key, id, c1);
                };
                Callable<Throwable> abortTask = () -> {
                    go.await();
                    try {
                        s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id));
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                };
                Future<Throwable> completed = pool.submit(completeTask);
                Future<Throwable> aborted = pool.submit(abortTask);
                go.countDown();
                Throwable completeError = completed.get();
                Throwable abortError = aborted.get();
                assertThatThrownBy(() -> s3.listParts(b -> b.bucket(bucket).key(key).uploadId(id)))
                        .isInstanceOf(NoSuchUploadException.class);
                if (completeError == null) {
                    assertThat(abortError).isInstanceOf(NoSuchUploadException.class);
                    assertThat(get(key)).isEqualTo(p1);
                } else {
                    assertThat(abortError).isNull();
                    assertThat(completeError).isInstanceOf(NoSuchUploadException.class);
                    assertThatThrownBy(() -> s3.headObject(b -> b.bucket(bucket).key(key)))
                            .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void abortFreesThePartsBlobFiles() {
        String key = "aborted";
        long before = blobFiles();
        String id = initiate(key);
        upload(key, id, 1, random(MIN_PART, 20));
        upload(key, id, 2, random(MIN_PART, 21));
        upload(key, id, 2, random(MIN_PART, 22)); // the replaced part's blob is freed at once
        assertThat(blobFiles()).isEqualTo(before + 2);
        s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id));
        assertThat(blobFiles()).isEqualTo(before);
        assertThatThrownBy(() -> s3.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)))
                .isInstanceOf(NoSuchUploadException.class);
    }

    @Test
    void partRefusalsStoreNothing() throws Exception {
        String key = "refused-part";
        String id = initiate(key);
        long before = blobFiles();
        String target = "/" + bucket + "/" + key + "?partNumber=1&uploadId=" + id;
        String wrongMd5 = Base64.getEncoder().encodeToString(new byte[16]);
        RawHttp.Response bad = signed("PUT", target, Map.of("Content-MD5", wrongMd5), random(MIN_PART, 23));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.xmlElement("Code")).isEqualTo("BadDigest");
        RawHttp.Response badCrc = signed("PUT", target, Map.of("x-amz-checksum-crc32", "AAAAAA=="), random(100, 24));
        assertThat(badCrc.xmlElement("Code")).isEqualTo("BadDigest");
        for (String n : new String[] {"0", "10001", "x", "-1"}) {
            RawHttp.Response r = signed("PUT", "/" + bucket + "/" + key + "?partNumber=" + n + "&uploadId=" + id,
                    Map.of(), random(10, 25));
            assertThat(r.status()).as(n).isEqualTo(400);
            assertThat(r.xmlElement("Code")).isEqualTo("InvalidArgument");
        }
        assertThatThrownBy(() -> s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId("F".repeat(32)).partNumber(1),
                RequestBody.fromBytes(random(10, 26)))).isInstanceOf(NoSuchUploadException.class);
        assertThat(s3.listParts(b -> b.bucket(bucket).key(key).uploadId(id)).parts()).isEmpty();
        assertThat(blobFiles()).isEqualTo(before);
        assertThat(Files.list(SERVER.dataDir().resolve("tmp")).count()).isZero();
    }

    // --- checksums -----------------------------------------------------------------------------------

    @Test
    void compositeChecksumOfAnUploadWithAnAlgorithm() throws Exception {
        String key = "crc32c";
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)
                .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32_C)).uploadId();
        byte[] p1 = random(MIN_PART, 30);
        byte[] p2 = random(300, 31);
        List<CompletedPart> parts = new ArrayList<>();
        int n = 1;
        for (byte[] p : new byte[][] {p1, p2}) {
            int number = n++;
            UploadPartResponse r = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(number)
                    .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32_C),
                    RequestBody.fromBytes(p));
            assertThat(r.checksumCRC32C()).isEqualTo(ChecksumAlgorithm.CRC32C.base64(p));
            parts.add(CompletedPart.builder().partNumber(number).eTag(r.eTag()).checksumCRC32C(r.checksumCRC32C())
                    .build());
        }
        assertThat(s3.listParts(b -> b.bucket(bucket).key(key).uploadId(id)).parts().get(0).checksumCRC32C())
                .isEqualTo(ChecksumAlgorithm.CRC32C.base64(p1));
        // COMPOSITE requires every part's checksum in the request
        Throwable missing = catchComplete(key, id, parts.get(0).toBuilder().checksumCRC32C(null).build(),
                parts.get(1));
        assertS3Error(missing, 400, "InvalidRequest");
        Throwable wrong = catchComplete(key, id, parts.get(0).toBuilder().checksumCRC32C("AAAAAA==").build(),
                parts.get(1));
        assertS3Error(wrong, 400, "InvalidPart");
        CompleteMultipartUploadResponse done = complete(key, id, parts.toArray(new CompletedPart[0]));
        byte[] composite = ChecksumAlgorithm.CRC32C.composite(List.of(ChecksumAlgorithm.CRC32C.digest(p1),
                ChecksumAlgorithm.CRC32C.digest(p2)));
        String expected = Base64.getEncoder().encodeToString(composite) + "-2";
        assertThat(done.checksumCRC32C()).isEqualTo(expected);
        assertThat(done.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED));
        assertThat(head.checksumCRC32C()).isEqualTo(expected);
        assertThat(head.checksumType()).isEqualTo(ChecksumType.COMPOSITE);
        assertThat(get(key)).isEqualTo(concat(p1, p2));
    }

    @Test
    void fullObjectChecksumCombinesThePartCrcs() {
        String key = "full-crc32";
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)
                .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32)
                .checksumType(ChecksumType.FULL_OBJECT)).uploadId();
        byte[] p1 = random(MIN_PART + 7, 32);
        byte[] p2 = random(MIN_PART, 33);
        byte[] p3 = random(1, 34);
        CompletedPart c1 = upload(key, id, 1, p1);
        CompletedPart c2 = upload(key, id, 2, p2);
        CompletedPart c3 = upload(key, id, 3, p3);
        String whole = ChecksumAlgorithm.CRC32.base64(concat(p1, p2, p3));
        Throwable wrongWhole = catchThrowable(() -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(key)
                .uploadId(id).checksumCRC32("AAAAAA==").multipartUpload(m -> m.parts(c1, c2, c3))));
        assertS3Error(wrongWhole, 400, "BadDigest");
        CompleteMultipartUploadResponse done = s3.completeMultipartUpload(b -> b.bucket(bucket).key(key)
                .uploadId(id).checksumCRC32(whole).checksumType(ChecksumType.FULL_OBJECT)
                .multipartUpload(m -> m.parts(c1, c2, c3)));
        assertThat(done.checksumCRC32()).isEqualTo(whole);
        assertThat(done.checksumType()).isEqualTo(ChecksumType.FULL_OBJECT);
        assertThat(s3.headObject(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED)).checksumCRC32())
                .isEqualTo(whole);
        // the SDK validates a whole-object GET against the stored CRC
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).checksumMode(ChecksumMode.ENABLED))
                .asByteArray()).isEqualTo(concat(p1, p2, p3));
        // a part or a range is not the whole object: the SDK must not validate it against the whole CRC
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).partNumber(2)
                .checksumMode(ChecksumMode.ENABLED)).asByteArray()).isEqualTo(p2);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key(key).range("bytes=10-99")
                .checksumMode(ChecksumMode.ENABLED)).asByteArray()).isEqualTo(Arrays.copyOfRange(p1, 10, 100));
    }

    @Test
    void unsupportedChecksumTypesAreRefusedAtInitiation() {
        assertS3Error(catchThrowable(() -> s3.createMultipartUpload(b -> b.bucket(bucket).key("k")
                .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.SHA256)
                .checksumType(ChecksumType.FULL_OBJECT))), 400, "InvalidRequest");
        assertS3Error(catchThrowable(() -> s3.createMultipartUpload(b -> b.bucket(bucket).key("k")
                .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC64_NVME)
                .checksumType(ChecksumType.COMPOSITE))), 400, "InvalidRequest");
        assertS3Error(catchThrowable(() -> s3.createMultipartUpload(b -> b.bucket(bucket).key("k")
                .checksumType(ChecksumType.FULL_OBJECT))), 400, "InvalidRequest");
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    }

    private static Throwable catchThrowable(Runnable r) {
        try {
            r.run();
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }

    // --- UploadPartCopy ------------------------------------------------------------------------------

    @Test
    void uploadPartCopyCopiesRangesOfAnObject() {
        byte[] source = random(3 * MIN_PART + 123, 40);
        String srcEtag = s3.putObject(b -> b.bucket(bucket).key("source"), RequestBody.fromBytes(source)).eTag();
        String key = "assembled";
        String id = initiate(key);
        int cut = MIN_PART + 5;
        UploadPartCopyResponse r1 = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("source")
                .destinationBucket(bucket).destinationKey(key).uploadId(id).partNumber(1)
                .copySourceRange("bytes=0-" + (cut - 1)));
        UploadPartCopyResponse r2 = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("source")
                .destinationBucket(bucket).destinationKey(key).uploadId(id).partNumber(2)
                .copySourceRange("bytes=" + cut + "-" + (source.length - 1)).copySourceIfMatch(srcEtag));
        UploadPartCopyResponse r3 = s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("source")
                .destinationBucket(bucket).destinationKey(key).uploadId(id).partNumber(3));
        assertThat(r1.copyPartResult().eTag()).isEqualTo("\"" + md5Hex(Arrays.copyOfRange(source, 0, cut)) + "\"");
        assertThat(r1.copyPartResult().lastModified()).isNotNull();
        assertThat(r3.copyPartResult().eTag()).isEqualTo(srcEtag);

        for (String bad : new String[] {"bytes=5-4", "bytes=0-" + source.length, "bytes=abc", "0-5", "bytes=-5"}) {
            assertS3Error(catchThrowable(() -> s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("source")
                    .destinationBucket(bucket).destinationKey(key).uploadId(id).partNumber(4)
                    .copySourceRange(bad))), 400, "InvalidArgument");
        }
        assertS3Error(catchThrowable(() -> s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("source")
                .destinationBucket(bucket).destinationKey(key).uploadId(id).partNumber(4)
                .copySourceIfNoneMatch(srcEtag))), 412, "PreconditionFailed");
        assertThatThrownBy(() -> s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("absent")
                .destinationBucket(bucket).destinationKey(key).uploadId(id).partNumber(4)))
                .isInstanceOf(NoSuchKeyException.class);
        assertThatThrownBy(() -> s3.uploadPartCopy(b -> b.sourceBucket(bucket).sourceKey("source")
                .destinationBucket(bucket).destinationKey(key).uploadId("A".repeat(32)).partNumber(4)))
                .isInstanceOf(NoSuchUploadException.class);
        assertThat(s3.listParts(b -> b.bucket(bucket).key(key).uploadId(id)).parts()).hasSize(3);

        CompletedPart c1 = CompletedPart.builder().partNumber(1).eTag(r1.copyPartResult().eTag()).build();
        CompletedPart c2 = CompletedPart.builder().partNumber(2).eTag(r2.copyPartResult().eTag()).build();
        CompletedPart c3 = CompletedPart.builder().partNumber(3).eTag(r3.copyPartResult().eTag()).build();
        complete(key, id, c1, c2, c3);
        assertThat(get(key)).isEqualTo(concat(source, source));
    }

    // --- CopyObject ----------------------------------------------------------------------------------

    @Test
    void copyObjectKeepsOrReplacesMetadata() {
        byte[] data = random(200_000, 50);
        String etag = s3.putObject(b -> b.bucket(bucket).key("orig").contentType("text/x-orig")
                .metadata(Map.of("color", "blue")).tagging("t=1"), RequestBody.fromBytes(data)).eTag();

        CopyObjectResponse copied = s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("orig")
                .destinationBucket(bucket).destinationKey("copy"));
        assertThat(copied.copyObjectResult().eTag()).isEqualTo(etag);
        assertThat(copied.copyObjectResult().lastModified()).isNotNull();
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("copy"));
        assertThat(head.contentType()).isEqualTo("text/x-orig");
        assertThat(head.metadata()).isEqualTo(Map.of("color", "blue"));
        assertThat(head.eTag()).isEqualTo(etag);
        assertThat(get("copy")).isEqualTo(data);
        assertThat(s3.getObjectTagging(b -> b.bucket(bucket).key("copy")).tagSet())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("t=1");

        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("orig").destinationBucket(bucket).destinationKey("replaced")
                .metadataDirective(MetadataDirective.REPLACE).contentType("text/x-new").metadata(Map.of("size", "L"))
                .taggingDirective(TaggingDirective.REPLACE).tagging("t=2"));
        HeadObjectResponse replaced = s3.headObject(b -> b.bucket(bucket).key("replaced"));
        assertThat(replaced.contentType()).isEqualTo("text/x-new");
        assertThat(replaced.metadata()).isEqualTo(Map.of("size", "L"));
        assertThat(s3.getObjectTagging(b -> b.bucket(bucket).key("replaced")).tagSet())
                .extracting(t -> t.key() + "=" + t.value()).containsExactly("t=2");

        // keys that need percent-encoding in x-amz-copy-source
        String odd = "dir/sp ace+plus%&\u00e9?.bin";
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("orig").destinationBucket(bucket).destinationKey(odd));
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(odd).destinationBucket(bucket).destinationKey("back"));
        assertThat(get("back")).isEqualTo(data);

        // the copies own their bytes: deleting the original leaves them readable
        s3.deleteObject(b -> b.bucket(bucket).key("orig"));
        assertThat(get("copy")).isEqualTo(data);
        assertThat(get("replaced")).isEqualTo(data);

        assertThatThrownBy(() -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("orig")
                .destinationBucket(bucket).destinationKey("x"))).isInstanceOf(NoSuchKeyException.class);
        assertS3Error(catchThrowable(() -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("copy")
                .destinationBucket(bucket).destinationKey("x").copySourceIfMatch("\"nope\""))), 412,
                "PreconditionFailed");
        assertS3Error(catchThrowable(() -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("copy")
                .destinationBucket(bucket).destinationKey("replaced").ifNoneMatch("*"))), 412, "PreconditionFailed");
    }

    @Test
    void copyingAnObjectOntoItselfNeedsAChange() {
        byte[] data = random(100_000, 51);
        String etag = s3.putObject(b -> b.bucket(bucket).key("self").metadata(Map.of("v", "1")),
                RequestBody.fromBytes(data)).eTag();
        Throwable refused = catchThrowable(() -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("self")
                .destinationBucket(bucket).destinationKey("self")));
        assertS3Error(refused, 400, "InvalidRequest");
        assertThat(((S3Exception) refused).awsErrorDetails().errorMessage())
                .isEqualTo("This copy request is illegal because it is trying to copy an object to itself without"
                        + " changing the object's metadata, storage class, website redirect location or encryption"
                        + " attributes.");

        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("self").destinationBucket(bucket).destinationKey("self")
                .metadataDirective(MetadataDirective.REPLACE).metadata(Map.of("v", "2")));
        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("self"));
        assertThat(head.metadata()).isEqualTo(Map.of("v", "2"));
        assertThat(head.eTag()).isEqualTo(etag);
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("self").destinationBucket(bucket).destinationKey("self")
                .storageClass(StorageClass.STANDARD_IA));
        assertThat(s3.headObject(b -> b.bucket(bucket).key("self")).storageClass()).isEqualTo(StorageClass.STANDARD_IA);
        assertThat(get("self")).isEqualTo(data);
    }

    @Test
    void copyingAMultipartObjectKeepsItsPartsAndETag() {
        String key = "mp-source";
        String id = initiate(key);
        byte[] p1 = random(MIN_PART, 52);
        byte[] p2 = random(77, 53);
        String etag = complete(key, id, upload(key, id, 1, p1), upload(key, id, 2, p2)).eTag();
        long before = blobFiles();
        s3.copyObject(b -> b.sourceBucket(bucket).sourceKey(key).destinationBucket(bucket).destinationKey("mp-copy"));
        assertThat(blobFiles()).isEqualTo(before + 2);
        assertThat(s3.headObject(b -> b.bucket(bucket).key("mp-copy")).eTag()).isEqualTo(etag);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("mp-copy").partNumber(2)).asByteArray())
                .isEqualTo(p2);
        s3.deleteObject(b -> b.bucket(bucket).key(key));
        assertThat(get("mp-copy")).isEqualTo(concat(p1, p2));
        s3.deleteObject(b -> b.bucket(bucket).key("mp-copy"));
        assertThat(blobFiles()).isEqualTo(before - 2);
    }

    @Test
    void malformedHeadersAndParametersAreRefused() throws Exception {
        s3.putObject(b -> b.bucket(bucket).key("src"), RequestBody.fromString("source"));
        String key = "odd";
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key(key)
                .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32_C)).uploadId();
        String partTarget = "/" + bucket + "/" + key + "?partNumber=1&uploadId=" + id;
        byte[] data = random(100, 70);
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("part checksum of another algorithm", new Object[] {"PUT", partTarget,
                Map.of("x-amz-checksum-crc32", ChecksumAlgorithm.CRC32.base64(data)), data, 400, "InvalidRequest"});
        cases.put("copy source without a key", new Object[] {"PUT", "/" + bucket + "/dst",
                Map.of("x-amz-copy-source", bucket), null, 400, "InvalidArgument"});
        cases.put("copy source of a version", new Object[] {"PUT", "/" + bucket + "/dst",
                Map.of("x-amz-copy-source", "/" + bucket + "/src?versionId=abc"), null, 501, "NotImplemented"});
        cases.put("unknown metadata directive", new Object[] {"PUT", "/" + bucket + "/dst",
                Map.of("x-amz-copy-source", bucket + "/src", "x-amz-metadata-directive", "MERGE"), null, 400,
                "InvalidArgument"});
        cases.put("unknown tagging directive", new Object[] {"PUT", "/" + bucket + "/dst",
                Map.of("x-amz-copy-source", bucket + "/src", "x-amz-tagging-directive", "KEEP"), null, 400,
                "InvalidArgument"});
        cases.put("copy from a bucket of another account", new Object[] {"PUT", "/" + bucket + "/dst",
                Map.of("x-amz-copy-source", "other-account-bucket/src"), null, 404, "NoSuchBucket"});
        cases.put("delete of a version", new Object[] {"DELETE", "/" + bucket + "/src?versionId=abc", Map.of(), null,
                501, "NotImplemented"});
        cases.put("negative max-parts", new Object[] {"GET", "/" + bucket + "/" + key + "?uploadId=" + id
                + "&max-parts=-1", Map.of(), null, 400, "InvalidArgument"});
        cases.put("bad part-number-marker", new Object[] {"GET", "/" + bucket + "/" + key + "?uploadId=" + id
                + "&part-number-marker=x", Map.of(), null, 400, "InvalidArgument"});
        cases.put("bad encoding-type", new Object[] {"GET", "/" + bucket + "/" + key + "?uploadId=" + id
                + "&encoding-type=base64", Map.of(), null, 400, "InvalidArgument"});
        cases.put("unknown checksum type", new Object[] {"POST", "/" + bucket + "/k2?uploads",
                Map.of("x-amz-checksum-algorithm", "CRC32", "x-amz-checksum-type", "PARTIAL"), null, 400,
                "InvalidRequest"});
        for (Map.Entry<String, Object[]> c : cases.entrySet()) {
            Object[] v = c.getValue();
            @SuppressWarnings("unchecked")
            RawHttp.Response r = signed((String) v[0], (String) v[1], (Map<String, String>) v[2], (byte[]) v[3]);
            assertThat(r.status()).as(c.getKey() + ": " + r.bodyText()).isEqualTo(v[4]);
            assertThat(r.xmlElement("Code")).as(c.getKey()).isEqualTo(v[5]);
        }
        assertThat(s3.listParts(b -> b.bucket(bucket).key(key).uploadId(id)).parts()).isEmpty();
        assertThat(get("src")).isEqualTo("source".getBytes(StandardCharsets.UTF_8));

        // the SDK's default part checksum is CRC32: an upload of another algorithm needs it named, as on S3
        assertS3Error(catchThrowable(() -> s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(1),
                RequestBody.fromBytes(data))), 400, "InvalidRequest");
        UploadPartResponse part = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(1)
                .checksumAlgorithm(software.amazon.awssdk.services.s3.model.ChecksumAlgorithm.CRC32_C),
                RequestBody.fromBytes(data));
        CompletedPart c1 = CompletedPart.builder().partNumber(1).eTag(part.eTag())
                .checksumCRC32C(part.checksumCRC32C()).build();
        assertS3Error(catchThrowable(() -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)
                .mpuObjectSize(101L).multipartUpload(m -> m.parts(c1)))), 400, "InvalidRequest");
        assertS3Error(catchThrowable(() -> s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id)
                .checksumType(ChecksumType.FULL_OBJECT).multipartUpload(m -> m.parts(c1)))), 400, "InvalidRequest");
        CompleteMultipartUploadResponse done = s3.completeMultipartUpload(b -> b.bucket(bucket).key(key)
                .uploadId(id).mpuObjectSize(100L).multipartUpload(m -> m.parts(c1)));
        assertThat(done.checksumCRC32C()).endsWith("-1");
    }

    // --- deletes -------------------------------------------------------------------------------------

    @Test
    void deleteObjectIsNoContentEvenForAMissingKey() {
        s3.putObject(b -> b.bucket(bucket).key("gone"), RequestBody.fromString("x"));
        s3.deleteObject(b -> b.bucket(bucket).key("gone"));
        assertThatThrownBy(() -> get("gone")).isInstanceOf(NoSuchKeyException.class);
        s3.deleteObject(b -> b.bucket(bucket).key("gone")); // 204 again
        assertThatThrownBy(() -> s3.deleteObject(b -> b.bucket("no-such-bucket-x").key("k")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void deleteObjectsReportsEachKeyAndQuietReportsOnlyErrors() {
        List<String> keys = List.of("a", "b&c", "d<e>", "sp ace");
        for (String k : keys) {
            s3.putObject(b -> b.bucket(bucket).key(k), RequestBody.fromString(k));
        }
        DeleteObjectsResponse r = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                ObjectIdentifier.builder().key("a").build(), ObjectIdentifier.builder().key("b&c").build(),
                ObjectIdentifier.builder().key("missing").build())));
        assertThat(r.deleted()).extracting(o -> o.key()).containsExactly("a", "b&c", "missing");
        assertThat(r.errors()).isEmpty();
        DeleteObjectsResponse quiet = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.quiet(true).objects(
                ObjectIdentifier.builder().key("d<e>").build(), ObjectIdentifier.builder().key("sp ace").build())));
        assertThat(quiet.deleted()).isEmpty();
        assertThat(quiet.errors()).isEmpty();
        assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
    }

    @Test
    void deleteObjectsNeedsAnIntegrityHeaderAndAWellFormedBody() throws Exception {
        s3.putObject(b -> b.bucket(bucket).key("kept"), RequestBody.fromString("x"));
        byte[] body = ("<Delete><Object><Key>kept</Key></Object></Delete>").getBytes(StandardCharsets.UTF_8);
        String target = "/" + bucket + "?delete";
        RawHttp.Response noMd5 = signed("POST", target, Map.of(), body);
        assertThat(noMd5.status()).isEqualTo(400);
        assertThat(noMd5.xmlElement("Code")).isEqualTo("InvalidRequest");
        assertThat(noMd5.xmlElement("Message")).isEqualTo("Missing required header for this request: Content-MD5");
        RawHttp.Response badCrc = signed("POST", target, Map.of("x-amz-checksum-crc32", "AAAAAA=="), body);
        assertThat(badCrc.xmlElement("Code")).isEqualTo("BadDigest");
        assertThat(get("kept")).isEqualTo("x".getBytes(StandardCharsets.UTF_8));

        String md5 = Base64.getEncoder().encodeToString(md5(body));
        RawHttp.Response ok = signed("POST", target, Map.of("Content-MD5", md5), body);
        assertThat(ok.status()).as(ok.bodyText()).isEqualTo(200);
        assertThat(ok.bodyText()).endsWith("<DeleteResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Deleted><Key>kept</Key></Deleted></DeleteResult>");
        RawHttp.Response crcOk = signed("POST", target,
                Map.of("x-amz-checksum-crc32", ChecksumAlgorithm.CRC32.base64(body)), body);
        assertThat(crcOk.status()).isEqualTo(200);

        Map<String, byte[]> malformed = new LinkedHashMap<>();
        malformed.put("empty", "<Delete></Delete>".getBytes(StandardCharsets.UTF_8));
        StringBuilder many = new StringBuilder("<Delete>");
        for (int i = 0; i < 1001; i++) {
            many.append("<Object><Key>k").append(i).append("</Key></Object>");
        }
        malformed.put("1001 keys", many.append("</Delete>").toString().getBytes(StandardCharsets.UTF_8));
        malformed.put("garbled", "<Delete><Object>".getBytes(StandardCharsets.UTF_8));
        for (Map.Entry<String, byte[]> m : malformed.entrySet()) {
            RawHttp.Response r = signed("POST", target,
                    Map.of("Content-MD5", Base64.getEncoder().encodeToString(md5(m.getValue()))), m.getValue());
            assertThat(r.status()).as(m.getKey()).isEqualTo(400);
            assertThat(r.xmlElement("Code")).as(m.getKey()).isEqualTo("MalformedXML");
        }
    }

    @Test
    void deleteObjectsWithUrlEncodingEncodesKeysInTheAnswer() throws Exception {
        s3.putObject(b -> b.bucket(bucket).key("a b"), RequestBody.fromString("x"));
        byte[] body = "<Delete><Object><Key>a b</Key></Object></Delete>".getBytes(StandardCharsets.UTF_8);
        RawHttp.Response r = signed("POST", "/" + bucket + "?delete&encoding-type=url",
                Map.of("Content-MD5", Base64.getEncoder().encodeToString(md5(body))), body);
        assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
        assertThat(r.xmlElement("Key")).isEqualTo("a%20b");
    }
}
