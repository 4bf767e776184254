package dev.rosetta.server.lifecycle;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.model.BucketLifecycle;
import dev.rosetta.protocol.model.LifecycleRule;
import dev.rosetta.protocol.xml.S3Time;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.MultipartUpload;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * When an incomplete multipart upload is due to be aborted. As S3 documents for lifecycle actions, the
 * time is the initiation plus the rule's days, rounded up to the next midnight UTC; the server-wide
 * setting ({@code abortIncompleteUploadsAfterDays}) is counted the same way.
 */
public final class AbortDates {
    private AbortDates() {
    }

    /** {@code initiated + days}, rounded up to midnight UTC (a time exactly at midnight stays). */
    public static Instant abortDate(Instant initiated, int days) {
        Instant t = initiated.plus(Duration.ofDays(days));
        Instant midnight = t.truncatedTo(ChronoUnit.DAYS);
        return midnight.equals(t) ? t : midnight.plus(1, ChronoUnit.DAYS);
    }

    /** The bucket rule that will abort an upload of {@code key}, if any. */
    public static Optional<LifecycleRule> bucketRuleFor(BucketRecord bucket, String key) {
        BucketLifecycle lifecycle = bucket.lifecycle();
        return lifecycle == null ? Optional.empty() : lifecycle.abortRuleFor(key);
    }

    /**
     * Adds S3's {@code x-amz-abort-date} and {@code x-amz-abort-rule-id} (in the dialect's header family)
     * to a response about {@code upload} when a rule of its bucket will abort it; nothing otherwise.
     */
    public static void addHeaders(S3Response response, Dialect dialect, BucketRecord bucket, MultipartUpload upload) {
        bucketRuleFor(bucket, upload.key()).ifPresent(rule -> {
            response.header(dialect.header("abort-date"),
                    S3Time.rfc1123(abortDate(upload.initiated(), rule.abortIncompleteMultipartUploadDays())));
            response.header(dialect.header("abort-rule-id"), rule.id());
        });
    }
}
