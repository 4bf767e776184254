package dev.rosetta.server.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.model.BucketLifecycle;
import dev.rosetta.protocol.model.LifecycleRule;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.model.Tag;
import dev.rosetta.storage.Durability;
import dev.rosetta.storage.StorageEngine;
import dev.rosetta.storage.UploadListRequest;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reaper on a storage engine with a fixed clock: due dates, prefixes, paging, stopping. */
class IncompleteUploadReaperUnitTest {
    static final Owner ALICE = new Owner("alice-id", "alice");
    static final Instant T0 = Instant.parse("2025-03-10T15:30:00Z");

    @TempDir
    Path dir;

    static LifecycleRule abort(String id, String prefix, int days) {
        return new LifecycleRule(id, true, null, LifecycleRule.Filter.prefix(prefix), null, List.of(), null,
                List.of(), days);
    }

    static BucketLifecycle lifecycle(LifecycleRule... rules) {
        return new BucketLifecycle(List.of(rules), BucketLifecycle.ALL_STORAGE_CLASSES_128K);
    }

    static void initiate(StorageEngine engine, String bucket, String key, Instant at) {
        engine.uploads().initiate(bucket, key, ALICE, ALICE, "AWS", ObjectHeaders.defaults(), at);
    }

    static int open(StorageEngine engine, String bucket) {
        return engine.uploads().list(bucket, UploadListRequest.all(1000)).uploads().size();
    }

    @Test
    void abortDatesRoundUpToMidnightUtc() {
        assertThat(AbortDates.abortDate(T0, 3)).isEqualTo(Instant.parse("2025-03-14T00:00:00Z"));
        assertThat(AbortDates.abortDate(Instant.parse("2025-03-10T00:00:00Z"), 1))
                .isEqualTo(Instant.parse("2025-03-11T00:00:00Z"));
        assertThat(AbortDates.abortDate(Instant.parse("2025-03-10T23:59:59.999Z"), 1))
                .isEqualTo(Instant.parse("2025-03-12T00:00:00Z"));
    }

    @Test
    void rulePrefixesDropCoveredOnesAndIgnoreRulesThatDoNotAbort() {
        LifecycleRule disabled = new LifecycleRule("off", false, null, LifecycleRule.Filter.prefix("z/"), null,
                List.of(), null, List.of(), 1);
        LifecycleRule expireOnly = new LifecycleRule("exp", true, null, LifecycleRule.Filter.prefix("y/"),
                new LifecycleRule.Expiration(1, null, null), List.of(), null, List.of(), null);
        LifecycleRule tagged = new LifecycleRule("tag", true, null,
                new LifecycleRule.Filter(null, new Tag("k", "v"), null, null, null), null, List.of(), null,
                List.of(), 1);
        assertThat(IncompleteUploadReaper.rulePrefixes(lifecycle(abort("a", "b/", 1), abort("b", "a/x", 1),
                abort("c", "a/", 1), disabled, expireOnly, tagged))).containsExactly("a/", "b/");
        assertThat(IncompleteUploadReaper.rulePrefixes(lifecycle(abort("a", "logs/", 1), abort("b", "", 2))))
                .containsExactly("");
        LifecycleRule legacy = new LifecycleRule("legacy", true, "docs/", null, null, List.of(), null, List.of(), 4);
        assertThat(IncompleteUploadReaper.rulePrefixes(lifecycle(legacy))).containsExactly("docs/");
    }

    @Test
    void walksEveryPageAbortingAsItGoes() {
        try (StorageEngine engine = StorageEngine.open(dir, Durability.NONE)) {
            engine.buckets().create("big", ALICE, null, "AWS", T0);
            engine.buckets().update("big", b -> b.withLifecycle(lifecycle(abort("old", "old/", 1))));
            for (int i = 0; i < 2500; i++) {
                initiate(engine, "big", "old/" + (i % 7) + "/" + i, T0);
            }
            for (int i = 0; i < 30; i++) {
                initiate(engine, "big", "young/" + i, T0);
            }
            Clock later = Clock.fixed(T0.plus(Duration.ofDays(2)), ZoneOffset.UTC);
            IncompleteUploadReaper reaper = new IncompleteUploadReaper(engine, later, 0);
            IncompleteUploadReaper.Pass pass = reaper.runOnce();
            assertThat(pass.uploadsAborted()).isEqualTo(2500);
            assertThat(pass.bucketsWalked()).isEqualTo(1);
            assertThat(engine.uploads().stats().openUploads()).isEqualTo(30);
            assertThat(reaper.runOnce().uploadsAborted()).isZero();
            reaper.close();
        }
    }

    @Test
    void theServerWideSettingCoversBucketsWithoutARuleAndRulesWin() {
        try (StorageEngine engine = StorageEngine.open(dir, Durability.NONE)) {
            engine.buckets().create("plain", ALICE, null, "AWS", T0);
            engine.buckets().create("ruled", ALICE, null, "AWS", T0);
            engine.buckets().update("ruled", b -> b.withLifecycle(lifecycle(abort("slow", "slow/", 30))));
            initiate(engine, "plain", "k", T0);
            initiate(engine, "ruled", "slow/k", T0);
            initiate(engine, "ruled", "other", T0);

            Clock fiveDays = Clock.fixed(T0.plus(Duration.ofDays(5)), ZoneOffset.UTC);
            assertThat(new IncompleteUploadReaper(engine, fiveDays, 0).runOnce().uploadsAborted()).isZero();
            IncompleteUploadReaper serverWide = new IncompleteUploadReaper(engine, fiveDays, 3);
            assertThat(serverWide.runOnce().uploadsAborted()).isEqualTo(2); // plain/k and ruled/other
            assertThat(open(engine, "plain")).isZero();
            assertThat(open(engine, "ruled")).isEqualTo(1);
        }
    }

    @Test
    void afterCloseNothingRunsAndAZeroIntervalSchedulesNothing() throws Exception {
        try (StorageEngine engine = StorageEngine.open(dir, Durability.NONE)) {
            engine.buckets().create("b", ALICE, null, "AWS", T0);
            initiate(engine, "b", "k", T0);
            Clock later = Clock.fixed(T0.plus(Duration.ofDays(10)), ZoneOffset.UTC);
            IncompleteUploadReaper idle = new IncompleteUploadReaper(engine, later, 1);
            idle.start(Duration.ZERO);
            Thread.sleep(100);
            assertThat(open(engine, "b")).isEqualTo(1);
            idle.close();
            assertThat(idle.runOnce()).isEqualTo(new IncompleteUploadReaper.Pass(0, 0, 0, 0));
            assertThat(open(engine, "b")).isEqualTo(1);

            IncompleteUploadReaper scheduled = new IncompleteUploadReaper(engine, later, 1);
            scheduled.start(Duration.ofMillis(20));
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (open(engine, "b") > 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            scheduled.close();
            assertThat(open(engine, "b")).isZero();
        }
    }
}
