package dev.rosetta.storage;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.model.StorageClass;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BucketRecordCacheTest {
    private static final Owner ALICE = new Owner("alice-id", "alice");
    private static final BucketRecord OLD = new BucketRecord("b", ALICE, Instant.EPOCH, null, "AWS");
    private static final BucketRecord NEW = new BucketRecord("b", ALICE, Instant.EPOCH, "eu-west-1", "AWS");

    @Test
    void aLoadedRecordIsServedUntilInvalidated() {
        BucketRecordCache cache = new BucketRecordCache();
        AtomicInteger loads = new AtomicInteger();
        assertThat(cache.get("b", n -> {
            loads.incrementAndGet();
            return OLD;
        })).isSameAs(OLD);
        assertThat(cache.get("b", n -> NEW)).as("cached").isSameAs(OLD);
        cache.invalidate("b");
        assertThat(cache.get("b", n -> NEW)).isSameAs(NEW);
        assertThat(loads).hasValue(1);
    }

    @Test
    void absentBucketsAreNotCached() {
        BucketRecordCache cache = new BucketRecordCache();
        assertThat(cache.get("b", n -> null)).isNull();
        assertThat(cache.get("b", n -> NEW)).isSameAs(NEW);
    }

    @Test
    void aRecordReadWhileAWriteCommittedIsNotKept() {
        BucketRecordCache cache = new BucketRecordCache();
        // the load reads the old record, then a writer commits and invalidates before the fill
        assertThat(cache.get("b", n -> {
            cache.invalidate("b");
            return OLD;
        })).isSameAs(OLD);
        assertThat(cache.get("b", n -> NEW)).as("the stale fill was dropped").isSameAs(NEW);
    }

    @Test
    void updatesThroughTheStoreAreSeenAtOnce(@TempDir Path dir) {
        try (StorageEngine store = StorageEngine.open(dir, Durability.NONE)) {
            BucketStore buckets = store.buckets();
            buckets.create("b", ALICE, null, "AWS", Instant.EPOCH);
            assertThat(buckets.require("b").defaultStorageClass()).isNull();
            buckets.update("b", r -> r.withDefaultStorageClass(StorageClass.STANDARD_IA));
            assertThat(buckets.require("b").defaultStorageClass())
                    .isEqualTo(StorageClass.STANDARD_IA);
            buckets.delete("b");
            assertThat(buckets.exists("b")).isFalse();
            buckets.create("b", ALICE, "eu-west-1", "AWS", Instant.EPOCH);
            assertThat(buckets.require("b").locationConstraint()).isEqualTo("eu-west-1");
        }
    }
}
