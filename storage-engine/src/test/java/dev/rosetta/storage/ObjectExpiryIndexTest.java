package dev.rosetta.storage;

import static dev.rosetta.storage.Fixtures.ALICE;
import static dev.rosetta.storage.Fixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.ObjectLock;
import dev.rosetta.protocol.model.ObjectLockConfiguration;
import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.schema.ExpiryKey;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The expiry index ({@code expiry} column family) kept in the same batch as every object write: put, replace,
 * delete, Complete, metadata rewrites; {@link ObjectStore#expire} deleting only what is still due, postponing what
 * is protected, dropping what is stale; and all of it across a reopen.
 */
class ObjectExpiryIndexTest {
    @TempDir
    Path dir;
    StorageEngine engine;
    ObjectStore objects;
    ObjectExpiryIndex index;

    @BeforeEach
    void open() {
        reopen();
        engine.buckets().create("b", ALICE, null, "OBS", NOW);
    }

    void reopen() {
        if (engine != null) {
            engine.close();
        }
        engine = StorageEngine.open(dir, Durability.FSYNC, new StorageOptions(16));
        objects = engine.objects();
        index = objects.expiryIndex();
    }

    @AfterEach
    void close() {
        engine.close();
    }

    static ObjectHeaders expiring(Integer days) {
        return new ObjectHeaders(null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                days);
    }

    static ObjectRecord object(String key, String content, Instant lastModified, ObjectHeaders headers) {
        byte[] bytes = Fixtures.utf8(content);
        return new ObjectRecord("b", key, bytes.length, Fixtures.md5Hex(bytes), lastModified, ALICE, "OBS", headers,
                Map.of(), null, new ObjectBody.Inline(bytes), null);
    }

    List<ExpiryKey> all() {
        return index.due(Instant.parse("9999-12-31T00:00:00Z"), 1000);
    }

    @Test
    void everyWriteKeepsTheIndexInStep() {
        ObjectRecord a = object("a", "x", NOW, expiring(2));
        objects.put(a, WriteGuard.NONE);
        assertThat(all()).containsExactly(new ExpiryKey(NOW.plus(Duration.ofDays(2)), "b", "a"));
        assertThat(ObjectExpiryIndex.dueOf(a)).isEqualTo(NOW.plus(Duration.ofDays(2)));

        // a rewrite keeping Last-Modified and the expiry (tags, retention) writes no index change
        objects.put(object("a", "x", NOW, expiring(2).withTags(List.of(new dev.rosetta.protocol.model.Tag("k", "v")))),
                WriteGuard.NONE);
        assertThat(all()).containsExactly(new ExpiryKey(NOW.plus(Duration.ofDays(2)), "b", "a"));

        // a newer write moves the entry; one without x-obs-expires removes it
        objects.put(object("a", "y", NOW.plusSeconds(60), expiring(0)), WriteGuard.NONE);
        assertThat(all()).containsExactly(new ExpiryKey(NOW.plusSeconds(60), "b", "a"));
        objects.put(object("a", "z", NOW.plusSeconds(120), ObjectHeaders.defaults()), WriteGuard.NONE);
        assertThat(all()).isEmpty();

        objects.put(object("c", "x", NOW, expiring(1)), WriteGuard.NONE);
        objects.put(object("d\u0000e", "x", NOW, expiring(3)), WriteGuard.NONE);
        assertThat(all()).extracting(ExpiryKey::key).containsExactly("c", "d\u0000e"); // earliest first
        objects.delete("b", "c", WriteGuard.NONE);
        assertThat(all()).extracting(ExpiryKey::key).containsExactly("d\u0000e");

        // only what is due by a time
        assertThat(index.due(NOW.plus(Duration.ofDays(3)).minusMillis(1), 10)).isEmpty();
        assertThat(index.due(NOW.plus(Duration.ofDays(3)), 10)).extracting(ExpiryKey::key).containsExactly("d\u0000e");

        reopen();
        assertThat(all()).extracting(ExpiryKey::key).containsExactly("d\u0000e");
    }

    @Test
    void completeIndexesTheObjectInTheSameWrite() {
        MultipartSessionStore uploads = engine.uploads();
        MultipartUpload u = uploads.initiate("b", "mp", ALICE, ALICE, "OBS", expiring(1), NOW);
        PartRecord p = Fixtures.part(engine.blobs(), 1, "part one");
        uploads.putPart("b", "mp", u.uploadId(), p);
        Instant completed = NOW.plusSeconds(30);
        uploads.complete("b", "mp", u.uploadId(), List.of(new RequestedPart(1, p.etag())), CompletionPolicy.of(1),
                completed);
        assertThat(all()).containsExactly(new ExpiryKey(completed.plus(Duration.ofDays(1)), "b", "mp"));
    }

    @Test
    void expiryPathsExpiredPostponedStale() {
        BlobRef blob = Fixtures.blob(engine.blobs(), Fixtures.utf8("a blob body longer than sixteen bytes"));
        ObjectRecord big = new ObjectRecord("b", "big", blob.size(), "00", NOW, ALICE, "OBS", expiring(1), Map.of(),
                null, new ObjectBody.Blob(blob), null);
        objects.put(big, WriteGuard.NONE);
        ExpiryKey entry = all().get(0);
        Instant later = entry.due().plusSeconds(1);

        // not yet due: nothing changes
        assertThat(objects.expire(entry, entry.due().minusMillis(1), o -> null)).isEqualTo(ObjectStore.Expiry.NOT_DUE);
        assertThat(all()).containsExactly(entry);

        // protected: the entry moves to the protection's end, the object stays
        Instant until = later.plus(Duration.ofDays(5));
        assertThat(objects.expire(entry, later, o -> until)).isEqualTo(ObjectStore.Expiry.POSTPONED);
        assertThat(objects.find("b", "big")).isPresent();
        assertThat(all()).containsExactly(new ExpiryKey(until, "b", "big"));
        assertThat(index.due(later, 10)).isEmpty();

        // at the protection's end the moved entry still stands for the object: object and entry go in one write,
        // then the blob
        ExpiryKey moved = all().get(0);
        assertThat(objects.expire(moved, until.minusMillis(1), o -> null)).isEqualTo(ObjectStore.Expiry.NOT_DUE);
        assertThat(engine.blobs().exists(blob)).isTrue();
        assertThat(objects.expire(moved, until, o -> null)).isEqualTo(ObjectStore.Expiry.EXPIRED);
        assertThat(objects.find("b", "big")).isEmpty();
        assertThat(all()).isEmpty();
        assertThat(engine.blobs().exists(blob)).isFalse();

        // an entry whose object is gone, or was replaced by one without expiry or due later, is stale
        assertThat(objects.expire(entry, later, o -> null)).isEqualTo(ObjectStore.Expiry.STALE);
        objects.put(object("big", "new", NOW.plus(Duration.ofDays(3)), expiring(1)), WriteGuard.NONE);
        assertThat(objects.expire(entry, later, o -> null)).isEqualTo(ObjectStore.Expiry.STALE);
        assertThat(objects.find("b", "big")).isPresent();
        assertThat(all()).containsExactly(new ExpiryKey(NOW.plus(Duration.ofDays(4)), "b", "big"));
    }

    @Test
    void bucketSettingsAndExpiryDaysSurviveAReopen() {
        engine.buckets().create("locked", ALICE, null, "OBS", NOW, r -> r
                .withObjectLock(new ObjectLockConfiguration(
                        new ObjectLockConfiguration.DefaultRetention("COMPLIANCE", null, 2)))
                .withDefaultStorageClass(StorageClass.STANDARD_IA));
        engine.buckets().create("plain", ALICE, null, "AWS", NOW);
        ObjectHeaders h = expiring(7).withObjectLock(new ObjectLock("COMPLIANCE", NOW.plusSeconds(99), true));
        objects.put(new ObjectRecord("locked", "k", 1, "00", NOW, ALICE, "OBS", h, Map.of(), null,
                new ObjectBody.Inline(new byte[1]), null), WriteGuard.NONE);
        reopen();
        BucketRecord locked = engine.buckets().require("locked");
        assertThat(locked.objectLockEnabled()).isTrue();
        assertThat(locked.objectLock().defaultRetention()).isEqualTo(
                new ObjectLockConfiguration.DefaultRetention("COMPLIANCE", null, 2));
        assertThat(locked.defaultStorageClass()).isEqualTo(StorageClass.STANDARD_IA);
        BucketRecord plain = engine.buckets().require("plain");
        assertThat(plain.objectLock()).isNull();
        assertThat(plain.defaultStorageClass()).isNull();
        assertThat(objects.require("locked", "k").headers()).isEqualTo(h);
        assertThat(objects.require("locked", "k").headers().expiresDays()).isEqualTo(7);
        // enabled without a default retention
        engine.buckets().update("plain", r -> r.withObjectLock(ObjectLockConfiguration.ENABLED));
        reopen();
        assertThat(engine.buckets().require("plain").objectLock()).isEqualTo(ObjectLockConfiguration.ENABLED);
    }
}
