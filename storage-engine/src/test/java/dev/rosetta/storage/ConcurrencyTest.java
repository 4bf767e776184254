package dev.rosetta.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.storage.schema.Keys;
import dev.rosetta.storage.schema.Schema;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class ConcurrencyTest {
    static final Owner ALICE = new Owner("alice-id", "alice");

    @TempDir
    Path dir;

    @Test
    @Timeout(30)
    void initiateRacingDeleteBucketNeverLeavesAnUploadInADeletedBucket() throws Exception {
        int rounds = 150;
        int initiators = 2;
        ExecutorService pool = Executors.newFixedThreadPool(initiators + 1);
        int deleted = 0;
        int survived = 0;
        try (StorageEngine store = StorageEngine.open(dir, Durability.NONE)) {
            var uploadsTable = store.database().table(Schema.UPLOADS);
            for (int round = 0; round < rounds; round++) {
                String bucket = "race-" + round;
                store.buckets().create(bucket, ALICE, null, "AWS", Instant.now());
                store.buckets().require(bucket); // cached: the delete must make the initiators see it gone
                CyclicBarrier start = new CyclicBarrier(initiators + 1);
                List<Future<Boolean>> inits = new ArrayList<>();
                for (int i = 0; i < initiators; i++) {
                    inits.add(pool.submit(() -> {
                        start.await(5, TimeUnit.SECONDS);
                        try {
                            store.uploads().initiate(bucket, "k", ALICE, ALICE, "AWS", null, Instant.now());
                            return true;
                        } catch (S3Exception e) {
                            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.NO_SUCH_BUCKET);
                            return false;
                        }
                    }));
                }
                Future<Boolean> delete = pool.submit(() -> {
                    start.await(5, TimeUnit.SECONDS);
                    try {
                        store.buckets().delete(bucket);
                        return true;
                    } catch (S3Exception e) {
                        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.BUCKET_NOT_EMPTY);
                        return false;
                    }
                });
                boolean bucketDeleted = delete.get(10, TimeUnit.SECONDS);
                int created = 0;
                for (Future<Boolean> f : inits) {
                    created += f.get(10, TimeUnit.SECONDS) ? 1 : 0;
                }
                boolean anyUpload = !uploadsTable.isEmpty(Keys.bucketContents(bucket));
                if (bucketDeleted) {
                    deleted++;
                    assertThat(store.buckets().exists(bucket)).isFalse();
                    assertThat(anyUpload).as("upload left in deleted bucket %s", bucket).isFalse();
                    assertThat(created).isZero();
                } else {
                    survived++;
                    assertThat(store.buckets().exists(bucket)).isTrue();
                    assertThat(created).isPositive();
                    assertThat(store.uploads().list(bucket, UploadListRequest.all(10)).uploads()).hasSize(created);
                }
            }
        } finally {
            pool.shutdownNow();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(deleted + survived).isEqualTo(rounds);
    }
}
