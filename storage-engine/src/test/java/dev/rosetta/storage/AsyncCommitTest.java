package dev.rosetta.storage;

import static dev.rosetta.storage.BucketStoreTest.assertS3Error;
import static dev.rosetta.storage.Fixtures.ALICE;
import static dev.rosetta.storage.Fixtures.NOW;
import static dev.rosetta.storage.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.storage.blob.BlobRef;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.StampedLock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Writes committed by the group committer: the stores' locks stay held until the write is durable (and are
 * released on the committer's thread), and a write tried with {@link CacheOnlyReads} either queues its commit
 * or gives up before changing anything.
 */
class AsyncCommitTest {
    private static final WriteGuard ONLY_IF_ABSENT = existing -> {
        if (existing != null) {
            throw new S3Exception(S3ErrorCode.PRECONDITION_FAILED).with("Condition", "If-None-Match");
        }
    };

    @TempDir
    Path dir;
    StorageEngine engine;

    private ObjectStore open(Durability durability) {
        engine = StorageEngine.open(dir, durability, new StorageOptions(16));
        engine.buckets().create("b", ALICE, null, "AWS", NOW);
        return engine.objects();
    }

    @AfterEach
    void close() {
        if (engine != null) {
            engine.close();
        }
    }

    @Test
    void aWriteAfterAnAsynchronousOneSeesItThroughTheKeyLock() throws Exception {
        ObjectStore objects = open(Durability.FSYNC);
        for (int i = 0; i < 20; i++) {
            String key = "k" + i;
            CompletableFuture<ObjectRecord> first =
                    objects.putAsync(Fixtures.inline("b", key, "first"), WriteGuard.NONE);
            // waits for the key's lock, which the first put holds until it is durable
            assertS3Error(() -> objects.put(Fixtures.inline("b", key, "second"), ONLY_IF_ABSENT),
                    S3ErrorCode.PRECONDITION_FAILED, "Condition", "If-None-Match");
            // the lock is released just before the first put's future completes, on the committer's thread
            assertThat(first.get(10, TimeUnit.SECONDS)).as("the first put replaced nothing").isNull();
            assertThat(objects.require("b", key).body()).isEqualTo(new ObjectBody.Inline(utf8("first")));
        }
    }

    @Test
    void concurrentAsynchronousWritesAllLandAndReplaceInOrder() throws Exception {
        ObjectStore objects = open(Durability.FSYNC);
        List<CompletableFuture<ObjectRecord>> puts = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            puts.add(objects.putAsync(Fixtures.inline("b", "k" + (i % 10), "v" + i), WriteGuard.NONE));
        }
        CompletableFuture.allOf(puts.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        for (int k = 0; k < 10; k++) {
            assertThat(objects.require("b", "k" + k).body())
                    .as("the last put of each key wins").isEqualTo(new ObjectBody.Inline(utf8("v" + (190 + k))));
        }
        // each put but the first of a key replaced the one queued just before it
        assertThat(puts.get(15).get().body()).isEqualTo(new ObjectBody.Inline(utf8("v5")));
    }

    @Test
    void initiateAndPartAsynchronouslyThenCompleteAsUsual() throws Exception {
        open(Durability.FSYNC);
        MultipartSessionStore uploads = engine.uploads();
        MultipartUpload upload = uploads.initiateAsync("b", "big", ALICE, ALICE, "AWS", ObjectHeaders.defaults(), null,
                NOW).get(10, TimeUnit.SECONDS);
        assertThat(uploads.find("b", "big", upload.uploadId())).contains(upload);
        PartRecord part = Fixtures.part(engine.blobs(), 1, "part one");
        assertThat(uploads.putPartAsync("b", "big", upload.uploadId(), part).get(10, TimeUnit.SECONDS)).isNull();
        assertThat(uploads.stats().openUploads()).isEqualTo(1);
        assertThat(uploads.stats().bytesHeld()).isEqualTo(part.size());
        assertS3Error(() -> uploads.initiateAsync("missing", "k", ALICE, ALICE, "AWS", ObjectHeaders.defaults(), null,
                NOW), S3ErrorCode.NO_SUCH_BUCKET, "BucketName", "missing");
    }

    @Test
    void triedWithCacheOnlyReadsASmallPutQueuesItsCommit() throws Exception {
        ObjectStore objects = open(Durability.FSYNC);
        CompletableFuture<ObjectRecord> put = CacheOnlyReads.attempt(
                () -> objects.putAsync(Fixtures.inline("b", "k", "small"), WriteGuard.NONE));
        assertThat(put.get(10, TimeUnit.SECONDS)).isNull();
        assertThat(objects.require("b", "k").body()).isEqualTo(new ObjectBody.Inline(utf8("small")));
    }

    @Test
    void triedWithCacheOnlyReadsAPutThatWouldFreeBlobsGivesUpAndChangesNothing() {
        ObjectStore objects = open(Durability.FSYNC);
        ObjectRecord large = Fixtures.blobObject(engine.blobs(), "b", "k", utf8("a body held in a blob file"));
        objects.put(large, WriteGuard.NONE);
        BlobRef blob = large.body().blobs().get(0);

        assertThatThrownBy(() -> CacheOnlyReads.attempt(
                () -> objects.putAsync(Fixtures.inline("b", "k", "small"), WriteGuard.NONE)))
                .isInstanceOf(WouldBlockException.class);
        assertThat(objects.require("b", "k")).isEqualTo(large);
        assertThat(engine.blobs().exists(blob)).isTrue();

        // run again where blocking is allowed, as the server does: the locks were given back
        assertThat(objects.put(Fixtures.inline("b", "k", "small"), WriteGuard.NONE)).isEqualTo(large);
        assertThat(engine.blobs().exists(blob)).as("freed after the commit").isFalse();
    }

    @Test
    void withoutFsyncATriedWriteIsNotDoneOnTheNonBlockingThread() {
        ObjectStore objects = open(Durability.NONE);
        assertThatThrownBy(() -> CacheOnlyReads.attempt(
                () -> objects.putAsync(Fixtures.inline("b", "k", "small"), WriteGuard.NONE)))
                .isInstanceOf(WouldBlockException.class);
        assertThat(objects.find("b", "k")).isEmpty();
        assertThat(objects.put(Fixtures.inline("b", "k", "small"), WriteGuard.NONE)).isNull();
    }

    @Test
    void aHeldLockEndsAnAttemptAndIsWaitedForOutsideOne() throws Exception {
        Lock lock = new StampedLock().asWriteLock();
        Thread holder = new Thread(lock::lock); // takes it and ends: no thread owns it afterwards
        holder.start();
        holder.join(10_000);
        assertThatThrownBy(() -> CacheOnlyReads.attempt(() -> {
            CacheOnlyReads.lock(lock);
            return null;
        })).isInstanceOf(WouldBlockException.class);
        lock.unlock(); // released by another thread than the one that took it, as the group committer does
        CacheOnlyReads.attempt(() -> {
            CacheOnlyReads.lock(lock); // free now: taken without waiting
            return null;
        });
        lock.unlock();
    }
}
