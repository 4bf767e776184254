package dev.rosetta.server.it;

import static dev.rosetta.server.it.IncompleteUploadReaperTest.abortRule;
import static dev.rosetta.server.it.IncompleteUploadReaperTest.blobFiles;
import static dev.rosetta.server.it.IncompleteUploadReaperTest.initiated;
import static dev.rosetta.server.it.IncompleteUploadReaperTest.openKeys;
import static dev.rosetta.server.it.IncompleteUploadReaperTest.openUploads;
import static dev.rosetta.server.it.IncompleteUploadReaperTest.uploadWithParts;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.server.lifecycle.AbortDates;
import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.MutableClock;
import dev.rosetta.server.testing.ServerFixture;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;

/**
 * The server-wide setting ({@code abortIncompleteUploadsAfterDays}) aborts old uploads in buckets
 * without a rule, a bucket rule takes precedence, and the background thread does it on its own
 * (interval of one second here).
 */
class ServerWideAbortTest {
    static final MutableClock CLOCK = new MutableClock();

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.abortIncompleteUploadsAfterDays(3)
            .lifecycleIntervalSeconds(1)).withClock(CLOCK);

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    @Test
    void theBackgroundTaskAppliesTheServerWideSettingWhereNoRuleDoes() throws Exception {
        try (S3Client s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE)) {
            s3.createBucket(b -> b.bucket("plain"));
            s3.createBucket(b -> b.bucket("ruled"));
            s3.putBucketLifecycleConfiguration(b -> b.bucket("ruled")
                    .lifecycleConfiguration(c -> c.rules(abortRule("ten", "", 10))));
            long filesBefore = blobFiles(SERVER);
            double openBefore = openUploads(SERVER);
            String plainId = uploadWithParts(s3, "plain", "k", 100, 200);
            uploadWithParts(s3, "ruled", "k", 50);
            CreateMultipartUploadResponse noRule = s3.createMultipartUpload(b -> b.bucket("plain").key("young"));
            assertThat(noRule.abortDate()).isNull(); // the server-wide setting is not a bucket rule
            Instant due = AbortDates.abortDate(initiated(s3, "plain", plainId), 3);

            CLOCK.set(due.plus(Duration.ofMinutes(1)));
            awaitOpenUploads(openBefore + 1); // "plain/k" and "plain/young" aborted, "ruled/k" kept
            CLOCK.reset();
            assertThat(openKeys(s3, "plain")).isEmpty();
            assertThat(openKeys(s3, "ruled")).containsExactly("k");
            assertThat(blobFiles(SERVER)).isEqualTo(filesBefore + 1);

            CLOCK.set(due.plus(Duration.ofDays(8)));
            awaitOpenUploads(openBefore);
            CLOCK.reset();
            assertThat(openKeys(s3, "ruled")).isEmpty();
            assertThat(blobFiles(SERVER)).isEqualTo(filesBefore);
        }
    }

    private static void awaitOpenUploads(double expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (openUploads(SERVER) != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(openUploads(SERVER)).isEqualTo(expected);
    }
}
