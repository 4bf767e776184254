package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.protocol.model.CannedAcl;
import dev.rosetta.protocol.model.Tag;
import dev.rosetta.server.testing.ServerFixture;
import dev.rosetta.storage.Durability;
import dev.rosetta.storage.StorageEngine;
import dev.rosetta.storage.MultipartUpload;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyExistsException;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadResponse;
import software.amazon.awssdk.services.s3.model.ListMultipartUploadsResponse;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.NoSuchUploadException;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;
import software.amazon.awssdk.services.s3.model.StorageClass;

/**
 * The bucket and multipart-session life cycle driven by the AWS SDK v2, run once per addressing
 * style by the subclasses.
 */
abstract class MultipartSessionScenarios {
    protected S3Client alice;
    protected S3Client bob;
    protected String bucket;

    protected abstract ServerFixture server();

    protected abstract S3Client client(dev.rosetta.server.config.KeyPair keys);

    @BeforeEach
    void setUp() {
        alice = client(ServerFixture.ALICE);
        bob = client(ServerFixture.BOB);
        bucket = "bucket-" + UUID.randomUUID().toString().substring(0, 8);
        alice.createBucket(b -> b.bucket(bucket));
    }

    @AfterEach
    void tearDown() {
        alice.close();
        bob.close();
    }

