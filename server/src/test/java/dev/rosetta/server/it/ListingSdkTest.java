package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.ServerFixture;
import dev.rosetta.server.testing.V4Signer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.EncodingType;
import software.amazon.awssdk.services.s3.model.GetBucketVersioningResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.ObjectVersion;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * ListObjects (v1 and v2) and ListObjectVersions through the AWS SDK v2, page by page over a few
 * hundred keys, against a reference computed here in UTF-8 byte order.
 */
class ListingSdkTest {
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create();
    private static final String BUCKET = "listing";
    private static final String SMALL_BUCKET = "listing-small";

    /** Keys that break naive encoders, sorters or splitters. */
    static final List<String> AWKWARD = List.of(
            "a", "a/b", "a/b/c", "a+b", "a b", "a%20b", "a%2Fb", "100%", "plus+and space/x",
            "unicode/é", "unicode/日本語", "unicode/😀", "unicode/\uFF21", "unicode/\uE000",
            "slash//double", "/leading", "trailing/", "tilde~star*", "amp&lt<gt>\"quote'", "q?x=1#frag",
            "tab\tkey", "semi;colon,comma", "=equals", "caf\u00e9/\u0301");

    static final Comparator<String> UTF8_ORDER = (x, y) -> Arrays.compareUnsigned(
            x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8));

    private static S3Client s3;
    private static S3Client bob;
    private static List<String> allKeys;

    @BeforeAll
    static void setUp() throws Exception {
        s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE);
        bob = Clients.pathStyle(SERVER, ServerFixture.BOB);
        s3.createBucket(b -> b.bucket(BUCKET));
        s3.createBucket(b -> b.bucket(SMALL_BUCKET));
        List<String> keys = new ArrayList<>(AWKWARD);
        for (int i = 0; i < 120; i++) {
            keys.add(String.format("flat-%03d", i));
        }
        for (int d = 0; d < 12; d++) {
            for (int f = 0; f < 12; f++) {
                keys.add(String.format("dir%02d/file%02d", d, f));
            }
        }
        for (int i = 0; i < 10; i++) {
            keys.add("deep/x/y/z/" + i);
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> puts = new ArrayList<>();
            for (String k : keys) {
                puts.add(pool.submit(() -> s3.putObject(b -> b.bucket(BUCKET).key(k),
                        RequestBody.fromString("body of " + k))));
            }
            for (Future<?> f : puts) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        allKeys = keys.stream().sorted(UTF8_ORDER).toList();
        for (String k : List.of("a", "a/b", "b")) {
            s3.putObject(b -> b.bucket(SMALL_BUCKET).key(k), RequestBody.fromString(k));
        }
    }

    @AfterAll
    static void tearDown() {
        s3.close();
        bob.close();
    }

    /** What S3 answers for a prefix and delimiter: keys and common prefixes, in UTF-8 order. */
    private static List<String> reference(String prefix, String delimiter) {
        TreeSet<String> out = new TreeSet<>(UTF8_ORDER);
        for (String k : allKeys) {
            if (!k.startsWith(prefix)) {
                continue;
            }
            int d = delimiter == null ? -1 : k.indexOf(delimiter, prefix.length());
            out.add(d < 0 ? k : k.substring(0, d + delimiter.length()));
        }
        return List.copyOf(out);
    }

    @Test
    void referenceSortsByUtf8BytesNotJavaStrings() {
        // U+FF21 sorts after the emoji in UTF-8 bytes but before it in UTF-16 code units
        assertThat(allKeys.indexOf("unicode/\uFF21")).isLessThan(allKeys.indexOf("unicode/😀"));
        assertThat("unicode/\uFF21".compareTo("unicode/😀")).isPositive();
    }

    @Test
    void v2PaginatorWalksEveryKeyOnceInUtf8Order() {
        List<String> seen = new ArrayList<>();
        int pages = 0;
        for (ListObjectsV2Response page : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).maxKeys(7))) {
            pages++;
            assertThat(page.keyCount()).isEqualTo(page.contents().size());
            assertThat(page.keyCount()).isLessThanOrEqualTo(7);
            assertThat(page.contents()).allSatisfy(o -> {
                assertThat(o.owner()).isNull();
                assertThat(o.eTag()).startsWith("\"").endsWith("\"");
                assertThat(o.storageClassAsString()).isEqualTo("STANDARD");
                assertThat(o.lastModified()).isNotNull();
            });
            page.contents().forEach(o -> seen.add(o.key()));
            if (page.isTruncated()) {
                assertThat(page.nextContinuationToken()).isNotBlank();
            } else {
                assertThat(page.nextContinuationToken()).isNull();
            }
        }
        assertThat(seen).containsExactlyElementsOf(allKeys);
        assertThat(pages).isEqualTo((allKeys.size() + 6) / 7);
    }

    @Test
    void v2DelimitedPagesNeverRepeatACommonPrefix() {
        for (String prefix : List.of("", "dir0", "unicode/", "deep/")) {
            for (int pageSize : new int[] {1, 3, 1000}) {
                List<String> seen = new ArrayList<>();
                Set<String> prefixes = new HashSet<>();
                for (ListObjectsV2Response page : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).prefix(prefix)
                        .delimiter("/").maxKeys(pageSize))) {
                    assertThat(page.keyCount()).isEqualTo(page.contents().size() + page.commonPrefixes().size())
                            .isLessThanOrEqualTo(pageSize);
                    assertThat(page.delimiter()).isEqualTo("/");
                    assertThat(page.prefix()).isEqualTo(prefix);
                    for (CommonPrefix cp : page.commonPrefixes()) {
                        assertThat(prefixes.add(cp.prefix())).as("repeated " + cp.prefix()).isTrue();
                    }
                    // objects and prefixes of a page interleave in key order
                    TreeSet<String> merged = new TreeSet<>(UTF8_ORDER);
                    page.contents().forEach(o -> merged.add(o.key()));
                    page.commonPrefixes().forEach(cp -> merged.add(cp.prefix()));
                    seen.addAll(merged);
                }
                assertThat(seen).as("prefix '%s', page %d", prefix, pageSize)
                        .containsExactlyElementsOf(reference(prefix, "/"));
            }
        }
    }

    @Test
    void v1PagesWithMarkerAndNextMarker() {
        // without a delimiter there is no NextMarker: the next marker is the last key
        List<String> seen = new ArrayList<>();
        String marker = null;
        while (true) {
            String m = marker;
            ListObjectsResponse page = s3.listObjects(b -> b.bucket(BUCKET).maxKeys(11).marker(m));
            assertThat(page.nextMarker()).isNull();
            assertThat(page.maxKeys()).isEqualTo(11);
            assertThat(page.contents()).allSatisfy(o -> assertThat(o.owner()).isNotNull());
            page.contents().forEach(o -> seen.add(o.key()));
            if (!page.isTruncated()) {
                break;
            }
            marker = page.contents().get(page.contents().size() - 1).key();
        }
        assertThat(seen).containsExactlyElementsOf(allKeys);

        // with one, NextMarker names the last key or common prefix of the page
        List<String> delimited = new ArrayList<>();
        marker = null;
        while (true) {
            String m = marker;
            ListObjectsResponse page = s3.listObjects(b -> b.bucket(BUCKET).maxKeys(4).delimiter("/").marker(m));
            TreeSet<String> merged = new TreeSet<>(UTF8_ORDER);
            page.contents().forEach(o -> merged.add(o.key()));
            page.commonPrefixes().forEach(cp -> merged.add(cp.prefix()));
            delimited.addAll(merged);
            if (!page.isTruncated()) {
                assertThat(page.nextMarker()).isNull();
                break;
            }
            assertThat(page.nextMarker()).isEqualTo(merged.last());
            marker = page.nextMarker();
        }
        assertThat(delimited).containsExactlyElementsOf(reference("", "/"));
    }

    @Test
    void versionsPaginatorListsEveryObjectAsItsNullVersion() {
        List<String> seen = new ArrayList<>();
        for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(b -> b.bucket(BUCKET).maxKeys(9))) {
            for (ObjectVersion v : page.versions()) {
                assertThat(v.versionId()).isEqualTo("null");
                assertThat(v.isLatest()).isTrue();
                assertThat(v.owner()).isNotNull();
                assertThat(v.size()).isEqualTo(("body of " + v.key()).getBytes(StandardCharsets.UTF_8).length);
                seen.add(v.key());
            }
            assertThat(page.deleteMarkers()).isEmpty();
            if (page.isTruncated()) {
                assertThat(page.nextKeyMarker()).isEqualTo(seen.get(seen.size() - 1));
                assertThat(page.nextVersionIdMarker()).isEqualTo("null");
            }
        }
        assertThat(seen).containsExactlyElementsOf(allKeys);
    }

    @Test
    void versionsWithDelimiterPageLikeListObjects() {
        List<String> seen = new ArrayList<>();
        for (ListObjectVersionsResponse page : s3.listObjectVersionsPaginator(b -> b.bucket(BUCKET).maxKeys(5)
                .delimiter("/"))) {
            TreeSet<String> merged = new TreeSet<>(UTF8_ORDER);
            page.versions().forEach(v -> merged.add(v.key()));
            page.commonPrefixes().forEach(cp -> merged.add(cp.prefix()));
            seen.addAll(merged);
            if (page.isTruncated()) {
                assertThat(page.nextKeyMarker()).isEqualTo(merged.last());
                if (merged.last().endsWith("/") && page.versions().stream().noneMatch(
                        v -> v.key().equals(merged.last()))) {
                    assertThat(page.nextVersionIdMarker()).isNull();
                }
            }
        }
        assertThat(seen).containsExactlyElementsOf(reference("", "/"));
    }

    @Test
    void maxKeysZeroIsAnEmptyPageThatIsNotTruncated() {
        ListObjectsV2Response v2 = s3.listObjectsV2(b -> b.bucket(BUCKET).maxKeys(0));
        assertThat(v2.contents()).isEmpty();
        assertThat(v2.keyCount()).isZero();
        assertThat(v2.isTruncated()).isFalse();
        assertThat(v2.maxKeys()).isZero();
        ListObjectsResponse v1 = s3.listObjects(b -> b.bucket(BUCKET).maxKeys(0).delimiter("/"));
        assertThat(v1.contents()).isEmpty();
        assertThat(v1.commonPrefixes()).isEmpty();
        assertThat(v1.isTruncated()).isFalse();
        ListObjectVersionsResponse versions = s3.listObjectVersions(b -> b.bucket(BUCKET).maxKeys(0));
        assertThat(versions.versions()).isEmpty();
        assertThat(versions.isTruncated()).isFalse();
    }

    @Test
    void maxKeysIsCappedAtAThousandAndDefaultsToIt() {
        ListObjectsV2Response v2 = s3.listObjectsV2(b -> b.bucket(BUCKET).maxKeys(5000));
        assertThat(v2.maxKeys()).isEqualTo(1000);
        assertThat(v2.contents()).hasSize(allKeys.size());
        assertThat(s3.listObjects(b -> b.bucket(BUCKET)).maxKeys()).isEqualTo(1000);
    }

    @Test
    void urlEncodedListingsRoundTripAwkwardKeysThroughTheSdk() {
        // the SDK decodes Key, Prefix, Delimiter, StartAfter, markers when the answer says EncodingType=url
        List<String> v2Keys = new ArrayList<>();
        for (ListObjectsV2Response page : s3.listObjectsV2Paginator(b -> b.bucket(BUCKET).maxKeys(5)
                .encodingType(EncodingType.URL))) {
            assertThat(page.encodingType()).isEqualTo(EncodingType.URL);
            page.contents().forEach(o -> v2Keys.add(o.key()));
        }
        assertThat(v2Keys).containsExactlyElementsOf(allKeys);

        List<String> v1Keys = new ArrayList<>();
        String marker = null;
        while (true) {
            String m = marker;
            ListObjectsResponse page = s3.listObjects(b -> b.bucket(BUCKET).maxKeys(13).marker(m)
                    .encodingType(EncodingType.URL));
            page.contents().forEach(o -> v1Keys.add(o.key()));
            if (!page.isTruncated()) {
                break;
            }
            marker = v1Keys.get(v1Keys.size() - 1);
        }
        assertThat(v1Keys).containsExactlyElementsOf(allKeys);

        ListObjectsV2Response spaced = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("plus+and space/")
                .delimiter("/").startAfter("plus+and space/").encodingType(EncodingType.URL));
        assertThat(spaced.prefix()).isEqualTo("plus+and space/");
        assertThat(spaced.startAfter()).isEqualTo("plus+and space/");
        assertThat(spaced.contents()).extracting(S3Object::key).containsExactly("plus+and space/x");

        ListObjectVersionsResponse versions = s3.listObjectVersions(b -> b.bucket(BUCKET).prefix("unicode/")
                .encodingType(EncodingType.URL));
        assertThat(versions.versions()).extracting(ObjectVersion::key)
                .containsExactlyElementsOf(reference("unicode/", null));
    }

    @Test
    void everyAwkwardKeyIsFoundByItsOwnPrefix() {
        for (String key : AWKWARD) {
            ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix(key).maxKeys(1));
            assertThat(r.contents()).as(key).extracting(S3Object::key).containsExactly(key);
        }
    }

    @Test
    void aKeyAndAKeyUnderItAreBothListed() {
        ListObjectsV2Response flat = s3.listObjectsV2(b -> b.bucket(SMALL_BUCKET));
        assertThat(flat.contents()).extracting(S3Object::key).containsExactly("a", "a/b", "b");
        ListObjectsV2Response delimited = s3.listObjectsV2(b -> b.bucket(SMALL_BUCKET).delimiter("/"));
        assertThat(delimited.contents()).extracting(S3Object::key).containsExactly("a", "b");
        assertThat(delimited.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("a/");
        assertThat(delimited.keyCount()).isEqualTo(3);
        ListObjectsV2Response underA = s3.listObjectsV2(b -> b.bucket(SMALL_BUCKET).prefix("a").delimiter("/"));
        assertThat(underA.contents()).extracting(S3Object::key).containsExactly("a");
        assertThat(underA.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("a/");
        ListObjectsV2Response inA = s3.listObjectsV2(b -> b.bucket(SMALL_BUCKET).prefix("a/").delimiter("/"));
        assertThat(inA.contents()).extracting(S3Object::key).containsExactly("a/b");
        assertThat(inA.commonPrefixes()).isEmpty();
        // a page boundary between "a" and "a/": the prefix comes on the next page, once
        ListObjectsV2Response first = s3.listObjectsV2(b -> b.bucket(SMALL_BUCKET).delimiter("/").maxKeys(1));
        assertThat(first.contents()).extracting(S3Object::key).containsExactly("a");
        ListObjectsV2Response second = s3.listObjectsV2(b -> b.bucket(SMALL_BUCKET).delimiter("/").maxKeys(1)
                .continuationToken(first.nextContinuationToken()));
        assertThat(second.contents()).isEmpty();
        assertThat(second.commonPrefixes()).extracting(CommonPrefix::prefix).containsExactly("a/");
        assertThat(second.continuationToken()).isEqualTo(first.nextContinuationToken());
        ListObjectsV2Response third = s3.listObjectsV2(b -> b.bucket(SMALL_BUCKET).delimiter("/").maxKeys(1)
                .continuationToken(second.nextContinuationToken()));
        assertThat(third.contents()).extracting(S3Object::key).containsExactly("b");
        assertThat(third.isTruncated()).isFalse();
    }

    @Test
    void virtualHostStyleListsTheSame() {
        try (S3Client vhost = Clients.virtualHost(SERVER, ServerFixture.ALICE)) {
            List<String> keys = new ArrayList<>();
            vhost.listObjectsV2Paginator(b -> b.bucket(BUCKET).maxKeys(50)).contents().forEach(o -> keys.add(o.key()));
            assertThat(keys).containsExactlyElementsOf(allKeys);
            assertThat(vhost.listObjects(b -> b.bucket(SMALL_BUCKET).delimiter("/")).commonPrefixes())
                    .extracting(CommonPrefix::prefix).containsExactly("a/");
            assertThat(vhost.getBucketVersioning(b -> b.bucket(SMALL_BUCKET)).status()).isNull();
        }
    }

    @Test
    void startAfterIsExclusiveAndEchoed() {
        ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket(SMALL_BUCKET).startAfter("a"));
        assertThat(r.contents()).extracting(S3Object::key).containsExactly("a/b", "b");
        assertThat(r.startAfter()).isEqualTo("a");
        ListObjectsV2Response between = s3.listObjectsV2(b -> b.bucket(SMALL_BUCKET).startAfter("a/a"));
        assertThat(between.contents()).extracting(S3Object::key).containsExactly("a/b", "b");
        ListObjectsV2Response past = s3.listObjectsV2(b -> b.bucket(SMALL_BUCKET).startAfter("zzz"));
        assertThat(past.contents()).isEmpty();
        assertThat(past.isTruncated()).isFalse();
        // a continuation token wins over start-after
        ListObjectsV2Response first = s3.listObjectsV2(b -> b.bucket(SMALL_BUCKET).maxKeys(2));
        ListObjectsV2Response rest = s3.listObjectsV2(b -> b.bucket(SMALL_BUCKET).startAfter("0")
                .continuationToken(first.nextContinuationToken()));
        assertThat(rest.contents()).extracting(S3Object::key).containsExactly("b");
        ListObjectsResponse v1 = s3.listObjects(b -> b.bucket(SMALL_BUCKET).marker("a/b"));
        assertThat(v1.marker()).isEqualTo("a/b");
        assertThat(v1.contents()).extracting(S3Object::key).containsExactly("b");
    }

    @Test
    void fetchOwnerAddsTheOwner() {
        String aliceId = s3.listBuckets().owner().id();
        ListObjectsV2Response without = s3.listObjectsV2(b -> b.bucket(SMALL_BUCKET));
        assertThat(without.contents()).allSatisfy(o -> assertThat(o.owner()).isNull());
        ListObjectsV2Response with = s3.listObjectsV2(b -> b.bucket(SMALL_BUCKET).fetchOwner(true));
        assertThat(with.contents()).allSatisfy(o -> {
            assertThat(o.owner().id()).isEqualTo(aliceId);
            assertThat(o.owner().displayName()).isEqualTo("alice");
        });
        ListObjectsResponse v1 = s3.listObjects(b -> b.bucket(SMALL_BUCKET));
        assertThat(v1.contents()).allSatisfy(o -> assertThat(o.owner().id()).isEqualTo(aliceId));
    }

    @Test
    void prefixThatMatchesNothingIsAnEmptyPage() {
        ListObjectsV2Response r = s3.listObjectsV2(b -> b.bucket(BUCKET).prefix("nothing-here/").delimiter("/"));
        assertThat(r.contents()).isEmpty();
        assertThat(r.commonPrefixes()).isEmpty();
        assertThat(r.keyCount()).isZero();
        assertThat(r.isTruncated()).isFalse();
    }

    @Test
    void bucketVersioningIsNeverEnabledAndCannotBeSetYet() {
        GetBucketVersioningResponse v = s3.getBucketVersioning(b -> b.bucket(BUCKET));
        assertThat(v.status()).isNull();
        assertThat(v.mfaDelete()).isNull();
        assertThatThrownBy(() -> s3.putBucketVersioning(b -> b.bucket(BUCKET)
                .versioningConfiguration(c -> c.status(BucketVersioningStatus.ENABLED))))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(501);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NotImplemented");
                    assertThat(e.awsErrorDetails().errorMessage()).contains("PutBucketVersioning");
                });
    }

    @Test
    void anotherAccountsBucketIsAccessDenied() {
        List<Runnable> calls = List.of(
                () -> bob.listObjects(b -> b.bucket(BUCKET)),
                () -> bob.listObjectsV2(b -> b.bucket(BUCKET)),
                () -> bob.listObjectVersions(b -> b.bucket(BUCKET)),
                () -> bob.getBucketVersioning(b -> b.bucket(BUCKET)),
                () -> bob.getBucketAcl(b -> b.bucket(BUCKET)),
                () -> bob.getBucketLocation(b -> b.bucket(BUCKET)),
                () -> bob.headBucket(b -> b.bucket(BUCKET)));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class,
                    e -> assertThat(e.statusCode()).isEqualTo(403));
        }
    }

    @Test
    void missingBucketIsNoSuchBucket() {
        assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket("no-such-listing-bucket")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchBucket");
                });
    }

    // --- the wire, where the SDK would hide it ---

    private static RawHttp.Response get(String target) throws Exception {
        String host = "127.0.0.1:" + SERVER.port();
        List<Map.Entry<String, String>> headers = V4Signer.sign("GET", host, target, Map.of(), null,
                ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(), ServerFixture.REGION, null);
        try (RawHttp http = SERVER.raw()) {
            return http.exchange("GET", target, headers, null);
        }
    }

    private static void assertInvalidArgument(RawHttp.Response r, String argumentName) {
        assertThat(r.status()).as(r.bodyText()).isEqualTo(400);
        assertThat(r.xmlElement("Code")).isEqualTo("InvalidArgument");
        assertThat(r.xmlElement("ArgumentName")).isEqualTo(argumentName);
    }

    @Test
    void invalidContinuationTokensAreInvalidArgument() throws Exception {
        for (String token : List.of("%21%21%21", "_w", "A", "")) {
            assertInvalidArgument(get("/" + SMALL_BUCKET + "?list-type=2&continuation-token=" + token),
                    "continuation-token");
        }
        assertThatThrownBy(() -> s3.listObjectsV2(b -> b.bucket(SMALL_BUCKET).continuationToken("not a token!")))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(400));
    }

    @Test
    void invalidParametersAreInvalidArgument() throws Exception {
        assertInvalidArgument(get("/" + SMALL_BUCKET + "?max-keys=abc"), "max-keys");
        assertInvalidArgument(get("/" + SMALL_BUCKET + "?list-type=2&max-keys=-1"), "max-keys");
        assertInvalidArgument(get("/" + SMALL_BUCKET + "?versions&max-keys=1.5"), "max-keys");
        assertInvalidArgument(get("/" + SMALL_BUCKET + "?list-type=2&encoding-type=base64"), "encoding-type");
        assertInvalidArgument(get("/" + SMALL_BUCKET + "?versions&version-id-marker=null"), "version-id-marker");
        assertInvalidArgument(get("/" + SMALL_BUCKET + "?versions&key-marker=a&version-id-marker=abc"),
                "version-id-marker");
    }

    @Test
    void rawV2DocumentHasS3sShape() throws Exception {
        RawHttp.Response r = get("/" + SMALL_BUCKET + "?list-type=2&delimiter=%2F&max-keys=2&start-after=");
        assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
        assertThat(r.header("content-type")).isEqualTo("application/xml");
        String body = r.bodyText();
        assertThat(body).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>listing-small</Name>"
                + "<Prefix></Prefix><NextContinuationToken>");
        assertThat(body).contains("</NextContinuationToken><KeyCount>2</KeyCount><MaxKeys>2</MaxKeys>"
                + "<Delimiter>/</Delimiter><IsTruncated>true</IsTruncated><Contents><Key>a</Key>");
        assertThat(body).contains("<CommonPrefixes><Prefix>a/</Prefix></CommonPrefixes></ListBucketResult>");
        assertThat(body).doesNotContain("<Owner>").doesNotContain("<StartAfter>").doesNotContain("EncodingType");
        assertThat(r.xmlElement("Size")).isEqualTo("1");
        assertThat(r.xmlElement("ETag")).matches("\"[0-9a-f]{32}\"");
        assertThat(r.xmlElement("LastModified")).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
    }

    @Test
    void rawV1DocumentHasS3sShape() throws Exception {
        RawHttp.Response r = get("/" + SMALL_BUCKET + "?delimiter=%2F&max-keys=1&marker=a");
        assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
        assertThat(r.bodyText()).contains("<Name>listing-small</Name><Prefix></Prefix><Marker>a</Marker>"
                + "<NextMarker>a/</NextMarker><MaxKeys>1</MaxKeys><Delimiter>/</Delimiter>"
                + "<IsTruncated>true</IsTruncated><CommonPrefixes><Prefix>a/</Prefix></CommonPrefixes>"
                + "</ListBucketResult>");
        RawHttp.Response flat = get("/" + SMALL_BUCKET + "?max-keys=1");
        assertThat(flat.bodyText()).contains("<Marker></Marker><MaxKeys>1</MaxKeys><IsTruncated>true</IsTruncated>")
                .doesNotContain("NextMarker");
        assertThat(flat.bodyText()).containsPattern("<Size>1</Size><Owner><ID>[0-9a-f]{64}</ID>"
                + "<DisplayName>alice</DisplayName></Owner><StorageClass>STANDARD</StorageClass></Contents>");
    }

    @Test
    void rawUrlEncodedDocumentsEncodeKeyLikeElements() throws Exception {
        RawHttp.Response v2 = get("/" + BUCKET + "?list-type=2&encoding-type=url&prefix=plus%2Band%20space%2F"
                + "&start-after=plus%2Band%20space%2F&delimiter=%2F");
        assertThat(v2.status()).as(v2.bodyText()).isEqualTo(200);
        assertThat(v2.bodyText()).contains("<Prefix>plus%2Band%20space/</Prefix>"
                + "<StartAfter>plus%2Band%20space/</StartAfter><KeyCount>1</KeyCount><MaxKeys>1000</MaxKeys>"
                + "<Delimiter>/</Delimiter><EncodingType>url</EncodingType><IsTruncated>false</IsTruncated>"
                + "<Contents><Key>plus%2Band%20space/x</Key>");

        RawHttp.Response unicode = get("/" + BUCKET + "?encoding-type=url&prefix=unicode%2F&marker=unicode%2F%C3%A9");
        String text = unicode.bodyText();
        assertThat(text).contains("<Marker>unicode/%C3%A9</Marker>")
                .contains("<Key>unicode/%E6%97%A5%E6%9C%AC%E8%AA%9E</Key>")
                .contains("<Key>unicode/%F0%9F%98%80</Key>")
                .contains("<Key>unicode/%EF%BC%A1</Key>")
                .doesNotContain("<Key>unicode/%C3%A9</Key>");
        // U+E000 < U+FF21 < U+1F600 in UTF-8 bytes
        assertThat(text.indexOf("%EE%80%80")).isLessThan(text.indexOf("%EF%BC%A1"));
        assertThat(text.indexOf("%EF%BC%A1")).isLessThan(text.indexOf("%F0%9F%98%80"));

        RawHttp.Response awkward = get("/" + BUCKET + "?encoding-type=url&prefix=a");
        assertThat(awkward.bodyText()).contains("<Key>a%20b</Key>").contains("<Key>a%2520b</Key>")
                .contains("<Key>a%2Bb</Key>").contains("<Key>a%252Fb</Key>")
                .contains("<Key>amp%26lt%3Cgt%3E%22quote%27</Key>");

        RawHttp.Response versions = get("/" + BUCKET + "?versions&encoding-type=url&prefix=a%20&key-marker=a%20");
        assertThat(versions.bodyText()).contains("<Prefix>a%20</Prefix><KeyMarker>a%20</KeyMarker>"
                + "<VersionIdMarker></VersionIdMarker><MaxKeys>1000</MaxKeys><EncodingType>url</EncodingType>"
                + "<IsTruncated>false</IsTruncated><Version><Key>a%20b</Key><VersionId>null</VersionId>"
                + "<IsLatest>true</IsLatest>");
    }

    @Test
    void rawUnencodedDocumentsEscapeKeysAsXml() throws Exception {
        RawHttp.Response r = get("/" + BUCKET + "?list-type=2&prefix=amp");
        assertThat(r.bodyText()).contains("<Key>amp&amp;lt&lt;gt&gt;\"quote'</Key>");
        RawHttp.Response tab = get("/" + BUCKET + "?list-type=2&prefix=tab");
        assertThat(tab.bodyText()).contains("<Key>tab&#9;key</Key>");
    }

    @Test
    void rawVersioningDocumentIsEmpty() throws Exception {
        RawHttp.Response r = get("/" + SMALL_BUCKET + "?versioning");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.bodyText()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VersioningConfiguration"
                + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></VersioningConfiguration>");
    }
}
