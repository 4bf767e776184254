package dev.rosetta.storage;

import static dev.rosetta.storage.BucketStoreTest.assertS3Error;
import static dev.rosetta.storage.Fixtures.ALICE;
import static dev.rosetta.storage.Fixtures.NOW;
import static dev.rosetta.storage.MultipartSessionStoreTest.UTF8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.error.S3ErrorCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObjectListingTest {
    @TempDir
    static Path dir;
    StorageEngine engine;
    ObjectStore objects;
    List<String> keys = new ArrayList<>();

    @BeforeAll
    void fill() {
        engine = StorageEngine.open(dir, Durability.NONE);
        objects = engine.objects();
        engine.buckets().create("b", ALICE, null, "AWS", NOW);
        List<String> dirs = List.of("", "a/", "a/b/", "photos/2024/", "sp ace/", "p+lus/", "pct%2F/", "日本/", "😀/",
                "nul\u0000/", "\uFFFD/");
        List<String> names = List.of("k", "k k", "k+1", "k%41", "é", "\uFFFD", "😀", "z", "k\u0000", "k/", "a", "ab",
                "a/b", "0", "~", "x y/z", "big/1", "big/2", "big/3");
        for (String d : dirs) {
            for (String name : names) {
                String key = d + name;
                if (keys.contains(key)) {
                    continue;
                }
                objects.put(Fixtures.inline("b", key, key), WriteGuard.NONE);
                keys.add(key);
            }
        }
        // neighbouring buckets must never show up
        engine.buckets().create("b-other", ALICE, null, "AWS", NOW);
        engine.buckets().create("a", ALICE, null, "AWS", NOW);
        engine.buckets().create("b\u0001", ALICE, null, "AWS", NOW);
        objects.put(Fixtures.inline("b-other", "k", "x"), WriteGuard.NONE);
        objects.put(Fixtures.inline("a", "zzz", "x"), WriteGuard.NONE);
        objects.put(Fixtures.inline("b\u0001", "", "x"), WriteGuard.NONE);
        keys.sort(UTF8);
        assertThat(keys).hasSizeGreaterThan(200);
    }

    @AfterAll
    void close() {
        engine.close();
    }

    /** A page computed the obvious way over the full sorted key list. */
    static ObjectListing reference(List<String> sorted, ObjectListRequest r) {
        String prefix = r.prefix() == null ? "" : r.prefix();
        String after = r.startAfter() == null || r.startAfter().isEmpty() ? null : r.startAfter();
        String delimiter = r.delimiter() == null || r.delimiter().isEmpty() ? null : r.delimiter();
        List<Object[]> entries = new ArrayList<>(); // {key, isPrefix}
        Set<String> seen = new LinkedHashSet<>();
        for (String k : sorted) {
            if (!k.startsWith(prefix) || (after != null && UTF8.compare(k, after) <= 0)) {
                continue;
            }
            if (delimiter != null) {
                int d = k.indexOf(delimiter, prefix.length());
                if (d >= 0) {
                    String cp = k.substring(0, d + delimiter.length());
                    if ((after == null || UTF8.compare(cp, after) > 0) && seen.add(cp)) {
                        entries.add(new Object[] {cp, true});
                    }
                    continue;
                }
            }
            entries.add(new Object[] {k, false});
        }
        boolean truncated = entries.size() > r.maxKeys();
        List<Object[]> page = entries.subList(0, Math.min(r.maxKeys(), entries.size()));
        List<ObjectRecord> objs = new ArrayList<>();
        List<String> cps = new ArrayList<>();
        for (Object[] e : page) {
            if ((Boolean) e[1]) {
                cps.add((String) e[0]);
            } else {
                objs.add(Fixtures.inline("b", (String) e[0], (String) e[0]));
            }
        }
        String next = truncated ? (String) page.get(page.size() - 1)[0] : null;
        return new ObjectListing(objs, cps, truncated, next);
    }

    static List<String> keysOf(ObjectListing l) {
        return l.objects().stream().map(ObjectRecord::key).toList();
    }

    @Test
    void pageByPageWalksMatchTheReference() {
        List<String> prefixes = Arrays.asList(null, "", "a/", "photos/", "k", "nul\u0000", "日本/", "none/", "a");
        List<String> delimiters = Arrays.asList(null, "/", "k", "\u0000", "/b");
        int[] pageSizes = {1, 4, 1000};
        for (String prefix : prefixes) {
            for (String delimiter : delimiters) {
                for (int max : pageSizes) {
                    walk(prefix, delimiter, max);
                }
            }
        }
    }

    private void walk(String prefix, String delimiter, int max) {
        ObjectListing full = reference(keys, new ObjectListRequest(prefix, delimiter, null, Integer.MAX_VALUE));
        List<String> seen = new ArrayList<>();
        List<String> seenPrefixes = new ArrayList<>();
        String marker = null;
        for (int page = 0; ; page++) {
            assertThat(page).as("runaway walk").isLessThan(2000);
            ObjectListRequest req = new ObjectListRequest(prefix, delimiter, marker, max);
            long[] moves = new long[1];
            ObjectListing got = objects.list("b", req, moves);
            ObjectListing want = reference(keys, req);
            String where = "prefix=" + prefix + " delimiter=" + delimiter + " max=" + max + " page=" + page;
            assertThat(keysOf(got)).as(where).isEqualTo(keysOf(want));
            assertThat(got.commonPrefixes()).as(where).isEqualTo(want.commonPrefixes());
            assertThat(got.truncated()).as(where).isEqualTo(want.truncated());
            assertThat(got.nextMarker()).as(where).isEqualTo(want.nextMarker());
            int entries = got.objects().size() + got.commonPrefixes().size();
            assertThat(entries).isLessThanOrEqualTo(max);
            // one seek, one step per object, one seek per common prefix (+1 for the look-ahead)
            assertThat(moves[0]).as(where).isLessThanOrEqualTo(entries + 2L);
            for (ObjectRecord o : got.objects()) {
                assertThat(o).isEqualTo(Fixtures.inline("b", o.key(), o.key()));
            }
            seen.addAll(keysOf(got));
            seenPrefixes.addAll(got.commonPrefixes());
            if (!got.truncated()) {
                break;
            }
            marker = got.nextMarker();
        }
        String where = "prefix=" + prefix + " delimiter=" + delimiter + " max=" + max;
        assertThat(seen).as(where).isEqualTo(keysOf(full));
        assertThat(seenPrefixes).as(where).doesNotHaveDuplicates().isEqualTo(full.commonPrefixes());
    }

    @Test
    void startAfterSemantics() {
        // v2 start-after / v1 marker: strictly after, even when the marker is not a stored key
        ObjectListing l = objects.list("b", new ObjectListRequest("a/", null, "a/a", 3));
        assertThat(keysOf(l)).containsExactly("a/a/b", "a/ab", "a/b");
        l = objects.list("b", new ObjectListRequest("a/", null, "a/a/", 2));
        assertThat(keysOf(l)).containsExactly("a/a/b", "a/ab");
        assertThat(l.truncated()).isTrue();
        assertThat(l.nextMarker()).isEqualTo("a/ab");
        // a marker before the prefix starts at the prefix, one after it gives nothing
        l = objects.list("b", new ObjectListRequest("photos/", "/", "a", 10));
        assertThat(l.commonPrefixes()).containsExactly("photos/2024/");
        l = objects.list("b", new ObjectListRequest("photos/", null, "q", 10));
        assertThat(l).isEqualTo(ObjectListing.EMPTY);
        // a marker inside a common prefix does not bring the prefix back
        l = objects.list("b", new ObjectListRequest(null, "/", "a/b", 2));
        assertThat(l.commonPrefixes()).doesNotContain("a/");
        // max-keys 0: empty, not truncated
        assertThat(objects.list("b", ObjectListRequest.all(0))).isEqualTo(ObjectListing.EMPTY);
        // a full page exactly is not truncated
        int count = objects.list("b", new ObjectListRequest("a/", "/", null, 1000)).objects().size()
                + objects.list("b", new ObjectListRequest("a/", "/", null, 1000)).commonPrefixes().size();
        l = objects.list("b", new ObjectListRequest("a/", "/", null, count));
        assertThat(l.truncated()).isFalse();
        assertThat(l.nextMarker()).isNull();
        assertS3Error(() -> objects.list("nope", ObjectListRequest.all(1)), S3ErrorCode.NO_SUCH_BUCKET,
                "BucketName", "nope");
    }

    @Test
    void costFollowsThePageNotTheBucket() {
        long[] moves = new long[1];
        // every key of the bucket sits under some "x/" prefix except the root-level ones: a delimiter page
        // jumps over each directory with one seek
        ObjectListing l = objects.list("b", new ObjectListRequest(null, "/", null, 1000), moves);
        assertThat(l.truncated()).isFalse();
        assertThat(moves[0]).isLessThanOrEqualTo(l.objects().size() + l.commonPrefixes().size() + 2L);
        assertThat(l.commonPrefixes()).contains("a/", "big/", "photos/", "日本/", "😀/", "\uFFFD/");
        l = objects.list("b", new ObjectListRequest("a/", null, null, 5), moves);
        assertThat(l.objects()).hasSize(5);
        assertThat(moves[0]).isLessThanOrEqualTo(6);
    }
}
