package dev.rosetta.storage.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.model.BucketLifecycle;
import dev.rosetta.protocol.model.LifecycleRule;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.protocol.model.Tag;
import dev.rosetta.storage.BucketRecord;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bucket record's lifecycle field: round trips, and records written before it existed. */
class BucketLifecycleCodecTest {
    static final Owner ALICE = new Owner("alice-id", "alice");

    /** {@code BucketRecord("b", Owner("id", "Al"), EPOCH, "eu", "AWS")} as the codec wrote it before lifecycles. */
    static final byte[] OLD_FORMAT = HexFormat.of().parseHex("01" + "010162" + "0208" + "01026964" + "0202416c"
            + "030c" + "000000000000000000000000" + "04026575" + "0503415753");

    static BucketLifecycle everything() {
        LifecycleRule full = new LifecycleRule("all-actions", true, null,
                new LifecycleRule.Filter(null, null, null, null, new LifecycleRule.And("logs/",
                        List.of(new Tag("k", "v"), new Tag("empty", "")), 10L, 1L << 40)),
                new LifecycleRule.Expiration(365, null, null),
                List.of(new LifecycleRule.Transition(30, null, StorageClass.STANDARD_IA),
                        new LifecycleRule.Transition(90, null, StorageClass.GLACIER)),
                new LifecycleRule.NoncurrentVersionExpiration(400, 3),
                List.of(new LifecycleRule.NoncurrentVersionTransition(31, null, StorageClass.ONEZONE_IA),
                        new LifecycleRule.NoncurrentVersionTransition(60, 2, StorageClass.DEEP_ARCHIVE)),
                null);
        LifecycleRule abort = new LifecycleRule("abort", true, null, LifecycleRule.Filter.prefix("tmp/"), null,
                List.of(), null, List.of(), 7);
        LifecycleRule empty = new LifecycleRule("empty-filter", false, null, LifecycleRule.Filter.ALL,
                new LifecycleRule.Expiration(null, Instant.parse("2030-01-01T00:00:00Z"), null), List.of(), null,
                List.of(), 1);
        LifecycleRule tag = new LifecycleRule("tag", true, null,
                new LifecycleRule.Filter(null, new Tag("a", "b"), null, null, null),
                new LifecycleRule.Expiration(null, null, false), List.of(), null, List.of(), null);
        LifecycleRule sizes = new LifecycleRule("sizes", true, null,
                new LifecycleRule.Filter(null, null, 0L, null, null),
                new LifecycleRule.Expiration(null, null, true), List.of(), null, List.of(), null);
        return new BucketLifecycle(List.of(full, abort, empty, tag, sizes), BucketLifecycle.VARIES_BY_STORAGE_CLASS);
    }

    @Test
    void aRecordWithALifecycleRoundTrips() {
        BucketRecord r = new BucketRecord("b", ALICE, Instant.parse("2024-05-06T07:08:09.123Z"), null, "AWS",
                everything());
        assertThat(BucketRecordCodec.INSTANCE.decode(BucketRecordCodec.INSTANCE.encode(r))).isEqualTo(r);
    }

    @Test
    void legacyPrefixesIncludingEmptyOnesRoundTrip() {
        BucketLifecycle legacy = new BucketLifecycle(List.of(
                new LifecycleRule("whole-bucket", true, "", null, null, List.of(), null, List.of(), 3),
                new LifecycleRule("docs", true, "docs/", null, new LifecycleRule.Expiration(1, null, null),
                        List.of(), null, List.of(), null)), BucketLifecycle.ALL_STORAGE_CLASSES_128K);
        BucketRecord r = new BucketRecord("b", ALICE, Instant.EPOCH, "eu-west-1", "OBS", legacy);
        BucketRecord back = BucketRecordCodec.INSTANCE.decode(BucketRecordCodec.INSTANCE.encode(r));
        assertThat(back).isEqualTo(r);
        assertThat(back.lifecycle().rules().get(0).prefix()).isEmpty();
        assertThat(back.lifecycle().rules().get(0).filter()).isNull();
    }

    @Test
    void anEmptyRuleListAndNoLifecycleAreDifferent() {
        BucketRecord none = new BucketRecord("b", ALICE, Instant.EPOCH, null, "AWS");
        assertThat(BucketRecordCodec.INSTANCE.decode(BucketRecordCodec.INSTANCE.encode(none)).lifecycle()).isNull();
        BucketRecord emptyRules = none.withLifecycle(
                new BucketLifecycle(List.of(), BucketLifecycle.ALL_STORAGE_CLASSES_128K));
        assertThat(BucketRecordCodec.INSTANCE.decode(BucketRecordCodec.INSTANCE.encode(emptyRules)))
                .isEqualTo(emptyRules);
    }

    @Test
    void aRecordWrittenBeforeLifecyclesDecodesWithNone() {
        BucketRecord old = BucketRecordCodec.INSTANCE.decode(OLD_FORMAT);
        assertThat(old).isEqualTo(new BucketRecord("b", new Owner("id", "Al"), Instant.EPOCH, "eu", "AWS"));
        assertThat(old.lifecycle()).isNull();
        // and a record without a lifecycle is still written exactly as before
        assertThat(BucketRecordCodec.INSTANCE.encode(old)).isEqualTo(OLD_FORMAT);
    }

    @Test
    void withLifecycleReplacesOnlyTheLifecycle() {
        BucketRecord r = new BucketRecord("b", ALICE, Instant.EPOCH, "eu", "COS");
        BucketRecord with = r.withLifecycle(everything());
        assertThat(with.lifecycle()).isEqualTo(everything());
        assertThat(with.withLifecycle(null)).isEqualTo(r);
    }
}
