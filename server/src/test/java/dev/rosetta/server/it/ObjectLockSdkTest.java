package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.MutableClock;
import dev.rosetta.server.testing.ServerFixture;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.DeleteObjectsResponse;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.ObjectLockLegalHoldStatus;
import software.amazon.awssdk.services.s3.model.ObjectLockMode;
import software.amazon.awssdk.services.s3.model.ObjectLockRetentionMode;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.model.Tag;

/**
 * Object lock (WORM), with the AWS SDK v2: buckets created with object lock, default retention, retention and legal
 * hold from the object-lock headers of a multipart upload and from Put/GetObjectRetention and LegalHold, the
 * refusals S3 gives (every one storing nothing), GOVERNANCE bypass, abort of a locked upload, and the lifecycle
 * Expiration rules the expirer applies, with a simulated clock.
 */
class ObjectLockSdkTest {
    static final MutableClock CLOCK = new MutableClock();
    static final int PART = 5 * 1024;

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.lifecycleIntervalSeconds(0).minPartSize(PART))
            .withClock(CLOCK);

    static S3Client s3;

    @BeforeAll
    static void client() {
        s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE);
    }

    @AfterAll
    static void close() {
        s3.close();
    }

    @AfterEach
    void resetClock() {
        CLOCK.reset();
    }

    static void assertS3Error(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        });
    }

    static void assertS3Error(Runnable call, int status, String code, String message) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).as(e.getMessage()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    static String lockedBucket(String name) {
        s3.createBucket(b -> b.bucket(name).objectLockEnabledForBucket(true));
        return name;
    }

    /** Initiate with {@code request}, two parts, complete: returns the completed object's ETag. */
    static String multipart(String bucket, String key, Consumer<CreateMultipartUploadRequest.Builder> request) {
        String id = s3.createMultipartUpload(b -> {
            b.bucket(bucket).key(key);
            request.accept(b);
        }).uploadId();
        String e1 = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(1),
                RequestBody.fromBytes(new byte[PART])).eTag();
        String e2 = s3.uploadPart(b -> b.bucket(bucket).key(key).uploadId(id).partNumber(2),
                RequestBody.fromBytes(new byte[10])).eTag();
        return s3.completeMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id).multipartUpload(m -> m.parts(
                CompletedPart.builder().partNumber(1).eTag(e1).build(),
                CompletedPart.builder().partNumber(2).eTag(e2).build()))).eTag();
    }

    static List<String> keys(String bucket) {
        return s3.listObjectsV2(b -> b.bucket(bucket)).contents().stream().map(S3Object::key).toList();
    }

    @Test
    void complianceRetentionAndLegalHoldFromTheHeadersOfAMultipartUpload() {
        String bucket = lockedBucket("lock-compliance");
        Instant until = Instant.now().plus(Duration.ofDays(2)).truncatedTo(ChronoUnit.SECONDS);
        String etag = multipart(bucket, "doc", b -> b.objectLockMode(ObjectLockMode.COMPLIANCE)
                .objectLockRetainUntilDate(until).objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON));

        HeadObjectResponse head = s3.headObject(b -> b.bucket(bucket).key("doc"));
        assertThat(head.objectLockMode()).isEqualTo(ObjectLockMode.COMPLIANCE);
        assertThat(head.objectLockRetainUntilDate()).isEqualTo(until);
        assertThat(head.objectLockLegalHoldStatus()).isEqualTo(ObjectLockLegalHoldStatus.ON);
        assertThat(s3.getObjectRetention(b -> b.bucket(bucket).key("doc")).retention().retainUntilDate())
                .isEqualTo(until);
        assertThat(s3.getObjectLegalHold(b -> b.bucket(bucket).key("doc")).legalHold().status())
                .isEqualTo(ObjectLockLegalHoldStatus.ON);

        // neither delete nor overwrite, by any means, even with the bypass header
        String denied = "Access Denied because object protected by object lock.";
        assertS3Error(() -> s3.deleteObject(b -> b.bucket(bucket).key("doc")), 403, "AccessDenied", denied);
        assertS3Error(() -> s3.deleteObject(b -> b.bucket(bucket).key("doc").bypassGovernanceRetention(true)), 403,
                "AccessDenied");
        assertS3Error(() -> s3.putObject(b -> b.bucket(bucket).key("doc"), RequestBody.fromString("new")), 403,
                "AccessDenied");
        assertS3Error(() -> s3.copyObject(b -> b.sourceBucket(bucket).sourceKey("doc").destinationBucket(bucket)
                .destinationKey("doc").metadataDirective("REPLACE")), 403, "AccessDenied");
        assertS3Error(() -> multipart(bucket, "doc", b -> { }), 403, "AccessDenied");
        DeleteObjectsResponse many = s3.deleteObjects(b -> b.bucket(bucket).delete(d -> d.objects(
                o -> o.key("doc"), o -> o.key("absent"))));
        assertThat(many.deleted()).extracting(d -> d.key()).containsExactly("absent");
        assertThat(many.errors()).singleElement().satisfies(e -> {
            assertThat(e.key()).isEqualTo("doc");
            assertThat(e.code()).isEqualTo("AccessDenied");
        });
        assertThat(s3.headObject(b -> b.bucket(bucket).key("doc")).eTag()).isEqualTo(etag);
        // the refused multipart upload is still there, and can be aborted
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).hasSize(1);
        s3.listMultipartUploads(b -> b.bucket(bucket)).uploads().forEach(u -> s3.abortMultipartUpload(
                b -> b.bucket(bucket).key(u.key()).uploadId(u.uploadId())));

        // COMPLIANCE: no shortening, no change to GOVERNANCE, even by the owner with the bypass; extending is fine
        assertS3Error(() -> s3.putObjectRetention(b -> b.bucket(bucket).key("doc").bypassGovernanceRetention(true)
                .retention(r -> r.mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(until.minusSeconds(60)))),
                403, "AccessDenied");
        assertS3Error(() -> s3.putObjectRetention(b -> b.bucket(bucket).key("doc").retention(r -> r
                .mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(until.plusSeconds(60)))), 403, "AccessDenied");
        Instant later = until.plus(Duration.ofDays(1));
        s3.putObjectRetention(b -> b.bucket(bucket).key("doc").retention(r -> r
                .mode(ObjectLockRetentionMode.COMPLIANCE).retainUntilDate(later)));
        assertThat(s3.getObjectRetention(b -> b.bucket(bucket).key("doc")).retention().retainUntilDate())
                .isEqualTo(later);
        assertThat(s3.headObject(b -> b.bucket(bucket).key("doc")).eTag()).isEqualTo(etag); // metadata-only rewrite

        // past the date the legal hold alone still protects it, until it is released
        CLOCK.set(later.plusSeconds(1));
        assertS3Error(() -> s3.deleteObject(b -> b.bucket(bucket).key("doc")), 403, "AccessDenied");
        CLOCK.reset();
        s3.putObjectLegalHold(b -> b.bucket(bucket).key("doc").legalHold(h -> h.status(ObjectLockLegalHoldStatus.OFF)));
        assertThat(s3.getObjectLegalHold(b -> b.bucket(bucket).key("doc")).legalHold().status())
                .isEqualTo(ObjectLockLegalHoldStatus.OFF);
        assertS3Error(() -> s3.deleteObject(b -> b.bucket(bucket).key("doc")), 403, "AccessDenied"); // the date
        CLOCK.set(later.plusSeconds(1));
        s3.deleteObject(b -> b.bucket(bucket).key("doc"));
        CLOCK.reset();
        assertThat(keys(bucket)).isEmpty();
    }

    @Test
    void lockConfigurationDocuments() {
        String bucket = lockedBucket("lock-config");
        assertThat(s3.getObjectLockConfiguration(b -> b.bucket(bucket)).objectLockConfiguration().objectLockEnabled()
                .toString()).isEqualTo("Enabled");
        s3.putObjectLockConfiguration(b -> b.bucket(bucket).objectLockConfiguration(c -> c.objectLockEnabled("Enabled")
                .rule(r -> r.defaultRetention(d -> d.mode(ObjectLockRetentionMode.GOVERNANCE).days(1)))));
        var config = s3.getObjectLockConfiguration(b -> b.bucket(bucket)).objectLockConfiguration();
        assertThat(config.rule().defaultRetention().mode()).isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
        assertThat(config.rule().defaultRetention().days()).isEqualTo(1);
        assertThat(config.rule().defaultRetention().years()).isNull();

        // a bucket created without object lock: no configuration, and none can be set
        s3.createBucket(b -> b.bucket("lock-none"));
        assertS3Error(() -> s3.getObjectLockConfiguration(b -> b.bucket("lock-none")), 404,
                "ObjectLockConfigurationNotFoundError");
        assertS3Error(() -> s3.putObjectLockConfiguration(b -> b.bucket("lock-none").objectLockConfiguration(c -> c
                .objectLockEnabled("Enabled"))), 409, "InvalidBucketState");
        assertS3Error(() -> s3.putObjectLockConfiguration(b -> b.bucket(bucket).objectLockConfiguration(c -> c
                .objectLockEnabled("Enabled").rule(r -> r.defaultRetention(d -> d
                        .mode(ObjectLockRetentionMode.GOVERNANCE).days(0))))), 400, "InvalidArgument");
        assertThat(s3.getObjectLockConfiguration(b -> b.bucket(bucket)).objectLockConfiguration().rule()
                .defaultRetention().days()).isEqualTo(1); // unchanged by the refusal

        // the default applies to objects written without lock headers, from their creation
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        s3.putObject(b -> b.bucket(bucket).key("gov"), RequestBody.fromString("governed"));
        var retention = s3.getObjectRetention(b -> b.bucket(bucket).key("gov")).retention();
        assertThat(retention.mode()).isEqualTo(ObjectLockRetentionMode.GOVERNANCE);
        assertThat(retention.retainUntilDate()).isBetween(before.plus(Duration.ofDays(1)),
                Instant.now().plus(Duration.ofDays(1)));
        assertS3Error(() -> s3.getObjectLegalHold(b -> b.bucket(bucket).key("gov")), 404,
                "NoSuchObjectLockConfiguration");

        // GOVERNANCE: the owner may delete with the bypass header, not without
        assertS3Error(() -> s3.deleteObject(b -> b.bucket(bucket).key("gov")), 403, "AccessDenied");
        assertS3Error(() -> s3.putObjectRetention(b -> b.bucket(bucket).key("gov").retention(r -> r
                .mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(Instant.now().plusSeconds(60)))), 403,
                "AccessDenied");
        s3.deleteObject(b -> b.bucket(bucket).key("gov").bypassGovernanceRetention(true));
        assertThat(keys(bucket)).isEmpty();

        // explicit headers win over the default; removing the rule removes the default
        s3.putObject(b -> b.bucket(bucket).key("held").objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON),
                RequestBody.fromString("x"));
        assertThat(s3.headObject(b -> b.bucket(bucket).key("held")).objectLockMode())
                .isEqualTo(ObjectLockMode.GOVERNANCE); // hold sent, no retention: the default retention applies
        s3.putObjectLockConfiguration(b -> b.bucket(bucket).objectLockConfiguration(c -> c.objectLockEnabled("Enabled")));
        assertThat(s3.getObjectLockConfiguration(b -> b.bucket(bucket)).objectLockConfiguration().rule()).isNull();
        s3.putObject(b -> b.bucket(bucket).key("free"), RequestBody.fromString("x"));
        assertThat(s3.headObject(b -> b.bucket(bucket).key("free")).objectLockMode()).isNull();
        s3.deleteObject(b -> b.bucket(bucket).key("free"));
        s3.putObjectLegalHold(b -> b.bucket(bucket).key("held").legalHold(h -> h.status(ObjectLockLegalHoldStatus.OFF)));
        s3.deleteObject(b -> b.bucket(bucket).key("held").bypassGovernanceRetention(true));
    }

    @Test
    void refusalsStoreNothing() {
        String bucket = lockedBucket("lock-refusals");
        s3.createBucket(b -> b.bucket("lock-plain"));
        Instant future = Instant.now().plus(Duration.ofDays(1));
        // lock headers on a bucket without object lock
        assertS3Error(() -> s3.putObject(b -> b.bucket("lock-plain").key("k").objectLockMode(ObjectLockMode.GOVERNANCE)
                .objectLockRetainUntilDate(future), RequestBody.fromString("x")), 400, "InvalidRequest",
                "Bucket is missing Object Lock Configuration");
        assertS3Error(() -> s3.createMultipartUpload(b -> b.bucket("lock-plain").key("k")
                .objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON)), 400, "InvalidRequest",
                "Bucket is missing Object Lock Configuration");
        assertS3Error(() -> s3.putObjectRetention(b -> b.bucket("lock-plain").key("k").retention(r -> r
                .mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(future))), 400, "InvalidRequest");
        // mode without date, a date in the past
        assertS3Error(() -> s3.createMultipartUpload(b -> b.bucket(bucket).key("k")
                .objectLockMode(ObjectLockMode.GOVERNANCE)), 400, "InvalidArgument");
        assertS3Error(() -> s3.createMultipartUpload(b -> b.bucket(bucket).key("k")
                .objectLockMode(ObjectLockMode.COMPLIANCE).objectLockRetainUntilDate(Instant.now().minusSeconds(5))),
                400, "InvalidArgument", "The retain until date must be in the future!");
        assertS3Error(() -> s3.putObject(b -> b.bucket(bucket).key("k").objectLockMode(ObjectLockMode.COMPLIANCE)
                .objectLockRetainUntilDate(Instant.now().minusSeconds(5)), RequestBody.fromString("x")), 400,
                "InvalidArgument");
        assertThat(keys(bucket)).isEmpty();
        assertThat(keys("lock-plain")).isEmpty();
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
        assertThat(s3.listMultipartUploads(b -> b.bucket("lock-plain")).uploads()).isEmpty();
        // retention of a missing object, retention in the past
        assertS3Error(() -> s3.getObjectRetention(b -> b.bucket(bucket).key("k")), 404, "NoSuchKey");
        s3.putObject(b -> b.bucket(bucket).key("k"), RequestBody.fromString("x"));
        assertS3Error(() -> s3.getObjectRetention(b -> b.bucket(bucket).key("k")), 404,
                "NoSuchObjectLockConfiguration");
        assertS3Error(() -> s3.putObjectRetention(b -> b.bucket(bucket).key("k").retention(r -> r
                .mode(ObjectLockRetentionMode.GOVERNANCE).retainUntilDate(Instant.now().minusSeconds(5)))), 400,
                "InvalidArgument");
        assertS3Error(() -> s3.getObjectRetention(b -> b.bucket(bucket).key("k")), 404,
                "NoSuchObjectLockConfiguration");
        s3.deleteObject(b -> b.bucket(bucket).key("k"));
    }

    @Test
    void lockedMultipartUploadCanBeAbortedBeforeCompletion() {
        String bucket = lockedBucket("lock-abort");
        String id = s3.createMultipartUpload(b -> b.bucket(bucket).key("k").objectLockMode(ObjectLockMode.COMPLIANCE)
                .objectLockRetainUntilDate(Instant.now().plus(Duration.ofDays(30)))).uploadId();
        s3.uploadPart(b -> b.bucket(bucket).key("k").uploadId(id).partNumber(1), RequestBody.fromBytes(new byte[3]));
        s3.abortMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(id));
        assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
        assertThat(keys(bucket)).isEmpty();
    }

    @Test
    void lifecycleExpirationRulesDeleteWhatTheySelectAndSpareLockedObjects() {
        String bucket = lockedBucket("lock-lifecycle");
        s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket).lifecycleConfiguration(c -> c.rules(
                LifecycleRule.builder().id("tmp").status(ExpirationStatus.ENABLED)
                        .filter(LifecycleRuleFilter.builder().prefix("tmp/").build())
                        .expiration(LifecycleExpiration.builder().days(1).build()).build(),
                LifecycleRule.builder().id("tagged").status(ExpirationStatus.ENABLED)
                        .filter(LifecycleRuleFilter.builder().tag(Tag.builder().key("t").value("1").build()).build())
                        .expiration(LifecycleExpiration.builder().days(2).build()).build())));
        s3.putObject(b -> b.bucket(bucket).key("tmp/a"), RequestBody.fromString("a"));
        s3.putObject(b -> b.bucket(bucket).key("tmp/locked").objectLockLegalHoldStatus(ObjectLockLegalHoldStatus.ON),
                RequestBody.fromString("b"));
        s3.putObject(b -> b.bucket(bucket).key("keep/b"), RequestBody.fromString("c"));
        s3.putObject(b -> b.bucket(bucket).key("keep/tagged").tagging("t=1"), RequestBody.fromString("d"));
        Instant written = s3.headObject(b -> b.bucket(bucket).key("tmp/a")).lastModified();

        // not before midnight after one day
        Instant dueTmp = written.plus(Duration.ofDays(1)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofDays(1));
        CLOCK.set(dueTmp.minusSeconds(60));
        assertThat(SERVER.server().runExpiry().lifecycleExpired()).isZero();
        CLOCK.set(dueTmp.plusSeconds(1));
        assertThat(SERVER.server().runExpiry().lifecycleExpired()).isEqualTo(1);
        CLOCK.reset();
        assertThat(keys(bucket)).containsExactly("keep/b", "keep/tagged", "tmp/locked");
        CLOCK.set(dueTmp.plus(Duration.ofDays(1)).plusSeconds(1));
        assertThat(SERVER.server().runExpiry().lifecycleExpired()).isEqualTo(1);
        CLOCK.reset();
        assertThat(keys(bucket)).containsExactly("keep/b", "tmp/locked");
        s3.putObjectLegalHold(b -> b.bucket(bucket).key("tmp/locked")
                .legalHold(h -> h.status(ObjectLockLegalHoldStatus.OFF)));
        CLOCK.set(dueTmp.plus(Duration.ofDays(1)).plusSeconds(1));
        assertThat(SERVER.server().runExpiry().lifecycleExpired()).isEqualTo(1);
        CLOCK.reset();
        assertThat(keys(bucket)).containsExactly("keep/b");
    }
}
