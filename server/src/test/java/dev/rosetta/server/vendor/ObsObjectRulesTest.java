package dev.rosetta.server.vendor;

import static dev.rosetta.server.testing.RecordingProxy.is;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obs.services.ObsClient;
import com.obs.services.exception.ObsException;
import com.obs.services.model.CompleteMultipartUploadRequest;
import com.obs.services.model.CreateBucketRequest;
import com.obs.services.model.InitiateMultipartUploadRequest;
import com.obs.services.model.ObjectMetadata;
import com.obs.services.model.PartEtag;
import com.obs.services.model.PutObjectRequest;
import com.obs.services.model.StorageClassEnum;
import com.obs.services.model.UploadPartRequest;
import com.obs.services.model.objectlock.DefaultRetention;
import com.obs.services.model.objectlock.GetObjectLockConfigurationRequest;
import com.obs.services.model.objectlock.ObjectLockConfiguration;
import com.obs.services.model.objectlock.ObjectLockRule;
import com.obs.services.model.objectlock.ObjectRetention;
import com.obs.services.model.objectlock.SetObjectLockConfigurationRequest;
import com.obs.services.model.objectlock.SetObjectRetentionRequest;
import dev.rosetta.server.config.EndpointConfig;
import dev.rosetta.server.testing.MutableClock;
import dev.rosetta.server.testing.RecordingProxy;
import dev.rosetta.server.testing.ServerFixture;
import dev.rosetta.server.vendor.ObsSdkTest.Mode;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The OBS rules for objects, with the Huawei OBS SDK (native {@code OBS} signing and its S3 mode, {@code V2}):
 * the bucket's default storage class from CreateBucket, WORM ({@code x-obs-bucket-object-lock-enabled},
 * {@code x-obs-object-lock-mode: COMPLIANCE} with its date, retention and configuration calls), {@code x-obs-expires}
 * deleting objects after a simulated clock advance, also across a restart, the website redirect, and the 8 KB
 * metadata limit. Each upload is initiated with the headers, uploaded in parts and completed; the effect is checked
 * on the wire in the mode's header names.
 */