    @Test
    void bucketIsCreatedListedLocatedAndDeleted() {
        alice.headBucket(b -> b.bucket(bucket));
        assertThat(alice.listBuckets().buckets()).anySatisfy(b -> assertThat(b.name()).isEqualTo(bucket));
        assertThat(bob.listBuckets().buckets()).noneSatisfy(b -> assertThat(b.name()).isEqualTo(bucket));
        assertThat(alice.getBucketLocation(b -> b.bucket(bucket)).locationConstraintAsString()).isEmpty();

        alice.deleteBucket(b -> b.bucket(bucket));
        assertThatThrownBy(() -> alice.headBucket(b -> b.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(404));
    }

    @Test
    void creatingAnExistingBucketIsRefusedByOwnerAndByOthers() {
        assertThatThrownBy(() -> alice.createBucket(b -> b.bucket(bucket)))
                .isInstanceOf(BucketAlreadyOwnedByYouException.class);
        assertThatThrownBy(() -> bob.createBucket(b -> b.bucket(bucket)))
                .isInstanceOf(BucketAlreadyExistsException.class);
    }

    @Test
    void anotherAccountCannotUseTheBucket() {
        assertThatThrownBy(() -> bob.listMultipartUploads(b -> b.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(403);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
                });
        assertThatThrownBy(() -> bob.createMultipartUpload(b -> b.bucket(bucket).key("k")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
    }

    @Test
    void initiatePersistsEveryPendingHeader() throws Exception {
        Instant expires = Instant.parse("2030-01-02T03:04:05Z");
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("Color", "blue");
        metadata.put("reviewed-by", "joe@example.com,jane@example.com");
        CreateMultipartUploadResponse created = alice.createMultipartUpload(b -> b.bucket(bucket).key("photos/cat.jpg")
                .contentType("image/jpeg")
                .cacheControl("max-age=3600")
                .contentDisposition("attachment; filename=\"cat.jpg\"")
                .contentEncoding("identity")
                .contentLanguage("en-GB")
                .expires(expires)
                .websiteRedirectLocation("/elsewhere.html")
                .metadata(metadata)
                .storageClass(StorageClass.STANDARD_IA)
                .acl(ObjectCannedACL.PUBLIC_READ)
                .tagging("project=rosetta&stage=test%20run")
                .serverSideEncryption(ServerSideEncryption.AES256));
        assertThat(created.bucket()).isEqualTo(bucket);
        assertThat(created.key()).isEqualTo("photos/cat.jpg");
        assertThat(created.uploadId()).matches("[0-9A-F]{32}");
        assertThat(created.serverSideEncryption()).isEqualTo(ServerSideEncryption.AES256);

        MultipartUpload stored = readStoredUpload(bucket, "photos/cat.jpg", created.uploadId());
        assertThat(stored.headers().contentType()).isEqualTo("image/jpeg");
        assertThat(stored.headers().cacheControl()).isEqualTo("max-age=3600");
        assertThat(stored.headers().contentDisposition()).isEqualTo("attachment; filename=\"cat.jpg\"");
        assertThat(stored.headers().contentEncoding()).isEqualTo("identity");
        assertThat(stored.headers().contentLanguage()).isEqualTo("en-GB");
        assertThat(stored.headers().expires()).isEqualTo("Wed, 02 Jan 2030 03:04:05 GMT");
        assertThat(stored.headers().websiteRedirectLocation()).isEqualTo("/elsewhere.html");
        assertThat(stored.headers().userMetadata())
                .containsEntry("color", "blue")
                .containsEntry("reviewed-by", "joe@example.com,jane@example.com");
        assertThat(stored.headers().storageClass()).isEqualTo(dev.rosetta.protocol.model.StorageClass.STANDARD_IA);
        assertThat(stored.headers().acl().canned()).isEqualTo(CannedAcl.PUBLIC_READ);
        assertThat(stored.headers().tags()).containsExactly(new Tag("project", "rosetta"), new Tag("stage", "test run"));
        assertThat(stored.headers().sse().algorithm()).isEqualTo("AES256");
        assertThat(stored.initiator().displayName()).isEqualTo("alice");
        assertThat(stored.initiated()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
    }

    @Test
    void initiateWithoutHeadersStoresDefaults() throws Exception {
        String uploadId = alice.createMultipartUpload(b -> b.bucket(bucket).key("plain")).uploadId();
        MultipartUpload stored = readStoredUpload(bucket, "plain", uploadId);
        assertThat(stored.headers().contentType()).isEqualTo("binary/octet-stream");
        assertThat(stored.headers().userMetadata()).isEmpty();
        assertThat(stored.headers().storageClass()).isNull();
    }

    @Test
    void listingShowsUploadsWithTheirAttributes() {
        String id = alice.createMultipartUpload(b -> b.bucket(bucket).key("doc.txt")
                .storageClass(StorageClass.GLACIER)).uploadId();
        ListMultipartUploadsResponse list = alice.listMultipartUploads(b -> b.bucket(bucket));
        assertThat(list.bucket()).isEqualTo(bucket);
        assertThat(list.isTruncated()).isFalse();
        assertThat(list.uploads()).singleElement().satisfies(u -> {
            assertThat(u.key()).isEqualTo("doc.txt");
            assertThat(u.uploadId()).isEqualTo(id);
            assertThat(u.storageClass().toString()).isEqualTo("GLACIER");
            assertThat(u.initiator().displayName()).isEqualTo("alice");
            assertThat(u.owner().displayName()).isEqualTo("alice");
            assertThat(u.initiated()).isCloseTo(Instant.now(), org.assertj.core.api.Assertions.within(1, ChronoUnit.MINUTES));
        });
    }

    @Test
    void severalUploadsOfOneKeyCoexistAndAbortRemovesOnlyOne() {
        String first = alice.createMultipartUpload(b -> b.bucket(bucket).key("same")).uploadId();
        String second = alice.createMultipartUpload(b -> b.bucket(bucket).key("same")).uploadId();
        assertThat(first).isNotEqualTo(second);
        assertThat(alice.listMultipartUploads(b -> b.bucket(bucket)).uploads())
                .extracting(u -> u.uploadId()).containsExactlyInAnyOrder(first, second);

        alice.abortMultipartUpload(b -> b.bucket(bucket).key("same").uploadId(first));
        assertThat(alice.listMultipartUploads(b -> b.bucket(bucket)).uploads())
                .extracting(u -> u.uploadId()).containsExactly(second);
        assertThatThrownBy(() -> alice.abortMultipartUpload(b -> b.bucket(bucket).key("same").uploadId(first)))
                .isInstanceOf(NoSuchUploadException.class);
        assertThatThrownBy(() -> alice.abortMultipartUpload(b -> b.bucket(bucket).key("other").uploadId(second)))
                .isInstanceOf(NoSuchUploadException.class);
    }

    @Test
    void paginationWalksEveryUploadInKeyThenIdOrder() {
        List<String> expected = new ArrayList<>();
        for (String key : List.of("b", "a/1", "a/2", "c", "a/1", "d d", "e+e")) {
            alice.createMultipartUpload(b -> b.bucket(bucket).key(key));
        }
        List<String> walked = new ArrayList<>();
        String keyMarker = null;
        String idMarker = null;
        int pages = 0;
        while (true) {
            String km = keyMarker;
            String im = idMarker;
            ListMultipartUploadsResponse page = alice.listMultipartUploads(b -> b.bucket(bucket).maxUploads(2)
                    .keyMarker(km).uploadIdMarker(im));
            pages++;
            page.uploads().forEach(u -> walked.add(u.key() + "#" + u.uploadId()));
            assertThat(page.uploads().size()).isLessThanOrEqualTo(2);
            if (!page.isTruncated()) {
                break;
            }
            keyMarker = page.nextKeyMarker();
            idMarker = page.nextUploadIdMarker();
        }
        ListMultipartUploadsResponse all = alice.listMultipartUploads(b -> b.bucket(bucket));
        all.uploads().forEach(u -> expected.add(u.key() + "#" + u.uploadId()));
        assertThat(expected).hasSize(7);
        assertThat(walked).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(4);
        assertThat(expected.stream().map(s -> s.substring(0, s.indexOf('#'))).toList())
                .containsExactly("a/1", "a/1", "a/2", "b", "c", "d d", "e+e");
    }

    @Test
    void delimiterRollsKeysIntoCommonPrefixes() {
        for (String key : List.of("photos/2023/a.jpg", "photos/2024/b.jpg", "photos/c.jpg", "videos/d.mp4", "top")) {
            alice.createMultipartUpload(b -> b.bucket(bucket).key(key));
        }
        ListMultipartUploadsResponse root = alice.listMultipartUploads(b -> b.bucket(bucket).delimiter("/"));
        assertThat(root.uploads()).extracting(u -> u.key()).containsExactly("top");
        assertThat(root.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("photos/", "videos/");

        ListMultipartUploadsResponse photos = alice.listMultipartUploads(b -> b.bucket(bucket)
                .prefix("photos/").delimiter("/"));
        assertThat(photos.prefix()).isEqualTo("photos/");
        assertThat(photos.uploads()).extracting(u -> u.key()).containsExactly("photos/c.jpg");
        assertThat(photos.commonPrefixes()).extracting(CommonPrefix::prefix)
                .containsExactly("photos/2023/", "photos/2024/");

        ListMultipartUploadsResponse firstPage = alice.listMultipartUploads(b -> b.bucket(bucket)
                .delimiter("/").maxUploads(1));
        assertThat(firstPage.isTruncated()).isTrue();
        assertThat(firstPage.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("photos/");
        ListMultipartUploadsResponse secondPage = alice.listMultipartUploads(b -> b.bucket(bucket)
                .delimiter("/").maxUploads(1).keyMarker(firstPage.nextKeyMarker()));
        assertThat(secondPage.uploads()).extracting(u -> u.key()).containsExactly("top");
        assertThat(secondPage.commonPrefixes()).isEmpty();
    }

    @Test
    void unusualKeysRoundTripExactly() {
        List<String> keys = List.of("with space", "plus+sign", "100%", "ünïcødé/文件.txt", "dir/sub/file", "tilde~*'()!");
        for (String key : keys) {
            String id = alice.createMultipartUpload(b -> b.bucket(bucket).key(key)).uploadId();
            assertThat(id).hasSize(32);
        }
        assertThat(alice.listMultipartUploads(b -> b.bucket(bucket)).uploads())
                .extracting(u -> u.key()).containsExactlyInAnyOrderElementsOf(keys);
        assertThat(alice.listMultipartUploads(b -> b.bucket(bucket).encodingType("url")).uploads())
                .extracting(u -> u.key()).containsExactlyInAnyOrderElementsOf(keys);
        for (String key : keys) {
            String id = alice.listMultipartUploads(b -> b.bucket(bucket).prefix(key)).uploads().get(0).uploadId();
            alice.abortMultipartUpload(b -> b.bucket(bucket).key(key).uploadId(id));
        }
        assertThat(alice.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    }

    @Test
    void bucketWithUploadsCannotBeDeletedUntilTheyAreAborted() {
        String id = alice.createMultipartUpload(b -> b.bucket(bucket).key("k")).uploadId();
        assertThatThrownBy(() -> alice.deleteBucket(b -> b.bucket(bucket)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(409);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("BucketNotEmpty");
                });
        alice.abortMultipartUpload(b -> b.bucket(bucket).key("k").uploadId(id));
        alice.deleteBucket(b -> b.bucket(bucket));
    }

    @Test
    void missingBucketIsNoSuchBucket() {
        assertThatThrownBy(() -> alice.createMultipartUpload(b -> b.bucket("no-such-bucket-here").key("k")))
                .isInstanceOf(NoSuchBucketException.class);
        assertThatThrownBy(() -> alice.listMultipartUploads(b -> b.bucket("no-such-bucket-here")))
                .isInstanceOf(NoSuchBucketException.class);
    }

    @Test
    void keyLongerThan1024BytesIsRefused() {
        String longKey = "k".repeat(1025);
        assertThatThrownBy(() -> alice.createMultipartUpload(b -> b.bucket(bucket).key(longKey)))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("KeyTooLongError");
                });
        String exact = "é".repeat(512);
        assertThat(alice.createMultipartUpload(b -> b.bucket(bucket).key(exact)).uploadId()).hasSize(32);
        assertThat(alice.listMultipartUploads(b -> b.bucket(bucket)).uploads()).hasSize(1);
    }

    @Test
    void invalidStorageClassIsRefusedAndNothingIsStored() {
        assertThatThrownBy(() -> alice.createMultipartUpload(b -> b.bucket(bucket).key("k").storageClass("FROZEN")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(400);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidStorageClass");
                });
        assertThat(alice.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
    }

    /** Reads an upload as RocksDB holds it, with the server stopped; restarts the server after. */
    protected MultipartUpload readStoredUpload(String bucketName, String key, String uploadId) throws Exception {
        server().stop();
        try (StorageEngine store = StorageEngine.open(server().dataDir(), Durability.NONE)) {
            return store.uploads().find(bucketName, key, uploadId).orElseThrow();
        } finally {
            server().restart();
        }
    }
}
