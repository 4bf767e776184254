package dev.rosetta.storage;

import static dev.rosetta.storage.BucketStoreTest.assertS3Error;
import static dev.rosetta.storage.Fixtures.ALICE;
import static dev.rosetta.storage.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.schema.RecordCodecsTestAccess;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class MultipartCompleteTest {
    static final Owner BOB = new Owner("bob-id", "bob");
    static final long MIN = 8;
    static final CompletionPolicy POLICY = CompletionPolicy.of(MIN);

    @TempDir
    Path dir;
    StorageEngine engine;
    MultipartSessionStore uploads;

    @BeforeEach
    void open() {
        engine = StorageEngine.open(dir, Durability.NONE);
        uploads = engine.uploads();
        engine.buckets().create("b", ALICE, null, "AWS", NOW);
    }

    @AfterEach
    void close() {
        engine.close();
    }

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    MultipartUpload initiate(String key) {
        return uploads.initiate("b", key, ALICE, BOB, "OBS", RecordCodecsTestAccess.fullHeaders(), NOW);
    }

    PartRecord upload(MultipartUpload u, int n, byte[] content) {
        PartRecord p = Fixtures.part(engine.blobs(), n, content);
        uploads.putPart("b", u.key(), u.uploadId(), p);
        return p;
    }

    static List<RequestedPart> listed(PartRecord... parts) {
        List<RequestedPart> out = new ArrayList<>();
        for (PartRecord p : parts) {
            out.add(new RequestedPart(p.partNumber(), "\"" + p.etag() + "\""));
        }
        return out;
    }

    boolean exists(PartRecord p) {
        return engine.blobs().exists(p.blob());
    }

    @Test
    void completeJoinsThePartsWithTheS3Etag() throws Exception {
        MultipartUpload u = initiate("dir/big file");
        byte[] d1 = bytes(10, 1);
        byte[] d3 = bytes(9, 3);
        byte[] d7 = bytes(3, 7);
        PartRecord p1 = upload(u, 1, d1);
        PartRecord p3 = upload(u, 3, d3);
        PartRecord p7 = upload(u, 7, d7);
        PartRecord unlisted = upload(u, 5, bytes(12, 5));
        assertThat(engine.blobs().pendingCount()).isZero();

        List<RequestedPart> requested = List.of(new RequestedPart(1, p1.etag()),
                new RequestedPart(3, "\"" + p3.etag().toUpperCase() + "\""), new RequestedPart(7, p7.etag()));
        CompleteResult result = uploads.complete("b", u.key(), u.uploadId(), requested, POLICY, NOW.plusSeconds(5));
        assertThat(result.alreadyCompleted()).isFalse();
        ObjectRecord o = result.object();

        MessageDigest md5 = MessageDigest.getInstance("MD5");
        for (byte[] d : List.of(d1, d3, d7)) {
            md5.update(MessageDigest.getInstance("MD5").digest(d));
        }
        assertThat(o.etag()).isEqualTo(HexFormat.of().formatHex(md5.digest()) + "-3");
        assertThat(o.size()).isEqualTo(22);
        assertThat(o.owner()).isEqualTo(ALICE);
        assertThat(o.dialect()).isEqualTo("OBS");
        assertThat(o.headers()).isEqualTo(RecordCodecsTestAccess.fullHeaders());
        assertThat(o.lastModified()).isEqualTo(NOW.plusSeconds(5));
        assertThat(o.completedUploadId()).isEqualTo(u.uploadId());
        assertThat(o.checksums()).isEmpty();
        assertThat(o.checksumType()).isNull();
        assertThat(((ObjectBody.Manifest) o.body()).parts())
                .containsExactly(ManifestPart.of(p1), ManifestPart.of(p3), ManifestPart.of(p7));
        assertThat(engine.objects().require("b", u.key())).isEqualTo(o);

        ByteArrayOutputStream whole = new ByteArrayOutputStream();
        whole.writeBytes(d1);
        whole.writeBytes(d3);
        whole.writeBytes(d7);
        assertThat(Fixtures.read(engine.blobs(), o)).isEqualTo(whole.toByteArray());

        assertThat(uploads.find("b", u.key(), u.uploadId())).isEmpty();
        assertS3Error(() -> uploads.listParts("b", u.key(), u.uploadId(), 0, 10), S3ErrorCode.NO_SUCH_UPLOAD,
                "UploadId", u.uploadId());
        assertThat(exists(unlisted)).as("unlisted part freed").isFalse();
        assertThat(exists(p1) && exists(p3) && exists(p7)).isTrue();

        // a retried Complete (first answer lost) succeeds with the same object
        CompleteResult again = uploads.complete("b", u.key(), u.uploadId(), requested, POLICY, NOW.plusSeconds(9));
        assertThat(again).isEqualTo(new CompleteResult(o, true));

        // ...but not once the key holds another object
        engine.objects().put(Fixtures.inline("b", u.key(), "replacement"), WriteGuard.NONE);
        assertThat(exists(p1) || exists(p3) || exists(p7)).as("replaced multipart object's blobs freed").isFalse();
        assertS3Error(() -> uploads.complete("b", u.key(), u.uploadId(), requested, POLICY, NOW),
                S3ErrorCode.NO_SUCH_UPLOAD, "UploadId", u.uploadId());
    }

    @Test
    void completeReplacesAnObjectAndAppliesPolicy() {
        ObjectRecord old = Fixtures.blobObject(engine.blobs(), "b", "k", bytes(40, 1));
        engine.objects().put(old, WriteGuard.NONE);
        MultipartUpload u = initiate("k");
        PartRecord p1 = upload(u, 1, bytes(8, 2));
        PartRecord p2 = upload(u, 2, bytes(1, 3));

        Map<String, String> sums = new LinkedHashMap<>();
        sums.put("CRC32", "AAAAAA==");
        List<List<PartRecord>> seenChosen = new ArrayList<>();
        CompletionPolicy refusing = new CompletionPolicy() {
            @Override
            public long minPartSize() {
                return MIN;
            }

            @Override
            public ObjectChecksums checksums(List<PartRecord> chosen, MultipartUpload upload) {
                seenChosen.add(chosen);
                assertThat(upload).isEqualTo(u);
                return new ObjectChecksums(sums, "COMPOSITE");
            }

            @Override
            public WriteGuard guard() {
                return existing -> {
                    assertThat(existing).isEqualTo(old);
                    throw new S3Exception(S3ErrorCode.PRECONDITION_FAILED);
                };
            }
        };
        assertThatThrownBy(() -> uploads.complete("b", "k", u.uploadId(), listed(p1, p2), refusing, NOW))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.errorCode()).isEqualTo(S3ErrorCode.PRECONDITION_FAILED));
        assertThat(seenChosen).containsExactly(List.of(p1, p2));
        // nothing changed
        assertThat(engine.objects().require("b", "k")).isEqualTo(old);
        assertThat(engine.blobs().exists(old.body().blobs().get(0))).isTrue();
        assertThat(uploads.listParts("b", "k", u.uploadId(), 0, 10).parts()).containsExactly(p1, p2);
        assertThat(exists(p1) && exists(p2)).isTrue();

        CompletionPolicy accepting = new CompletionPolicy() {
            @Override
            public long minPartSize() {
                return MIN;
            }

            @Override
            public ObjectChecksums checksums(List<PartRecord> chosen, MultipartUpload upload) {
                return new ObjectChecksums(sums, "COMPOSITE");
            }

            @Override
            public WriteGuard guard() {
                return WriteGuard.NONE;
            }
        };
        ObjectRecord o = uploads.complete("b", "k", u.uploadId(), listed(p1, p2), accepting, NOW).object();
        assertThat(o.checksums()).isEqualTo(sums);
        assertThat(o.checksumType()).isEqualTo("COMPOSITE");
        assertThat(engine.blobs().exists(old.body().blobs().get(0))).as("replaced object's blob freed").isFalse();
        assertThat(engine.objects().require("b", "k")).isEqualTo(o);
    }

    @Test
    void completeErrors() {
        MultipartUpload u = initiate("k");
        PartRecord p1 = upload(u, 1, bytes(8, 1));
        PartRecord p2 = upload(u, 2, bytes(7, 2)); // too small unless last
        PartRecord p3 = upload(u, 3, bytes(1, 3));
        String id = u.uploadId();

        assertThatThrownBy(() -> uploads.complete("b", "k", id, listed(p2, p1), POLICY, NOW))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_PART_ORDER));
        assertThatThrownBy(() -> uploads.complete("b", "k", id, listed(p1, p1), POLICY, NOW))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_PART_ORDER));
        assertS3Error(() -> uploads.complete("b", "k", id, List.of(new RequestedPart(1, p1.etag()),
                new RequestedPart(4, p1.etag())), POLICY, NOW), S3ErrorCode.INVALID_PART, "PartNumber", "4");
        assertS3Error(() -> uploads.complete("b", "k", id, List.of(new RequestedPart(1, "\"" + p2.etag() + "\"")),
                POLICY, NOW), S3ErrorCode.INVALID_PART, "ETag", "\"" + p2.etag() + "\"");
        assertS3Error(() -> uploads.complete("b", "k", id, List.of(new RequestedPart(1, null)), POLICY, NOW),
                S3ErrorCode.INVALID_PART, "PartNumber", "1");
        assertThatThrownBy(() -> uploads.complete("b", "k", id, listed(p1, p2, p3), POLICY, NOW))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ENTITY_TOO_SMALL);
                    assertThat(e.details()).containsExactly(Map.entry("ProposedSize", "7"),
                            Map.entry("MinSizeAllowed", "8"), Map.entry("PartNumber", "2"),
                            Map.entry("ETag", p2.etag()));
                });
        assertThatThrownBy(() -> uploads.complete("b", "k", id, List.of(), POLICY, NOW))
                .isInstanceOfSatisfying(S3Exception.class,
                        e -> assertThat(e.errorCode()).isEqualTo(S3ErrorCode.MALFORMED_XML));
        assertS3Error(() -> uploads.complete("b", "k", "NOPE", listed(p1), POLICY, NOW), S3ErrorCode.NO_SUCH_UPLOAD,
                "UploadId", "NOPE");
        assertS3Error(() -> uploads.complete("b", "other-key", id, listed(p1), POLICY, NOW),
                S3ErrorCode.NO_SUCH_UPLOAD, "UploadId", id);
        assertS3Error(() -> uploads.complete("nope", "k", id, listed(p1), POLICY, NOW), S3ErrorCode.NO_SUCH_BUCKET,
                "BucketName", "nope");
        // none of that changed anything
        assertThat(uploads.listParts("b", "k", id, 0, 10).parts()).containsExactly(p1, p2, p3);
        assertThat(exists(p1) && exists(p2) && exists(p3)).isTrue();
        assertThat(engine.objects().find("b", "k")).isEmpty();

        // the last part may be small, and the small part 2 is fine when it is last
        ObjectRecord o = uploads.complete("b", "k", id, listed(p1, p2), POLICY, NOW).object();
        assertThat(o.size()).isEqualTo(15);
        assertThat(o.etag()).endsWith("-2");
        assertThat(exists(p3)).isFalse();
    }

    @Test
    void putPartReplacesAndRefuses() {
        MultipartUpload u = initiate("k");
        PartRecord first = upload(u, 2, bytes(9, 1));
        PartRecord second = Fixtures.part(engine.blobs(), 2, bytes(10, 2));
        assertThat(uploads.putPart("b", "k", u.uploadId(), second)).isEqualTo(first);
        assertThat(exists(first)).as("replaced part blob freed").isFalse();
        assertThat(exists(second)).isTrue();

        PartRecord stray = Fixtures.part(engine.blobs(), 1, bytes(3, 3));
        assertS3Error(() -> uploads.putPart("b", "k", "NOPE", stray), S3ErrorCode.NO_SUCH_UPLOAD, "UploadId", "NOPE");
        assertThat(exists(stray)).as("refused part blob freed").isFalse();
        PartRecord wrongKey = Fixtures.part(engine.blobs(), 1, bytes(3, 3));
        assertS3Error(() -> uploads.putPart("b", "other", u.uploadId(), wrongKey), S3ErrorCode.NO_SUCH_UPLOAD,
                "UploadId", u.uploadId());
        assertThat(exists(wrongKey)).isFalse();
        assertThat(engine.blobs().pendingCount()).isZero();

        uploads.abort("b", "k", u.uploadId());
        assertThat(exists(second)).as("aborted upload's part freed").isFalse();
        PartRecord late = Fixtures.part(engine.blobs(), 3, bytes(3, 4));
        assertS3Error(() -> uploads.putPart("b", "k", u.uploadId(), late), S3ErrorCode.NO_SUCH_UPLOAD, "UploadId",
                u.uploadId());
        assertThat(exists(late)).isFalse();
    }

    @Test
    void listPartsPages() {
        MultipartUpload u = initiate("k");
        List<PartRecord> parts = new ArrayList<>();
        for (int n : new int[] {1, 2, 5, 9, 10, 255, 256, 10000}) {
            parts.add(upload(u, n, bytes(n % 13, n)));
        }
        MultipartUpload other = initiate("k");
        upload(other, 3, bytes(3, 3));

        PartListing l = uploads.listParts("b", "k", u.uploadId(), 0, 3);
        assertThat(l.upload()).isEqualTo(u);
        assertThat(l.parts()).containsExactlyElementsOf(parts.subList(0, 3));
        assertThat(l.truncated()).isTrue();
        assertThat(l.nextPartNumberMarker()).isEqualTo(5);
        l = uploads.listParts("b", "k", u.uploadId(), 5, 3);
        assertThat(l.parts()).containsExactlyElementsOf(parts.subList(3, 6));
        assertThat(l.nextPartNumberMarker()).isEqualTo(255);
        l = uploads.listParts("b", "k", u.uploadId(), 255, 3);
        assertThat(l.parts()).containsExactlyElementsOf(parts.subList(6, 8));
        assertThat(l.truncated()).isFalse();
        assertThat(l.nextPartNumberMarker()).isEqualTo(10000);
        l = uploads.listParts("b", "k", u.uploadId(), 4, 1000);
        assertThat(l.parts()).containsExactlyElementsOf(parts.subList(2, 8));
        l = uploads.listParts("b", "k", u.uploadId(), 10000, 10);
        assertThat(l.parts()).isEmpty();
        assertThat(l.nextPartNumberMarker()).isEqualTo(10000);
        assertThat(l.truncated()).isFalse();
        assertThat(uploads.listParts("b", "k", u.uploadId(), Integer.MAX_VALUE, 10).parts()).isEmpty();
        l = uploads.listParts("b", "k", u.uploadId(), 0, 0);
        assertThat(l.parts()).isEmpty();
        assertThat(l.truncated()).isFalse();
        l = uploads.listParts("b", "k", u.uploadId(), 0, 8);
        assertThat(l.parts()).hasSize(8);
        assertThat(l.truncated()).isFalse();
        assertS3Error(() -> uploads.listParts("b", "k", "NOPE", 0, 10), S3ErrorCode.NO_SUCH_UPLOAD, "UploadId",
                "NOPE");
        assertS3Error(() -> uploads.listParts("nope", "k", "NOPE", 0, 10), S3ErrorCode.NO_SUCH_BUCKET, "BucketName",
                "nope");
    }

    @Test
    @Timeout(30)
    void completeRacingAbortHasExactlyOneWinner() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        int completed = 0;
        int aborted = 0;
        try {
            for (int round = 0; round < 60; round++) {
                String key = "race-" + round;
                MultipartUpload u = initiate(key);
                PartRecord p1 = upload(u, 1, bytes(8, round));
                PartRecord p2 = upload(u, 2, bytes(2, round + 1000));
                PartRecord p3 = upload(u, 3, bytes(1, round + 2000)); // never listed
                CyclicBarrier start = new CyclicBarrier(3);
                Future<Boolean> complete = pool.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    try {
                        uploads.complete("b", key, u.uploadId(), listed(p1, p2), POLICY, NOW);
                        return true;
                    } catch (S3Exception e) {
                        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.NO_SUCH_UPLOAD);
                        return false;
                    }
                });
                Future<Boolean> abort = pool.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    try {
                        uploads.abort("b", key, u.uploadId());
                        return true;
                    } catch (S3Exception e) {
                        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.NO_SUCH_UPLOAD);
                        return false;
                    }
                });
                PartRecord late = Fixtures.part(engine.blobs(), 4, bytes(4, round));
                Future<Boolean> part = pool.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    try {
                        uploads.putPart("b", key, u.uploadId(), late);
                        return true;
                    } catch (S3Exception e) {
                        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.NO_SUCH_UPLOAD);
                        return false;
                    }
                });
                boolean c = complete.get(10, TimeUnit.SECONDS);
                boolean a = abort.get(10, TimeUnit.SECONDS);
                part.get(10, TimeUnit.SECONDS);
                assertThat(c ^ a).as("exactly one of complete and abort wins, round %d", round).isTrue();
                assertThat(uploads.find("b", key, u.uploadId())).isEmpty();
                assertThat(exists(p3)).isFalse();
                assertThat(exists(late)).as("a late part is freed either way").isFalse();
                if (c) {
                    completed++;
                    ObjectRecord o = engine.objects().require("b", key);
                    assertThat(o.completedUploadId()).isEqualTo(u.uploadId());
                    assertThat(exists(p1) && exists(p2)).isTrue();
                    assertThat(Fixtures.read(engine.blobs(), o)).hasSize(10);
                } else {
                    aborted++;
                    assertThat(engine.objects().find("b", key)).isEmpty();
                    assertThat(exists(p1) || exists(p2)).isFalse();
                }
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(completed + aborted).isEqualTo(60);
        assertThat(engine.blobs().pendingCount()).isZero();
    }

    @Test
    void sharedBlobIdsAreNeverFreedTwice() {
        // a same-key put that reuses the manifest (metadata-only update of a multipart object)
        MultipartUpload u = initiate("k");
        PartRecord p1 = upload(u, 1, bytes(8, 1));
        ObjectRecord o = uploads.complete("b", "k", u.uploadId(), listed(p1), POLICY, NOW).object();
        ObjectRecord retagged = new ObjectRecord("b", "k", o.size(), o.etag(), NOW, ALICE, "AWS", null, null, null,
                o.body(), o.completedUploadId());
        engine.objects().put(retagged, WriteGuard.NONE);
        BlobRef blob = p1.blob();
        assertThat(engine.blobs().exists(blob)).isTrue();
        assertThat(Fixtures.read(engine.blobs(), engine.objects().require("b", "k"))).hasSize(8);
    }
}
