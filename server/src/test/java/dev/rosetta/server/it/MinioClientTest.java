package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.server.testing.ServerFixture;
import io.minio.BucketExistsArgs;
import io.minio.GetObjectArgs;
import io.minio.GetObjectResponse;
import io.minio.ListObjectsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.RemoveObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.StatObjectResponse;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The MinIO Java client (its own V4 signer, ListObjectsV2 with encoding-type=url by default) against
 * Rosetta: buckets, single-request uploads, stat, get, listings recursive and not, remove.
 */
class MinioClientTest {
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create();
    private static final String BUCKET = "minio-bucket";

    private static MinioClient minio;

    @BeforeAll
    static void setUp() throws Exception {
        minio = client(ServerFixture.REGION);
        minio.makeBucket(MakeBucketArgs.builder().bucket(BUCKET).build());
    }

    private static MinioClient client(String region) {
        MinioClient.Builder b = MinioClient.builder()
                .endpoint(SERVER.endpoint())
                .credentials(ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey());
        if (region != null) {
            b.region(region);
        }
        return b.build();
    }

    private static void put(String key, byte[] data, String contentType) throws Exception {
        minio.putObject(PutObjectArgs.builder().bucket(BUCKET).object(key)
                .stream(new ByteArrayInputStream(data), data.length, -1)
                .contentType(contentType)
                .build());
    }

    private static byte[] get(String key) throws Exception {
        try (GetObjectResponse r = minio.getObject(GetObjectArgs.builder().bucket(BUCKET).object(key).build())) {
            return r.readAllBytes();
        }
    }

    private static List<Item> list(ListObjectsArgs args) throws Exception {
        List<Item> items = new ArrayList<>();
        for (Result<Item> r : minio.listObjects(args)) {
            items.add(r.get());
        }
        return items;
    }

    private static String md5Hex(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(b));
    }

    @Test
    void bucketExistsAndRegionLookup() throws Exception {
        assertThat(minio.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())).isTrue();
        assertThat(minio.bucketExists(BucketExistsArgs.builder().bucket("no-such-minio-bucket").build())).isFalse();
        // without a configured region the client asks GetBucketLocation first
        MinioClient discovering = client(null);
        assertThat(discovering.bucketExists(BucketExistsArgs.builder().bucket(BUCKET).build())).isTrue();
        discovering.putObject(PutObjectArgs.builder().bucket(BUCKET).object("discovered")
                .stream(new ByteArrayInputStream(new byte[] {1, 2, 3}), 3, -1).build());
        assertThat(get("discovered")).containsExactly(1, 2, 3);
    }

    @Test
    void putStatGetRoundTrip() throws Exception {
        for (int size : new int[] {0, 1, 4096, 200 * 1024 + 3, 3 * 1024 * 1024 + 1}) {
            byte[] data = new byte[size];
            new Random(size).nextBytes(data);
            String key = "sized/" + size;
            put(key, data, "application/x-test");
            StatObjectResponse stat = minio.statObject(StatObjectArgs.builder().bucket(BUCKET).object(key).build());
            assertThat(stat.size()).isEqualTo(size);
            assertThat(stat.etag()).isEqualTo(md5Hex(data));
            assertThat(stat.contentType()).isEqualTo("application/x-test");
            assertThat(stat.lastModified()).isNotNull();
            assertThat(get(key)).as("size " + size).isEqualTo(data);
        }
    }

    @Test
    void userMetadataAndAwkwardKeysRoundTrip() throws Exception {
        byte[] data = "métadonnées".getBytes(StandardCharsets.UTF_8);
        String key = "dir with space/a+b%c/é😀.txt";
        minio.putObject(PutObjectArgs.builder().bucket(BUCKET).object(key)
                .stream(new ByteArrayInputStream(data), data.length, -1)
                .userMetadata(Map.of("Color", "blue"))
                .build());
        StatObjectResponse stat = minio.statObject(StatObjectArgs.builder().bucket(BUCKET).object(key).build());
        assertThat(stat.userMetadata()).containsEntry("color", "blue");
        assertThat(get(key)).isEqualTo(data);
        List<Item> listed = list(ListObjectsArgs.builder().bucket(BUCKET).prefix("dir with space/").recursive(true)
                .build());
        assertThat(listed).extracting(Item::objectName).containsExactly(key);
    }

    @Test
    void listingsRecursiveAndNot() throws Exception {
        List<String> keys = List.of("tree/a", "tree/a/b", "tree/a/c/d", "tree/b+c", "tree/x y/z", "tree/z");
        for (String k : keys) {
            put(k, k.getBytes(StandardCharsets.UTF_8), "text/plain");
        }
        List<Item> recursive = list(ListObjectsArgs.builder().bucket(BUCKET).prefix("tree/").recursive(true).build());
        assertThat(recursive).extracting(Item::objectName).containsExactlyElementsOf(keys);
        assertThat(recursive).allSatisfy(i -> {
            assertThat(i.isDir()).isFalse();
            assertThat(i.size()).isEqualTo(i.objectName().getBytes(StandardCharsets.UTF_8).length);
            assertThat(i.etag()).isNotBlank();
        });

        List<Item> top = list(ListObjectsArgs.builder().bucket(BUCKET).prefix("tree/").build());
        assertThat(top).extracting(Item::objectName)
                .containsExactly("tree/a", "tree/b+c", "tree/z", "tree/a/", "tree/x y/");
        assertThat(top).filteredOn(Item::isDir).extracting(Item::objectName)
                .containsExactlyInAnyOrder("tree/a/", "tree/x y/");

        // small pages, version 1 listing, versions listing and start-after
        assertThat(list(ListObjectsArgs.builder().bucket(BUCKET).prefix("tree/").recursive(true).maxKeys(2).build()))
                .extracting(Item::objectName).containsExactlyElementsOf(keys);
        assertThat(list(ListObjectsArgs.builder().bucket(BUCKET).prefix("tree/").recursive(true).maxKeys(2)
                .useApiVersion1(true).build()))
                .extracting(Item::objectName).containsExactlyElementsOf(keys);
        List<Item> versions = list(ListObjectsArgs.builder().bucket(BUCKET).prefix("tree/").recursive(true)
                .includeVersions(true).maxKeys(4).build());
        assertThat(versions).extracting(Item::objectName).containsExactlyElementsOf(keys);
        assertThat(versions).allSatisfy(i -> {
            assertThat(i.versionId()).isEqualTo("null");
            assertThat(i.isLatest()).isTrue();
        });
        assertThat(list(ListObjectsArgs.builder().bucket(BUCKET).prefix("tree/").recursive(true)
                .startAfter("tree/a/c/d").build()))
                .extracting(Item::objectName).containsExactly("tree/b+c", "tree/x y/z", "tree/z");
    }

    @Test
    void removeObject() throws Exception {
        put("doomed", new byte[] {42}, "application/octet-stream");
        minio.removeObject(RemoveObjectArgs.builder().bucket(BUCKET).object("doomed").build());
        assertThatThrownBy(() -> minio.statObject(StatObjectArgs.builder().bucket(BUCKET).object("doomed").build()))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.response().code()).isEqualTo(404));
        // removing what is not there succeeds, as on S3
        minio.removeObject(RemoveObjectArgs.builder().bucket(BUCKET).object("doomed").build());
    }

    @Test
    void missingObjectIsNoSuchKey() {
        assertThatThrownBy(() -> get("never-written"))
                .isInstanceOfSatisfying(ErrorResponseException.class,
                        e -> assertThat(e.errorResponse().code()).isEqualTo("NoSuchKey"));
    }
}