class ObsObjectRulesTest {
    static final MutableClock CLOCK = new MutableClock();
    static final int PART = 5 * 1024;

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.lifecycleIntervalSeconds(0).minPartSize(PART)
            .endpoints(List.of(EndpointConfig.of(ObsSdkTest.SUFFIX, "OBS", ObsSdkTest.OBS_SDK_V4_REGION))))
            .withClock(CLOCK);

    @BeforeAll
    static void startProxy() {
        VendorHttp.quietSdkLogs();
        ObsSdkTest.proxy = new RecordingProxy(SERVER.port());
    }

    @AfterAll
    static void stopProxy() {
        ObsSdkTest.proxy.close();
    }

    @AfterEach
    void resetClock() throws Exception {
        CLOCK.reset();
    }

    static RecordingProxy proxy() {
        return ObsSdkTest.proxy;
    }

    static String newBucket(ObsClient obs, Consumer<CreateBucketRequest> settings) {
        String bucket = "obs-rules-" + UUID.randomUUID().toString().substring(0, 8);
        CreateBucketRequest create = new CreateBucketRequest(bucket);
        settings.accept(create);
        obs.createBucket(create);
        return bucket;
    }

    /** Initiate (with the request's headers), two parts, complete. */
    static void multipart(ObsClient obs, String bucket, String key, Consumer<InitiateMultipartUploadRequest> headers) {
        InitiateMultipartUploadRequest initiate = new InitiateMultipartUploadRequest(bucket, key);
        headers.accept(initiate);
        String id = obs.initiateMultipartUpload(initiate).getUploadId();
        String e1 = uploadPart(obs, bucket, key, id, 1, PART);
        String e2 = uploadPart(obs, bucket, key, id, 2, 7);
        obs.completeMultipartUpload(new CompleteMultipartUploadRequest(bucket, key, id,
                new java.util.ArrayList<>(List.of(new PartEtag(e1, 1), new PartEtag(e2, 2)))));
    }

    static String uploadPart(ObsClient obs, String bucket, String key, String id, int number, int size) {
        UploadPartRequest part = new UploadPartRequest(bucket, key);
        part.setUploadId(id);
        part.setPartNumber(number);
        part.setInput(new ByteArrayInputStream(new byte[size]));
        part.setPartSize((long) size);
        return obs.uploadPart(part).getEtag();
    }

    /** The raw answer to a HEAD of the object. */
    static RawHeaders head(ObsClient obs, String bucket, String key) {
        proxy().clear();
        obs.getObjectMetadata(bucket, key);
        return new RawHeaders(proxy().only(is("HEAD", null)));
    }

    record RawHeaders(RecordingProxy.Exchange exchange) {
        String get(String name) {
            return exchange.response().header(name);
        }
    }

    static void assertObsError(Runnable call, int status, String code) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(ObsException.class, e -> {
            assertThat(e.getResponseCode()).as(e.toString()).isEqualTo(status);
            assertThat(e.getErrorCode()).isEqualTo(code);
        });
    }

    @Test
    void wormBucketWithADefaultClassAndALockedMultipartObject() throws Exception {
        ObsClient obs = ObsSdkTest.client(Mode.NATIVE);
        try {
            String bucket = newBucket(obs, c -> {
                c.setBucketStorageClass(StorageClassEnum.WARM);
                c.addUserHeaders("x-obs-bucket-object-lock-enabled", "true");
            });
            RecordingProxy.Exchange create = proxy().last(is("PUT", null));
            assertThat(create.request().header("x-obs-storage-class")).isEqualTo("WARM");
            assertThat(obs.getBucketMetadata(new com.obs.services.model.BucketMetadataInfoRequest(bucket))
                    .getBucketStorageClass()).isEqualTo(StorageClassEnum.WARM);

            Instant until = Instant.now().plus(Duration.ofDays(3)).truncatedTo(ChronoUnit.SECONDS);
            multipart(obs, bucket, "worm.bin", i -> {
                ObjectMetadata metadata = new ObjectMetadata();
                metadata.addUserMetadata("colour", "blue");
                i.setMetadata(metadata);
                i.setWebSiteRedirectLocation("/elsewhere.html");
                i.addUserHeaders("x-obs-object-lock-mode", "COMPLIANCE");
                i.addUserHeaders("x-obs-object-lock-retain-until-date", until.toString());
            });
            RecordingProxy.Exchange initiated = proxy().last(is("POST", "uploads"));
            assertThat(initiated.request().header("x-obs-object-lock-mode")).isEqualTo("COMPLIANCE");
            assertThat(initiated.request().header("x-obs-storage-class")).isNull(); // the bucket's default applies

            RawHeaders head = head(obs, bucket, "worm.bin");
            assertThat(head.get("x-obs-storage-class")).isEqualTo("WARM");
            assertThat(head.get("x-obs-meta-colour")).isEqualTo("blue");
            assertThat(head.get("x-obs-website-redirect-location")).isEqualTo("/elsewhere.html");
            assertThat(head.get("x-obs-object-lock-mode")).isEqualTo("COMPLIANCE");
            assertThat(Instant.parse(head.get("x-obs-object-lock-retain-until-date"))).isEqualTo(until);
            assertThat(head.get("x-amz-storage-class")).isNull();
            assertThat(obs.getObjectMetadata(bucket, "worm.bin").getObjectStorageClass())
                    .isEqualTo(StorageClassEnum.WARM);

            // under retention: no delete, no overwrite, and the old object stays
            assertObsError(() -> obs.deleteObject(bucket, "worm.bin"), 403, "AccessDenied");
            assertObsError(() -> obs.putObject(bucket, "worm.bin", new ByteArrayInputStream(new byte[3])), 403,
                    "AccessDenied");
            assertThat(obs.getObjectMetadata(bucket, "worm.bin").getContentLength()).isEqualTo(PART + 7);

            // OBS's retention call (the date in milliseconds): extend yes, shorten no; OBS has no GOVERNANCE
            long later = until.plus(Duration.ofDays(1)).toEpochMilli();
            obs.setObjectRetention(new SetObjectRetentionRequest(bucket, "worm.bin",
                    new ObjectRetention("COMPLIANCE", later)));
            assertThat(Instant.parse(head(obs, bucket, "worm.bin").get("x-obs-object-lock-retain-until-date")))
                    .isEqualTo(Instant.ofEpochMilli(later));
            assertObsError(() -> obs.setObjectRetention(new SetObjectRetentionRequest(bucket, "worm.bin",
                    new ObjectRetention("COMPLIANCE", until.toEpochMilli()))), 403, "AccessDenied");
            assertObsError(() -> obs.setObjectRetention(new SetObjectRetentionRequest(bucket, "worm.bin",
                    new ObjectRetention("GOVERNANCE", later + 1000))), 400, "MalformedXML");

            // bucket default retention through the SDK's configuration calls
            obs.setObjectLockConfiguration(new SetObjectLockConfigurationRequest(bucket, new ObjectLockConfiguration(
                    "Enabled", new ObjectLockRule(new DefaultRetention("COMPLIANCE", 1, null)))));
            ObjectLockConfiguration config = obs.getObjectLockConfiguration(
                    new GetObjectLockConfigurationRequest(bucket)).getObjectLockConfiguration();
            assertThat(config.getObjectLockEnabled()).isEqualTo("Enabled");
            assertThat(config.getRule().getDefaultRetention().getDays()).isEqualTo(1);
            obs.putObject(bucket, "defaulted", new ByteArrayInputStream(new byte[1]));
            assertThat(head(obs, bucket, "defaulted").get("x-obs-object-lock-mode")).isEqualTo("COMPLIANCE");
            assertObsError(() -> obs.deleteObject(bucket, "defaulted"), 403, "AccessDenied");

        } finally {
            obs.close();
        }
    }

    @Test
    void obsModeWithoutObjectLockRefusesTheHeadersAndStoresNothing() throws Exception {
        ObsClient obs = ObsSdkTest.client(Mode.NATIVE);
        try {
            String bucket = newBucket(obs, c -> { });
            InitiateMultipartUploadRequest initiate = new InitiateMultipartUploadRequest(bucket, "k");
            initiate.addUserHeaders("x-obs-object-lock-mode", "COMPLIANCE");
            initiate.addUserHeaders("x-obs-object-lock-retain-until-date",
                    Instant.now().plus(Duration.ofDays(1)).toString());
            assertObsError(() -> obs.initiateMultipartUpload(initiate), 400, "InvalidRequest");
            assertThat(obs.listMultipartUploads(new com.obs.services.model.ListMultipartUploadsRequest(bucket))
                    .getMultipartTaskList()).isEmpty();
        } finally {
            obs.close();
        }
    }

    @Test
    void s3ModeDefaultStorageClassAndClassNames() throws Exception {
        ObsClient obs = ObsSdkTest.client(Mode.V2);
        try {
            String bucket = newBucket(obs, c -> c.setBucketStorageClass(StorageClassEnum.COLD));
            RecordingProxy.Exchange create = proxy().last(is("PUT", null));
            assertThat(create.request().header("x-default-storage-class")).isEqualTo("GLACIER"); // the SDK maps COLD
            assertThat(obs.getBucketMetadata(new com.obs.services.model.BucketMetadataInfoRequest(bucket))
                    .getBucketStorageClass()).isEqualTo(StorageClassEnum.COLD);
            multipart(obs, bucket, "cold.bin", i -> { });
            RawHeaders head = head(obs, bucket, "cold.bin");
            assertThat(head.get("x-amz-storage-class")).isEqualTo("GLACIER");
            assertThat(obs.getObjectMetadata(bucket, "cold.bin").getObjectStorageClass())
                    .isEqualTo(StorageClassEnum.COLD);
            // archive classes stay readable (no RestoreObject)
            assertThat(obs.getObject(bucket, "cold.bin").getMetadata().getContentLength()).isEqualTo(PART + 7);
            // an explicit class wins over the default
            multipart(obs, bucket, "warm.bin", i -> i.setMetadata(withClass(StorageClassEnum.WARM)));
            assertThat(head(obs, bucket, "warm.bin").get("x-amz-storage-class")).isEqualTo("STANDARD_IA");
        } finally {
            obs.close();
        }
    }

    static ObjectMetadata withClass(StorageClassEnum c) {
        ObjectMetadata m = new ObjectMetadata();
        m.setObjectStorageClass(c);
        return m;
    }

    @Test
    void invalidDefaultStorageClassIsRefusedAndNoBucketIsMade() throws Exception {
        String bucket = "obs-rules-bad-class";
        try (var http = SERVER.raw()) {
            String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
                    java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC));
            String sts = "PUT\n\n\n" + date + "\nx-obs-storage-class:FROZEN\n/" + bucket + "/";
            var r = http.exchange("PUT", "/", List.of(java.util.Map.entry("Host", bucket + "." + ObsSdkTest.SUFFIX),
                    java.util.Map.entry("Date", date), java.util.Map.entry("x-obs-storage-class", "FROZEN"),
                    java.util.Map.entry("Authorization", "OBS " + ServerFixture.ALICE.accessKey() + ":"
                            + dev.rosetta.server.testing.V2Signer.sign(ServerFixture.ALICE.secretKey(), sts))), null);
            assertThat(r.status()).as(r.bodyText()).isEqualTo(400);
            assertThat(r.xmlElement("Code")).isEqualTo("InvalidStorageClass");
        }
        ObsClient obs = ObsSdkTest.client(Mode.NATIVE);
        try {
            assertThat(obs.headBucket(bucket)).isFalse();
        } finally {
            obs.close();
        }
    }

    @Test
    void xObsExpiresDeletesAfterTheDaysAlsoAcrossARestart() throws Exception {
        ObsClient obs = ObsSdkTest.client(Mode.NATIVE);
        String bucket;
        Instant written;
        try {
            bucket = newBucket(obs, c -> { });
            multipart(obs, bucket, "one-day.bin", i -> i.setExpires(1));
            RecordingProxy.Exchange initiated = proxy().last(is("POST", "uploads"));
            assertThat(initiated.request().header("x-obs-expires")).isEqualTo("1");
            multipart(obs, bucket, "three-days.bin", i -> i.setExpires(3));
            PutObjectRequest put = new PutObjectRequest(bucket, "zero.txt", new ByteArrayInputStream(new byte[2]));
            put.setExpires(0);
            obs.putObject(put);
            obs.putObject(bucket, "forever.txt", new ByteArrayInputStream(new byte[2]));
            written = obs.getObjectMetadata(bucket, "one-day.bin").getLastModified().toInstant();
            assertThat(keys(obs, bucket)).containsExactly("forever.txt", "one-day.bin", "three-days.bin", "zero.txt");
            // an x-obs-expires of 0 is due at once; nothing else yet
            assertThat(SERVER.server().runExpiry().expired()).isEqualTo(1);
            assertThat(keys(obs, bucket)).containsExactly("forever.txt", "one-day.bin", "three-days.bin");
        } finally {
            obs.close();
        }

        CLOCK.set(written.plus(Duration.ofDays(1)).plusSeconds(5));
        assertThat(SERVER.server().runExpiry().expired()).isEqualTo(1);
        CLOCK.reset();
        SERVER.restart();
        obs = ObsSdkTest.client(Mode.NATIVE);
        try {
            assertThat(keys(obs, bucket)).containsExactly("forever.txt", "three-days.bin");
            CLOCK.set(written.plus(Duration.ofDays(3)).plusSeconds(5));
            assertThat(SERVER.server().runExpiry().expired()).isEqualTo(1);
            CLOCK.reset();
            assertThat(keys(obs, bucket)).containsExactly("forever.txt");
            CLOCK.set(written.plus(Duration.ofDays(3000)));
            assertThat(SERVER.server().runExpiry().expired()).isZero();
            CLOCK.reset();
            assertThat(keys(obs, bucket)).containsExactly("forever.txt");
        } finally {
            obs.close();
        }
    }

    @Test
    void wormObjectsOutliveTheirExpiryUntilTheirRetentionEnds() throws Exception {
        ObsClient obs = ObsSdkTest.client(Mode.NATIVE);
        try {
            String bucket = newBucket(obs, c -> c.addUserHeaders("x-obs-bucket-object-lock-enabled", "true"));
            Instant until = Instant.now().plus(Duration.ofDays(3));
            multipart(obs, bucket, "kept", i -> {
                i.setExpires(1);
                i.addUserHeaders("x-obs-object-lock-mode", "COMPLIANCE");
                i.addUserHeaders("x-obs-object-lock-retain-until-date", until.toString());
            });
            CLOCK.set(Instant.now().plus(Duration.ofDays(1)).plusSeconds(5));
            var pass = SERVER.server().runExpiry();
            CLOCK.reset();
            assertThat(pass.expired()).isZero();
            assertThat(pass.postponed()).isEqualTo(1);
            assertThat(keys(obs, bucket)).containsExactly("kept");
            CLOCK.set(until.minusSeconds(60));
            assertThat(SERVER.server().runExpiry().expired()).isZero(); // moved to the retain-until date
            CLOCK.set(until.plusSeconds(1));
            assertThat(SERVER.server().runExpiry().expired()).isEqualTo(1);
            CLOCK.reset();
            assertThat(keys(obs, bucket)).isEmpty();
        } finally {
            obs.close();
        }
    }

    static List<String> keys(ObsClient obs, String bucket) {
        return obs.listObjects(bucket).getObjects().stream().map(o -> o.getObjectKey()).sorted().toList();
    }

    @Test
    void eightKilobytesOfMetadata() throws Exception {
        ObsClient obs = ObsSdkTest.client(Mode.NATIVE);
        try {
            String bucket = newBucket(obs, c -> { });
            ObjectMetadata fits = new ObjectMetadata();
            fits.addUserMetadata("a", "x".repeat(4000));
            fits.addUserMetadata("b", "y".repeat(4190)); // 8192 with the names
            multipart(obs, bucket, "eight-kb", i -> i.setMetadata(fits));
            assertThat(head(obs, bucket, "eight-kb").get("x-obs-meta-b")).hasSize(4190);

            ObjectMetadata over = new ObjectMetadata();
            over.addUserMetadata("a", "x".repeat(4000));
            over.addUserMetadata("b", "y".repeat(4191));
            assertObsError(() -> obs.initiateMultipartUpload(withMetadata(bucket, "too-big", over)), 400,
                    "MetadataTooLarge");
            assertThat(obs.listMultipartUploads(new com.obs.services.model.ListMultipartUploadsRequest(bucket))
                    .getMultipartTaskList()).isEmpty();
        } finally {
            obs.close();
        }
    }

    static InitiateMultipartUploadRequest withMetadata(String bucket, String key, ObjectMetadata m) {
        InitiateMultipartUploadRequest r = new InitiateMultipartUploadRequest(bucket, key);
        r.setMetadata(m);
        return r;
    }

    static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
