package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.server.config.DurabilityMode;
import dev.rosetta.server.lifecycle.AbortDates;
import dev.rosetta.server.lifecycle.IncompleteUploadReaper;
import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.MutableClock;
import dev.rosetta.server.testing.ServerFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortIncompleteMultipartUpload;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/**
 * The lifecycle task with a simulated clock and bucket rules only (no server-wide setting): old uploads
 * under a rule's prefix are aborted and their part files deleted; young ones, ones under another
 * prefix or a disabled rule stay; it works across a restart.
 */
class IncompleteUploadReaperTest {
    static final MutableClock CLOCK = new MutableClock();

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.lifecycleIntervalSeconds(0)
            .durability(DurabilityMode.FSYNC)).withClock(CLOCK);

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    static LifecycleRule abortRule(String id, String prefix, int days) {
        return LifecycleRule.builder().id(id).status(ExpirationStatus.ENABLED)
                .filter(LifecycleRuleFilter.builder().prefix(prefix).build())
                .abortIncompleteMultipartUpload(AbortIncompleteMultipartUpload.builder().daysAfterInitiation(days).build())
                .build();
    }

    /** Regular files under the data directory's {@code blobs/}: one per part or large object. */
    static long blobFiles(ServerFixture server) {
        Path blobs = server.dataDir().resolve("blobs");
        try (Stream<Path> walk = Files.walk(blobs)) {
            return walk.filter(Files::isRegularFile).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double openUploads(ServerFixture server) {
        return server.server().metrics().registry().get("rosetta.multipart.uploads.open").gauge().value();
    }

    /** Initiates an upload and stores parts of the given sizes. */
    static String uploadWithParts(S3Client s3, String bucket, String key, int... sizes) {
        CreateMultipartUploadResponse u = s3.createMultipartUpload(b -> b.bucket(bucket).key(key));
        for (int i = 0; i < sizes.length; i++) {
            int n = i + 1;
            s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(u.uploadId()).partNumber(n),
                    RequestBody.fromBytes(new byte[sizes[n - 1]]));
        }
        return u.uploadId();
    }

    static Instant initiated(S3Client s3, String bucket, String uploadId) {
        return s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().stream()
                .filter(u -> u.uploadId().equals(uploadId)).findFirst().orElseThrow().initiated();
    }

    static List<String> openKeys(S3Client s3, String bucket) {
        return s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().stream().map(MultipartUpload::key).toList();
    }

    @Test
    void abortsOldUploadsUnderARulesPrefixAndFreesTheirParts() {
        try (S3Client s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE)) {
            s3.createBucket(b -> b.bucket("reap"));
            s3.putBucketLifecycleConfiguration(b -> b.bucket("reap").lifecycleConfiguration(c -> c.rules(
                    abortRule("tmp", "tmp/", 2),
                    abortRule("off", "keep/", 1).toBuilder().status(ExpirationStatus.DISABLED).build(),
                    LifecycleRule.builder().id("expire-only").status(ExpirationStatus.ENABLED)
                            .filter(LifecycleRuleFilter.builder().prefix("").build())
                            .expiration(LifecycleExpiration.builder().days(1).build()).build())));
            long filesBefore = blobFiles(SERVER);
            double openBefore = openUploads(SERVER);

            String old1 = uploadWithParts(s3, "reap", "tmp/old1", 1000, 2000);
            String old2 = uploadWithParts(s3, "reap", "tmp/old2", 300);
            uploadWithParts(s3, "reap", "keep/x", 10);
            uploadWithParts(s3, "reap", "other/y", 20);
            assertThat(blobFiles(SERVER)).isEqualTo(filesBefore + 5);
            assertThat(openUploads(SERVER)).isEqualTo(openBefore + 4);
            Instant due = AbortDates.abortDate(initiated(s3, "reap", old1), 2);
            Instant due2 = AbortDates.abortDate(initiated(s3, "reap", old2), 2);
            Instant lastDue = due.isAfter(due2) ? due : due2;

            // just before the abort date: nothing is due yet
            CLOCK.set(due.minus(Duration.ofMinutes(1)));
            IncompleteUploadReaper.Pass early = SERVER.server().runLifecycle();
            CLOCK.reset();
            assertThat(early.uploadsAborted()).isZero();
            assertThat(openKeys(s3, "reap")).containsExactly("keep/x", "other/y", "tmp/old1", "tmp/old2");

            // past it: the two uploads under tmp/ go, with their three part files
            CLOCK.set(lastDue.plus(Duration.ofMinutes(1)));
            IncompleteUploadReaper.Pass pass = SERVER.server().runLifecycle();
            CLOCK.reset();
            assertThat(pass.uploadsAborted()).isEqualTo(2);
            assertThat(pass.bytesFreed()).isEqualTo(3300);
            assertThat(pass.failures()).isZero();
            assertThat(openKeys(s3, "reap")).containsExactly("keep/x", "other/y");
            assertThat(blobFiles(SERVER)).isEqualTo(filesBefore + 2);
            assertThat(openUploads(SERVER)).isEqualTo(openBefore + 2);

            // much later: a disabled rule, a prefix without a rule and no server-wide setting abort nothing
            CLOCK.advance(Duration.ofDays(1000));
            IncompleteUploadReaper.Pass later = SERVER.server().runLifecycle();
            CLOCK.reset();
            assertThat(later.uploadsAborted()).isZero();
            assertThat(openKeys(s3, "reap")).containsExactly("keep/x", "other/y");
        }
    }

    @Test
    void theFirstMatchingRuleDecides() {
        try (S3Client s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE)) {
            s3.createBucket(b -> b.bucket("reap-order"));
            s3.putBucketLifecycleConfiguration(b -> b.bucket("reap-order").lifecycleConfiguration(c -> c.rules(
                    abortRule("long", "a/long/", 30), abortRule("short", "a/", 1))));
            String longId = uploadWithParts(s3, "reap-order", "a/long/k", 5);
            uploadWithParts(s3, "reap-order", "a/short", 5);
            Instant initiated = initiated(s3, "reap-order", longId);

            CLOCK.set(AbortDates.abortDate(initiated, 2));
            assertThat(SERVER.server().runLifecycle().uploadsAborted()).isEqualTo(1);
            CLOCK.reset();
            assertThat(openKeys(s3, "reap-order")).containsExactly("a/long/k");

            CLOCK.set(AbortDates.abortDate(initiated, 30).plusSeconds(1));
            assertThat(SERVER.server().runLifecycle().uploadsAborted()).isEqualTo(1);
            CLOCK.reset();
            assertThat(openKeys(s3, "reap-order")).isEmpty();
        }
    }

    @Test
    void survivesARestart() throws Exception {
        String id;
        Instant due;
        long filesBefore;
        try (S3Client s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE)) {
            s3.createBucket(b -> b.bucket("reap-restart"));
            s3.putBucketLifecycleConfiguration(b -> b.bucket("reap-restart")
                    .lifecycleConfiguration(c -> c.rules(abortRule("all", "", 1))));
            filesBefore = blobFiles(SERVER);
            id = uploadWithParts(s3, "reap-restart", "big", 4096);
            due = AbortDates.abortDate(initiated(s3, "reap-restart", id), 1);
        }
        SERVER.restart();
        CLOCK.set(due.plusSeconds(1));
        IncompleteUploadReaper.Pass pass = SERVER.server().runLifecycle();
        CLOCK.reset();
        assertThat(pass.uploadsAborted()).isEqualTo(1);
        assertThat(pass.bytesFreed()).isEqualTo(4096);
        assertThat(blobFiles(SERVER)).isEqualTo(filesBefore);
        try (S3Client s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE)) {
            assertThat(openKeys(s3, "reap-restart")).isEmpty();
            assertThat(s3.getBucketLifecycleConfiguration(b -> b.bucket("reap-restart")).rules())
                    .containsExactly(abortRule("all", "", 1));
        }
    }

    @Test
    void theServerExposesItsReaper() {
        IncompleteUploadReaper reaper = SERVER.server().lifecycle();
        assertThat(reaper).isNotNull();
        assertThat(reaper.runOnce().failures()).isZero(); // nothing due: harmless
    }
}
