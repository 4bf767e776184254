package dev.rosetta.storage;

import static dev.rosetta.storage.BucketStoreTest.assertS3Error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.storage.kv.Batch;
import dev.rosetta.storage.kv.Table;
import dev.rosetta.storage.schema.Keys;
import dev.rosetta.storage.schema.PartKey;
import dev.rosetta.storage.schema.RecordCodecsTestAccess;
import dev.rosetta.storage.schema.Schema;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MultipartSessionStoreTest {
    static final Owner ALICE = new Owner("alice-id", "alice");
    static final Owner BOB = new Owner("bob-id", "bob");
    static final Instant NOW = Instant.parse("2025-06-07T08:09:10.111222Z");

    @TempDir
    Path dir;
    StorageEngine store;
    MultipartSessionStore uploads;

    @BeforeEach
    void open() {
        store = StorageEngine.open(dir, Durability.NONE);
        uploads = store.uploads();
        store.buckets().create("b", ALICE, null, "AWS", NOW);
    }

    @AfterEach
    void close() {
        store.close();
    }

    // --- initiate / find / abort --------------------------------------------------------------------

    @Test
    void initiateFindAbort() {
        ObjectHeaders headers = RecordCodecsTestAccess.fullHeaders();
        MultipartUpload u = uploads.initiate("b", "dir/file name+%.bin", ALICE, BOB, "OBS", headers, NOW);
        assertThat(u.bucket()).isEqualTo("b");
        assertThat(u.key()).isEqualTo("dir/file name+%.bin");
        assertThat(u.uploadId()).matches("[0-9A-F]{32}");
        assertThat(u.initiated()).isEqualTo(Instant.parse("2025-06-07T08:09:10.111Z"));
        assertThat(UploadIdGenerator.epochMillisOf(u.uploadId())).isEqualTo(u.initiated().toEpochMilli());
        assertThat(u.owner()).isEqualTo(ALICE);
        assertThat(u.initiator()).isEqualTo(BOB);
        assertThat(u.dialect()).isEqualTo("OBS");
        assertThat(u.headers()).isEqualTo(headers);

        assertThat(uploads.find("b", u.key(), u.uploadId())).contains(u);
        assertThat(uploads.require("b", u.key(), u.uploadId())).isEqualTo(u);
        assertThat(uploads.find("b", "other", u.uploadId())).isEmpty();

        MultipartUpload second = uploads.initiate("b", u.key(), ALICE, ALICE, "AWS", null, NOW);
        assertThat(second.uploadId()).isNotEqualTo(u.uploadId());
        assertThat(second.headers()).isEqualTo(ObjectHeaders.defaults());

        uploads.abort("b", u.key(), u.uploadId());
        assertThat(uploads.find("b", u.key(), u.uploadId())).isEmpty();
        assertThat(uploads.find("b", u.key(), second.uploadId())).contains(second);
        assertS3Error(() -> uploads.abort("b", u.key(), u.uploadId()), S3ErrorCode.NO_SUCH_UPLOAD, "UploadId",
                u.uploadId());
        assertS3Error(() -> uploads.require("b", u.key(), "nope"), S3ErrorCode.NO_SUCH_UPLOAD, "UploadId", "nope");
    }

    @Test
    void noSuchBucket() {
        assertS3Error(() -> uploads.initiate("nope", "k", ALICE, ALICE, "AWS", null, NOW),
                S3ErrorCode.NO_SUCH_BUCKET, "BucketName", "nope");
        assertS3Error(() -> uploads.list("nope", UploadListRequest.all(10)),
                S3ErrorCode.NO_SUCH_BUCKET, "BucketName", "nope");
        assertS3Error(() -> uploads.abort("nope", "k", "ID"), S3ErrorCode.NO_SUCH_BUCKET, "BucketName", "nope");
    }

    @Test
    void abortDeletesExactlyTheUploadsParts() {
        MultipartUpload a = uploads.initiate("b", "k", ALICE, ALICE, "AWS", null, NOW);
        MultipartUpload other = uploads.initiate("b", "k", ALICE, ALICE, "AWS", null, NOW);
        Table<PartKey, PartRecord> parts = store.database().table(Schema.PARTS);
        List<PartRecord> aParts = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            aParts.add(Fixtures.part(store.blobs(), n, "a" + n));
            uploads.putPart("b", "k", a.uploadId(), aParts.get(n - 1));
            uploads.putPart("b", "k", other.uploadId(), Fixtures.part(store.blobs(), n, "o" + n));
        }
        PartRecord lookalike = Fixtures.part(store.blobs(), 1, "z");
        try (Batch batch = store.database().batch()) {
            batch.put(parts, new PartKey(a.uploadId() + "0", 1), lookalike).commit(); // id with a as its prefix
        }
        uploads.abort("b", "k", a.uploadId());
        assertThat(parts.isEmpty(Keys.partsOf(a.uploadId()))).isTrue();
        assertThat(parts.values(Keys.partsOf(other.uploadId()))).hasSize(3);
        assertThat(parts.contains(new PartKey(a.uploadId() + "0", 1))).isTrue();
        for (PartRecord p : aParts) {
            assertThat(store.blobs().exists(p.blob())).as("aborted part blob freed").isFalse();
        }
        for (PartRecord p : parts.values(Keys.partsOf(other.uploadId()))) {
            assertThat(store.blobs().exists(p.blob())).isTrue();
        }
        assertThat(store.blobs().exists(lookalike.blob())).isTrue();
    }

    // --- listing: targeted semantics -------------------------------------------------------------

    private List<String> ids(UploadListing l) {
        return l.uploads().stream().map(MultipartUpload::uploadId).toList();
    }

    private List<String> keys(UploadListing l) {
        return l.uploads().stream().map(MultipartUpload::key).toList();
    }

    @Test
    void markerSemantics() {
        List<MultipartUpload> a = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            a.add(uploads.initiate("b", "a", ALICE, ALICE, "AWS", null, NOW.plusMillis(i)));
        }
        MultipartUpload bUp = uploads.initiate("b", "b", ALICE, ALICE, "AWS", null, NOW);
        List<String> aIds = a.stream().map(MultipartUpload::uploadId).sorted().toList();

        // key-marker alone: keys strictly after it
        UploadListing l = uploads.list("b", new UploadListRequest(null, null, "a", null, 10));
        assertThat(ids(l)).containsExactly(bUp.uploadId());
        // key-marker + upload-id-marker: same key with greater id, then later keys
        l = uploads.list("b", new UploadListRequest(null, null, "a", aIds.get(0), 10));
        assertThat(ids(l)).containsExactly(aIds.get(1), aIds.get(2), bUp.uploadId());
        // a marker id that does not exist still positions by order
        l = uploads.list("b", new UploadListRequest(null, null, "a", aIds.get(1).substring(0, 20), 10));
        assertThat(ids(l)).containsExactly(aIds.get(1), aIds.get(2), bUp.uploadId());
        // upload-id-marker without key-marker is ignored
        l = uploads.list("b", new UploadListRequest(null, null, null, aIds.get(2), 10));
        assertThat(l.uploads()).hasSize(4);
        assertThat(ids(l).subList(0, 3)).isEqualTo(aIds);
        // max-uploads 0: empty, not truncated
        l = uploads.list("b", new UploadListRequest(null, null, null, null, 0));
        assertThat(l).isEqualTo(new UploadListing(List.of(), List.of(), false, null, null));
        // truncation markers point at the last upload
        l = uploads.list("b", new UploadListRequest(null, null, null, null, 2));
        assertThat(l.truncated()).isTrue();
        assertThat(l.nextKeyMarker()).isEqualTo("a");
        assertThat(l.nextUploadIdMarker()).isEqualTo(aIds.get(1));
        // exactly full page is not truncated
        l = uploads.list("b", new UploadListRequest(null, null, null, null, 4));
        assertThat(l.truncated()).isFalse();
        assertThat(l.nextKeyMarker()).isNull();
    }

    @Test
    void commonPrefixesAreEmittedOnceAndNotRepeatedAfterTheirMarker() {
        for (String k : List.of("a/1", "a/2", "a/x/3", "b", "c/1", "c/2")) {
            uploads.initiate("b", k, ALICE, ALICE, "AWS", null, NOW);
        }
        UploadListing l = uploads.list("b", new UploadListRequest(null, "/", null, null, 10));
        assertThat(l.commonPrefixes()).containsExactly("a/", "c/");
        assertThat(keys(l)).containsExactly("b");

        l = uploads.list("b", new UploadListRequest(null, "/", null, null, 1));
        assertThat(l.commonPrefixes()).containsExactly("a/");
        assertThat(l.truncated()).isTrue();
        assertThat(l.nextKeyMarker()).isEqualTo("a/");
        assertThat(l.nextUploadIdMarker()).isNull();

        l = uploads.list("b", new UploadListRequest(null, "/", "a/", null, 10));
        assertThat(l.commonPrefixes()).containsExactly("c/");
        // a marker inside a common prefix does not bring the prefix back
        l = uploads.list("b", new UploadListRequest(null, "/", "a/1", null, 10));
        assertThat(l.commonPrefixes()).containsExactly("c/");
        assertThat(keys(l)).containsExactly("b");

        l = uploads.list("b", new UploadListRequest("a/", "/", null, null, 10));
        assertThat(l.commonPrefixes()).containsExactly("a/x/");
        assertThat(keys(l)).containsExactly("a/1", "a/2");

        // multi-character delimiter
        l = uploads.list("b", new UploadListRequest(null, "/x/", null, null, 10));
        assertThat(l.commonPrefixes()).containsExactly("a/x/");
        assertThat(keys(l)).containsExactly("a/1", "a/2", "b", "c/1", "c/2");
    }

    @Test
    void listingCostGrowsWithThePageNotTheBucket() {
        for (int i = 0; i < 1500; i++) {
            uploads.initiate("b", "big/" + i, ALICE, ALICE, "AWS", null, NOW);
        }
        for (String k : List.of("a", "big", "c/1", "d")) {
            uploads.initiate("b", k, ALICE, ALICE, "AWS", null, NOW);
        }
        long[] moves = new long[1];
        UploadListing l = uploads.list("b", new UploadListRequest(null, "/", null, null, 1000), moves);
        assertThat(keys(l)).containsExactly("a", "big", "d");
        assertThat(l.commonPrefixes()).containsExactly("big/", "c/");
        assertThat(moves[0]).isLessThanOrEqualTo(8);

        l = uploads.list("b", new UploadListRequest("big/", null, null, null, 10), moves);
        assertThat(l.uploads()).hasSize(10);
        assertThat(moves[0]).isLessThanOrEqualTo(11);

        l = uploads.list("b", new UploadListRequest("big/", null, "big/5", null, 3), moves);
        assertThat(keys(l)).containsExactly("big/50", "big/500", "big/501");
        assertThat(moves[0]).isLessThanOrEqualTo(4);

        // a page of common prefixes: one seek per prefix, however many uploads each hides
        l = uploads.list("b", new UploadListRequest(null, "/", null, null, 3), moves);
        assertThat(keys(l)).containsExactly("a", "big");
        assertThat(l.commonPrefixes()).containsExactly("big/");
        assertThat(l.truncated()).isTrue();
        assertThat(l.nextKeyMarker()).isEqualTo("big/");
        assertThat(l.nextUploadIdMarker()).isNull();
        assertThat(moves[0]).isLessThanOrEqualTo(6);
    }

    // --- listing: page-by-page walks against a reference -------------------------------------------

    record Entry(String key, String uploadId) {
    }

    static final Comparator<String> UTF8 =
            (x, y) -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8));
    static final Comparator<Entry> ORDER = Comparator.comparing(Entry::key, UTF8).thenComparing(Entry::uploadId);

    /** A page computed the obvious way, over the full sorted list: [uploads, prefixes, truncated, nextKey, nextId]. */
    static UploadListing reference(List<Entry> sorted, UploadListRequest r) {
        String prefix = r.prefix() == null ? "" : r.prefix();
        String km = r.keyMarker();
        String um = km == null ? null : r.uploadIdMarker();
        List<Object> entries = new ArrayList<>(); // Entry or String (common prefix)
        Set<String> seenPrefixes = new LinkedHashSet<>();
        for (Entry e : sorted) {
            if (!e.key().startsWith(prefix)) {
                continue;
            }
            if (km != null) {
                int c = UTF8.compare(e.key(), km);
                boolean after = c > 0 || (c == 0 && um != null && e.uploadId().compareTo(um) > 0);
                if (!after) {
                    continue;
                }
            }
            if (r.delimiter() != null) {
                int d = e.key().indexOf(r.delimiter(), prefix.length());
                if (d >= 0) {
                    String cp = e.key().substring(0, d + r.delimiter().length());
                    if ((km == null || UTF8.compare(cp, km) > 0) && seenPrefixes.add(cp)) {
                        entries.add(cp);
                    }
                    continue;
                }
            }
            entries.add(e);
        }
        boolean truncated = entries.size() > r.maxUploads();
        List<Object> page = entries.subList(0, Math.min(r.maxUploads(), entries.size()));
        List<MultipartUpload> ups = new ArrayList<>();
        List<String> cps = new ArrayList<>();
        for (Object o : page) {
            if (o instanceof Entry e) {
                ups.add(new MultipartUpload("b", e.key(), e.uploadId(), Instant.EPOCH, ALICE, ALICE, "AWS", null));
            } else {
                cps.add((String) o);
            }
        }
        String nextKey = null;
        String nextId = null;
        if (truncated) {
            Object last = page.get(page.size() - 1);
            nextKey = last instanceof Entry e ? e.key() : (String) last;
            nextId = last instanceof Entry e ? e.uploadId() : null;
        }
        return new UploadListing(ups, cps, truncated, nextKey, nextId);
    }

    static List<Entry> entries(UploadListing l) {
        return l.uploads().stream().map(u -> new Entry(u.key(), u.uploadId())).toList();
    }

    @Test
    void pageByPageWalksMatchTheReference() {
        List<String> dirs = List.of("", "a/", "a/b/", "photos/2024/", "sp ace/", "p+lus/", "pct%2F/", "日本/", "😀/",
                "nul\u0000/");
        List<String> names = List.of("k", "k k", "k+1", "k%41", "é", "\uFFFD", "😀", "z", "k\u0000", "k/");
        List<Entry> all = new ArrayList<>();
        int n = 0;
        for (String d : dirs) {
            for (String name : names) {
                String key = d + name;
                int copies = 1 + (n++ % 4); // several uploads per key
                for (int i = 0; i < copies; i++) {
                    MultipartUpload u = uploads.initiate("b", key, ALICE, ALICE, "AWS", null, NOW.plusMillis(i));
                    all.add(new Entry(u.key(), u.uploadId()));
                }
            }
        }
        // a neighbouring bucket must never show up
        store.buckets().create("b-other", ALICE, null, "AWS", NOW);
        store.buckets().create("a", ALICE, null, "AWS", NOW);
        uploads.initiate("b-other", "k", ALICE, ALICE, "AWS", null, NOW);
        uploads.initiate("a", "zzz", ALICE, ALICE, "AWS", null, NOW);

        all.sort(ORDER);
        assertThat(all).hasSizeGreaterThan(200);

        List<String> prefixes = Arrays.asList(null, "", "a/", "photos/", "k", "nul\u0000", "日本/", "none/");
        List<String> delimiters = Arrays.asList(null, "/", "k", "\u0000");
        int[] pageSizes = {1, 3, 7, 1000};
        int walks = 0;
        for (String prefix : prefixes) {
            for (String delimiter : delimiters) {
                for (int max : pageSizes) {
                    walk(all, prefix, delimiter, max);
                    walks++;
                }
            }
        }
        assertThat(walks).isEqualTo(prefixes.size() * delimiters.size() * pageSizes.length);
    }

    private void walk(List<Entry> all, String prefix, String delimiter, int max) {
        UploadListing full = reference(all, new UploadListRequest(prefix, delimiter, null, null, Integer.MAX_VALUE));
        List<Entry> seen = new ArrayList<>();
        List<String> seenPrefixes = new ArrayList<>();
        String km = null;
        String um = null;
        for (int page = 0; ; page++) {
            assertThat(page).as("runaway walk").isLessThan(2000);
            UploadListRequest req = new UploadListRequest(prefix, delimiter, km, um, max);
            UploadListing got = uploads.list("b", req);
            UploadListing want = reference(all, req);
            String where = "prefix=" + prefix + " delimiter=" + delimiter + " max=" + max + " page=" + page;
            assertThat(entries(got)).as(where).isEqualTo(entries(want));
            assertThat(got.commonPrefixes()).as(where).isEqualTo(want.commonPrefixes());
            assertThat(got.truncated()).as(where).isEqualTo(want.truncated());
            assertThat(got.nextKeyMarker()).as(where).isEqualTo(want.nextKeyMarker());
            assertThat(got.nextUploadIdMarker()).as(where).isEqualTo(want.nextUploadIdMarker());
            assertThat(got.uploads().size() + got.commonPrefixes().size()).isLessThanOrEqualTo(max);
            seen.addAll(entries(got));
            seenPrefixes.addAll(got.commonPrefixes());
            if (!got.truncated()) {
                break;
            }
            km = got.nextKeyMarker();
            um = got.nextUploadIdMarker();
        }
        String where = "prefix=" + prefix + " delimiter=" + delimiter + " max=" + max;
        assertThat(seen).as(where).isEqualTo(entries(full));
        assertThat(seenPrefixes).as(where).doesNotHaveDuplicates().isEqualTo(full.commonPrefixes());
    }
}
