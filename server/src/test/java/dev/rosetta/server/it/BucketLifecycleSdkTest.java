package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.server.lifecycle.AbortDates;
import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.ServerFixture;
import dev.rosetta.server.testing.V4Signer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.AbortIncompleteMultipartUpload;
import software.amazon.awssdk.services.s3.model.BucketLifecycleConfiguration;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ExpirationStatus;
import software.amazon.awssdk.services.s3.model.GetBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.LifecycleExpiration;
import software.amazon.awssdk.services.s3.model.LifecycleRule;
import software.amazon.awssdk.services.s3.model.LifecycleRuleAndOperator;
import software.amazon.awssdk.services.s3.model.LifecycleRuleFilter;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionExpiration;
import software.amazon.awssdk.services.s3.model.NoncurrentVersionTransition;
import software.amazon.awssdk.services.s3.model.PutBucketLifecycleConfigurationResponse;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Transition;
import software.amazon.awssdk.services.s3.model.TransitionDefaultMinimumObjectSize;
import software.amazon.awssdk.services.s3.model.TransitionStorageClass;

/** Put/Get/DeleteBucketLifecycle(Configuration) through AWS SDK v2 and raw requests, on real sockets. */
class BucketLifecycleSdkTest {
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.lifecycleIntervalSeconds(0));

    private static S3Client s3;
    private static S3Client bob;

    @BeforeAll
    static void setUp() {
        s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE);
        bob = Clients.pathStyle(SERVER, ServerFixture.BOB);
    }

    @AfterAll
    static void tearDown() {
        s3.close();
        bob.close();
    }

    private static LifecycleRule abortRule(String id, String prefix, int days) {
        return LifecycleRule.builder().id(id).status(ExpirationStatus.ENABLED)
                .filter(LifecycleRuleFilter.builder().prefix(prefix).build())
                .abortIncompleteMultipartUpload(AbortIncompleteMultipartUpload.builder().daysAfterInitiation(days).build())
                .build();
    }

    private static void put(String bucket, LifecycleRule... rules) {
        s3.putBucketLifecycleConfiguration(b -> b.bucket(bucket)
                .lifecycleConfiguration(BucketLifecycleConfiguration.builder().rules(rules).build()));
    }

    private static S3Exception putFails(String bucket, LifecycleRule... rules) {
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> put(bucket, rules));
        assertThat(e).as("an S3 error").isNotNull();
        return e;
    }

    private static RawHttp.Response raw(String method, String target, Map<String, String> headers, byte[] body)
            throws Exception {
        String host = "127.0.0.1:" + SERVER.port();
        List<Map.Entry<String, String>> signed = V4Signer.sign(method, host, target, headers, body,
                ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(), ServerFixture.REGION, null);
        try (RawHttp http = SERVER.raw()) {
            return http.exchange(method, target, signed, body);
        }
    }

    private static Map<String, String> md5Header(byte[] body) throws Exception {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-MD5", Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(body)));
        return h;
    }

    @Test
    void aRuleSetRoundTrips() {
        s3.createBucket(b -> b.bucket("lc-round-trip"));
        LifecycleRule everything = LifecycleRule.builder().id("everything").status(ExpirationStatus.ENABLED)
                .filter(LifecycleRuleFilter.builder().and(LifecycleRuleAndOperator.builder().prefix("logs/")
                        .tags(Tag.builder().key("class").value("debug").build())
                        .objectSizeGreaterThan(1024L).build()).build())
                .transitions(Transition.builder().days(30).storageClass(TransitionStorageClass.STANDARD_IA).build(),
                        Transition.builder().days(90).storageClass(TransitionStorageClass.GLACIER).build())
                .expiration(LifecycleExpiration.builder().days(365).build())
                .noncurrentVersionTransitions(NoncurrentVersionTransition.builder().noncurrentDays(30)
                        .storageClass(TransitionStorageClass.GLACIER_IR).newerNoncurrentVersions(2).build())
                .noncurrentVersionExpiration(NoncurrentVersionExpiration.builder().noncurrentDays(60).build())
                .build();
        LifecycleRule abort = abortRule("abort-tmp", "tmp/", 7);
        LifecycleRule dated = LifecycleRule.builder().id("dated").status(ExpirationStatus.DISABLED)
                .filter(LifecycleRuleFilter.builder().tag(Tag.builder().key("k").value("v").build()).build())
                .expiration(LifecycleExpiration.builder().date(Instant.parse("2031-02-03T00:00:00Z")).build())
                .build();
        LifecycleRule noId = LifecycleRule.builder().status(ExpirationStatus.ENABLED)
                .filter(LifecycleRuleFilter.builder().build())
                .expiration(LifecycleExpiration.builder().expiredObjectDeleteMarker(true).build()).build();

        PutBucketLifecycleConfigurationResponse put = s3.putBucketLifecycleConfiguration(b -> b
                .bucket("lc-round-trip")
                .transitionDefaultMinimumObjectSize(TransitionDefaultMinimumObjectSize.VARIES_BY_STORAGE_CLASS)
                .lifecycleConfiguration(c -> c.rules(everything, abort, dated, noId)));
        assertThat(put.transitionDefaultMinimumObjectSize())
                .isEqualTo(TransitionDefaultMinimumObjectSize.VARIES_BY_STORAGE_CLASS);

        GetBucketLifecycleConfigurationResponse got =
                s3.getBucketLifecycleConfiguration(b -> b.bucket("lc-round-trip"));
        assertThat(got.transitionDefaultMinimumObjectSize())
                .isEqualTo(TransitionDefaultMinimumObjectSize.VARIES_BY_STORAGE_CLASS);
        assertThat(got.rules()).hasSize(4);
        assertThat(got.rules().subList(0, 3)).containsExactly(everything, abort, dated);
        LifecycleRule generated = got.rules().get(3);
        assertThat(generated.id()).isNotBlank();
        assertThat(generated.toBuilder().id(null).build()).isEqualTo(noId);

        // a second put replaces the whole configuration; the default transition size is S3's
        put("lc-round-trip", abortRule("only", "", 1));
        GetBucketLifecycleConfigurationResponse replaced =
                s3.getBucketLifecycleConfiguration(b -> b.bucket("lc-round-trip"));
        assertThat(replaced.rules()).containsExactly(abortRule("only", "", 1));
        assertThat(replaced.transitionDefaultMinimumObjectSize())
                .isEqualTo(TransitionDefaultMinimumObjectSize.ALL_STORAGE_CLASSES_128_K);
    }

    @Test
    void withoutAConfigurationGetIsNoSuchLifecycleConfigurationAndDeleteIs204() throws Exception {
        s3.createBucket(b -> b.bucket("lc-none"));
        S3Exception none = catchThrowableOfType(S3Exception.class,
                () -> s3.getBucketLifecycleConfiguration(b -> b.bucket("lc-none")));
        assertThat(none.statusCode()).isEqualTo(404);
        assertThat(none.awsErrorDetails().errorCode()).isEqualTo("NoSuchLifecycleConfiguration");
        RawHttp.Response raw = raw("GET", "/lc-none?lifecycle", Map.of(), null);
        assertThat(raw.status()).isEqualTo(404);
        assertThat(raw.xmlElement("Code")).isEqualTo("NoSuchLifecycleConfiguration");
        assertThat(raw.xmlElement("BucketName")).isEqualTo("lc-none");

        assertThat(s3.deleteBucketLifecycle(b -> b.bucket("lc-none")).sdkHttpResponse().statusCode()).isEqualTo(204);
        put("lc-none", abortRule("r", "", 3));
        assertThat(s3.getBucketLifecycleConfiguration(b -> b.bucket("lc-none")).rules()).hasSize(1);
        assertThat(s3.deleteBucketLifecycle(b -> b.bucket("lc-none")).sdkHttpResponse().statusCode()).isEqualTo(204);
        assertThat(catchThrowableOfType(S3Exception.class,
                () -> s3.getBucketLifecycleConfiguration(b -> b.bucket("lc-none"))).statusCode()).isEqualTo(404);

        S3Exception noBucket = catchThrowableOfType(S3Exception.class,
                () -> s3.getBucketLifecycleConfiguration(b -> b.bucket("lc-missing")));
        assertThat(noBucket.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
        S3Exception denied = catchThrowableOfType(S3Exception.class,
                () -> bob.putBucketLifecycleConfiguration(b -> b.bucket("lc-none")
                        .lifecycleConfiguration(c -> c.rules(abortRule("r", "", 3)))));
        assertThat(denied.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
    }

    @Test
    void invalidRulesAreRefusedAsS3RefusesThem() {
        s3.createBucket(b -> b.bucket("lc-invalid"));
        S3Exception dup = putFails("lc-invalid", abortRule("same", "a/", 1), abortRule("same", "b/", 1));
        assertThat(dup.statusCode()).isEqualTo(400);
        assertThat(dup.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
        assertThat(dup.awsErrorDetails().errorMessage())
                .isEqualTo("Rule ID must be unique. Found same ID for more than one rule");

        S3Exception longId = putFails("lc-invalid", abortRule("x".repeat(256), "", 1));
        assertThat(longId.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");

        S3Exception zero = putFails("lc-invalid", abortRule("zero", "", 0));
        assertThat(zero.awsErrorDetails().errorCode()).isEqualTo("InvalidArgument");
        assertThat(zero.awsErrorDetails().errorMessage())
                .contains("'DaysAfterInitiation' for AbortIncompleteMultipartUpload action must be a positive integer");

        S3Exception noAction = putFails("lc-invalid", LifecycleRule.builder().id("idle")
                .status(ExpirationStatus.ENABLED).filter(LifecycleRuleFilter.builder().prefix("").build()).build());
        assertThat(noAction.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");

        S3Exception tags = putFails("lc-invalid", abortRule("t", "", 3).toBuilder()
                .filter(LifecycleRuleFilter.builder().tag(Tag.builder().key("k").value("v").build()).build()).build());
        assertThat(tags.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
        assertThat(tags.awsErrorDetails().errorMessage())
                .isEqualTo("AbortIncompleteMultipartUpload cannot be specified with Tags.");

        List<LifecycleRule> many = new ArrayList<>();
        for (int i = 0; i <= 1000; i++) {
            many.add(abortRule("r" + i, "p" + i + "/", 1));
        }
        S3Exception tooMany = putFails("lc-invalid", many.toArray(LifecycleRule[]::new));
        assertThat(tooMany.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
        put("lc-invalid", many.subList(0, 1000).toArray(LifecycleRule[]::new));
        assertThat(s3.getBucketLifecycleConfiguration(b -> b.bucket("lc-invalid")).rules()).hasSize(1000);
    }

    @Test
    void rawBodiesNeedAnIntegrityHeaderAndWellFormedXml() throws Exception {
        s3.createBucket(b -> b.bucket("lc-raw"));
        byte[] body = ("<LifecycleConfiguration><Rule><ID>r</ID><Filter><Prefix>tmp/</Prefix></Filter>"
                + "<Status>Enabled</Status><AbortIncompleteMultipartUpload><DaysAfterInitiation>2"
                + "</DaysAfterInitiation></AbortIncompleteMultipartUpload></Rule></LifecycleConfiguration>")
                .getBytes(StandardCharsets.UTF_8);

        RawHttp.Response noMd5 = raw("PUT", "/lc-raw?lifecycle", Map.of(), body);
        assertThat(noMd5.status()).isEqualTo(400);
        assertThat(noMd5.xmlElement("Code")).isEqualTo("InvalidRequest");
        assertThat(noMd5.xmlElement("Message")).isEqualTo("Missing required header for this request: Content-MD5");

        RawHttp.Response badMd5 = raw("PUT", "/lc-raw?lifecycle",
                Map.of("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg=="), body);
        assertThat(badMd5.status()).isEqualTo(400);
        assertThat(badMd5.xmlElement("Code")).isEqualTo("BadDigest");

        byte[] broken = "<LifecycleConfiguration><Rule>".getBytes(StandardCharsets.UTF_8);
        RawHttp.Response malformed = raw("PUT", "/lc-raw?lifecycle", md5Header(broken), broken);
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.xmlElement("Code")).isEqualTo("MalformedXML");

        byte[] legacyAndV2 = ("<LifecycleConfiguration><Rule><ID>a</ID><Prefix>x/</Prefix><Status>Enabled</Status>"
                + "<Expiration><Days>1</Days></Expiration></Rule><Rule><ID>b</ID><Filter/><Status>Enabled</Status>"
                + "<Expiration><Days>1</Days></Expiration></Rule></LifecycleConfiguration>")
                .getBytes(StandardCharsets.UTF_8);
        RawHttp.Response mixed = raw("PUT", "/lc-raw?lifecycle", md5Header(legacyAndV2), legacyAndV2);
        assertThat(mixed.status()).isEqualTo(400);
        assertThat(mixed.xmlElement("Code")).isEqualTo("InvalidRequest");

        // the SDK refuses to send a rule without Status; S3's schema makes it MalformedXML
        byte[] noStatus = ("<LifecycleConfiguration><Rule><ID>r</ID><Filter/><AbortIncompleteMultipartUpload>"
                + "<DaysAfterInitiation>2</DaysAfterInitiation></AbortIncompleteMultipartUpload></Rule>"
                + "</LifecycleConfiguration>").getBytes(StandardCharsets.UTF_8);
        assertThat(raw("PUT", "/lc-raw?lifecycle", md5Header(noStatus), noStatus).xmlElement("Code"))
                .isEqualTo("MalformedXML");

        Map<String, String> badDefault = md5Header(body);
        badDefault.put("x-amz-transition-default-minimum-object-size", "tiny");
        assertThat(raw("PUT", "/lc-raw?lifecycle", badDefault, body).xmlElement("Code")).isEqualTo("InvalidArgument");

        RawHttp.Response ok = raw("PUT", "/lc-raw?lifecycle", md5Header(body), body);
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("x-amz-transition-default-minimum-object-size")).isEqualTo("all_storage_classes_128K");
        RawHttp.Response got = raw("GET", "/lc-raw?lifecycle", Map.of(), null);
        assertThat(got.status()).isEqualTo(200);
        assertThat(got.bodyText()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<LifecycleConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Rule><ID>r</ID>"
                + "<Filter><Prefix>tmp/</Prefix></Filter><Status>Enabled</Status><AbortIncompleteMultipartUpload>"
                + "<DaysAfterInitiation>2</DaysAfterInitiation></AbortIncompleteMultipartUpload></Rule>"
                + "</LifecycleConfiguration>");
    }

    @Test
    void initiateAnswersTheAbortDateAndRuleWhenABucketRuleApplies() {
        s3.createBucket(b -> b.bucket("lc-initiate"));
        put("lc-initiate", abortRule("tmp-rule", "tmp/", 3),
                abortRule("disabled", "off/", 1).toBuilder().status(ExpirationStatus.DISABLED).build(),
                abortRule("catch-all", "", 10));
        CreateMultipartUploadResponse tmp = s3.createMultipartUpload(b -> b.bucket("lc-initiate").key("tmp/a"));
        CreateMultipartUploadResponse off = s3.createMultipartUpload(b -> b.bucket("lc-initiate").key("off/b"));
        MultipartUpload listed = s3.listMultipartUploads(b -> b.bucket("lc-initiate").prefix("tmp/")).uploads().get(0);

        assertThat(tmp.abortRuleId()).isEqualTo("tmp-rule");
        assertThat(tmp.abortDate()).isEqualTo(AbortDates.abortDate(listed.initiated(), 3));
        assertThat(tmp.abortDate().getEpochSecond() % 86_400).isZero(); // midnight UTC, as S3 rounds
        assertThat(off.abortRuleId()).isEqualTo("catch-all"); // the disabled rule does not apply

        s3.createBucket(b -> b.bucket("lc-initiate-none"));
        CreateMultipartUploadResponse plain = s3.createMultipartUpload(b -> b.bucket("lc-initiate-none").key("k"));
        assertThat(plain.abortDate()).isNull();
        assertThat(plain.abortRuleId()).isNull();
    }
}
