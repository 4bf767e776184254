package dev.rosetta.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.Owner;
import java.nio.file.Path;
import java.time.Instant;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BucketStoreTest {
    static final Owner ALICE = new Owner("alice-id", "alice");
    static final Owner BOB = new Owner("bob-id", "bob");
    static final Instant NOW = Instant.parse("2025-01-02T03:04:05.678901Z");

    @TempDir
    Path dir;
    StorageEngine store;
    BucketStore buckets;

    @BeforeEach
    void open() {
        store = StorageEngine.open(dir, Durability.FSYNC);
        buckets = store.buckets();
    }

    @AfterEach
    void close() {
        store.close();
    }

    static void assertS3Error(ThrowingCallable call, S3ErrorCode code, String element, String value) {
        assertThatThrownBy(call).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.errorCode()).isEqualTo(code);
            assertThat(e.details()).containsEntry(element, value);
        });
    }

    @Test
    void createFindListDelete() {
        BucketRecord b = buckets.create("photos", ALICE, "eu-west-1", "AWS", NOW);
        assertThat(b).isEqualTo(new BucketRecord("photos", ALICE, Instant.parse("2025-01-02T03:04:05.678Z"),
                "eu-west-1", "AWS"));
        buckets.create("archive-1250000000", BOB, null, "COS", NOW);
        buckets.create("b", ALICE, null, "OBS", NOW);

        assertThat(buckets.find("photos")).contains(b);
        assertThat(buckets.require("photos")).isEqualTo(b);
        assertThat(buckets.find("nope")).isEmpty();
        assertThat(buckets.exists("b")).isTrue();
        assertThat(buckets.list()).extracting(BucketRecord::name)
                .containsExactly("archive-1250000000", "b", "photos");

        buckets.delete("b");
        assertThat(buckets.find("b")).isEmpty();
        assertThat(buckets.list()).extracting(BucketRecord::name).containsExactly("archive-1250000000", "photos");
    }

    @Test
    void alreadyOwnedVersusAlreadyExists() {
        buckets.create("shared", ALICE, null, "AWS", NOW);
        assertS3Error(() -> buckets.create("shared", new Owner("alice-id", "other display"), null, "AWS", NOW),
                S3ErrorCode.BUCKET_ALREADY_OWNED_BY_YOU, "BucketName", "shared");
        assertS3Error(() -> buckets.create("shared", BOB, null, "AWS", NOW),
                S3ErrorCode.BUCKET_ALREADY_EXISTS, "BucketName", "shared");
        assertThat(buckets.require("shared").owner()).isEqualTo(ALICE);
    }

    @Test
    void noSuchBucket() {
        assertS3Error(() -> buckets.require("missing"), S3ErrorCode.NO_SUCH_BUCKET, "BucketName", "missing");
        assertS3Error(() -> buckets.delete("missing"), S3ErrorCode.NO_SUCH_BUCKET, "BucketName", "missing");
    }

    @Test
    void notEmptyWhileAnUploadExists() {
        buckets.create("b", ALICE, null, "AWS", NOW);
        buckets.create("b-2", ALICE, null, "AWS", NOW);
        MultipartUpload u = store.uploads().initiate("b", "k", ALICE, ALICE, "AWS", ObjectHeaders.defaults(), NOW);
        assertS3Error(() -> buckets.delete("b"), S3ErrorCode.BUCKET_NOT_EMPTY, "BucketName", "b");
        buckets.delete("b-2"); // a neighbouring name is unaffected
        store.uploads().abort("b", "k", u.uploadId());
        buckets.delete("b");
        assertThat(buckets.exists("b")).isFalse();
    }

    @Test
    void notEmptyWhileAnObjectExists() {
        buckets.create("b", ALICE, null, "AWS", NOW);
        store.objects().put(Fixtures.inline("b", "\u0000", "x"), WriteGuard.NONE);
        assertS3Error(() -> buckets.delete("b"), S3ErrorCode.BUCKET_NOT_EMPTY, "BucketName", "b");
        store.objects().delete("b", "\u0000", WriteGuard.NONE);
        buckets.delete("b");
    }

    @Test
    void closedStoreRefusesWork() {
        store.close();
        store.close(); // idempotent
        assertThatThrownBy(() -> buckets.find("b")).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> buckets.create("b", ALICE, null, "AWS", NOW)).isInstanceOf(StorageException.class);
    }
}
