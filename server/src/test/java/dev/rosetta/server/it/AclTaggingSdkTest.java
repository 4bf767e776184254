package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.ServerFixture;
import dev.rosetta.server.testing.V4Signer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.Grantee;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Tag;
import software.amazon.awssdk.services.s3.model.Type;

/** GetBucketAcl, GetObjectAcl and object tagging through the AWS SDK v2, and their wire shape. */
class AclTaggingSdkTest {
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create();
    private static final String BUCKET = "acl-tags";
    private static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";

    private static S3Client s3;
    private static S3Client bob;
    private static String aliceId;

    @BeforeAll
    static void setUp() {
        s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE);
        bob = Clients.pathStyle(SERVER, ServerFixture.BOB);
        s3.createBucket(b -> b.bucket(BUCKET));
        aliceId = s3.listBuckets().owner().id();
    }

    @AfterAll
    static void tearDown() {
        s3.close();
        bob.close();
    }

    private static RawHttp.Response raw(String method, String target, byte[] body) throws Exception {
        String host = "127.0.0.1:" + SERVER.port();
        List<Map.Entry<String, String>> headers = V4Signer.sign(method, host, target, Map.of(), body,
                ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(), ServerFixture.REGION, null);
        try (RawHttp http = SERVER.raw()) {
            return http.exchange(method, target, headers, body);
        }
    }

    private static void assertOwnerFullControl(Grant g) {
        assertThat(g.permission()).isEqualTo(Permission.FULL_CONTROL);
        assertThat(g.grantee().type()).isEqualTo(Type.CANONICAL_USER);
        assertThat(g.grantee().id()).isEqualTo(aliceId);
        assertThat(g.grantee().displayName()).isEqualTo("alice");
    }

    // --- ACLs ---

    @Test
    void bucketAclIsTheOwnersFullControl() {
        GetBucketAclResponse acl = s3.getBucketAcl(b -> b.bucket(BUCKET));
        assertThat(acl.owner().id()).isEqualTo(aliceId);
        assertThat(acl.owner().displayName()).isEqualTo("alice");
        assertThat(acl.grants()).hasSize(1);
        assertOwnerFullControl(acl.grants().get(0));
    }

    @Test
    void objectAclShowsTheCannedAclItWasWrittenWith() {
        s3.putObject(b -> b.bucket(BUCKET).key("private"), RequestBody.fromString("p"));
        GetObjectAclResponse priv = s3.getObjectAcl(b -> b.bucket(BUCKET).key("private"));
        assertThat(priv.owner().id()).isEqualTo(aliceId);
        assertThat(priv.grants()).hasSize(1);
        assertOwnerFullControl(priv.grants().get(0));

        s3.putObject(b -> b.bucket(BUCKET).key("public").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("p"));
        GetObjectAclResponse pub = s3.getObjectAcl(b -> b.bucket(BUCKET).key("public"));
        assertThat(pub.grants()).hasSize(2);
        assertOwnerFullControl(pub.grants().get(0));
        Grant read = pub.grants().get(1);
        assertThat(read.permission()).isEqualTo(Permission.READ);
        assertThat(read.grantee().type()).isEqualTo(Type.GROUP);
        assertThat(read.grantee().uri()).isEqualTo(ALL_USERS);

        s3.putObject(b -> b.bucket(BUCKET).key("auth").acl(ObjectCannedACL.AUTHENTICATED_READ),
                RequestBody.fromString("p"));
        assertThat(s3.getObjectAcl(b -> b.bucket(BUCKET).key("auth")).grants()).extracting(Grant::grantee)
                .extracting(Grantee::uri)
                .containsExactly(null, "http://acs.amazonaws.com/groups/global/AuthenticatedUsers");

        s3.putObject(b -> b.bucket(BUCKET).key("rw").acl(ObjectCannedACL.PUBLIC_READ_WRITE),
                RequestBody.fromString("p"));
        assertThat(s3.getObjectAcl(b -> b.bucket(BUCKET).key("rw")).grants()).extracting(Grant::permission)
                .containsExactly(Permission.FULL_CONTROL, Permission.READ, Permission.WRITE);
    }

    @Test
    void explicitGrantsAreShownAsGiven() {
        s3.putObject(b -> b.bucket(BUCKET).key("granted").grantRead("uri=\"" + ALL_USERS + "\"")
                .grantFullControl("id=\"" + aliceId + "\""), RequestBody.fromString("g"));
        List<Grant> grants = s3.getObjectAcl(b -> b.bucket(BUCKET).key("granted")).grants();
        assertThat(grants).extracting(Grant::permission)
                .containsExactlyInAnyOrder(Permission.READ, Permission.FULL_CONTROL);
        Grant full = grants.stream().filter(g -> g.permission() == Permission.FULL_CONTROL).findFirst().orElseThrow();
        assertOwnerFullControl(full);
    }

    @Test
    void aclOfAMissingObjectIsNoSuchKey() {
        assertThatThrownBy(() -> s3.getObjectAcl(b -> b.bucket(BUCKET).key("missing")))
                .isInstanceOfSatisfying(S3Exception.class, e -> {
                    assertThat(e.statusCode()).isEqualTo(404);
                    assertThat(e.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
                });
    }

    @Test
    void rawAclDocumentPrintsTheGranteeAsS3Does() throws Exception {
        s3.putObject(b -> b.bucket(BUCKET).key("raw-acl").acl(ObjectCannedACL.PUBLIC_READ), RequestBody.fromString("r"));
        RawHttp.Response object = raw("GET", "/" + BUCKET + "/raw-acl?acl", null);
        assertThat(object.status()).as(object.bodyText()).isEqualTo(200);
        assertThat(object.bodyText()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<AccessControlPolicy xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Owner><ID>" + aliceId + "</ID><DisplayName>alice</DisplayName></Owner><AccessControlList>"
                + "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\">"
                + "<ID>" + aliceId + "</ID><DisplayName>alice</DisplayName></Grantee>"
                + "<Permission>FULL_CONTROL</Permission></Grant>"
                + "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"Group\">"
                + "<URI>" + ALL_USERS + "</URI></Grantee><Permission>READ</Permission></Grant>"
                + "</AccessControlList></AccessControlPolicy>");
        RawHttp.Response bucket = raw("GET", "/" + BUCKET + "?acl", null);
        assertThat(bucket.bodyText()).contains("<Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:type=\"CanonicalUser\"><ID>" + aliceId + "</ID>");
    }

    @Test
    void anotherAccountCannotReadAclsOrTags() {
        s3.putObject(b -> b.bucket(BUCKET).key("mine"), RequestBody.fromString("m"));
        List<Runnable> calls = List.of(
                () -> bob.getObjectAcl(b -> b.bucket(BUCKET).key("mine")),
                () -> bob.getObjectTagging(b -> b.bucket(BUCKET).key("mine")),
                () -> bob.putObjectTagging(b -> b.bucket(BUCKET).key("mine").tagging(t -> t.tagSet(
                        Tag.builder().key("k").value("v").build()))),
                () -> bob.deleteObjectTagging(b -> b.bucket(BUCKET).key("mine")));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class,
                    e -> assertThat(e.statusCode()).isEqualTo(403));
        }
        assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("mine")).tagSet()).isEmpty();
    }

    // --- tagging ---

    @Test
    void tagsPutGetAndDelete() {
        s3.putObject(b -> b.bucket(BUCKET).key("tagged"), RequestBody.fromString("t"));
        assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("tagged")).tagSet()).isEmpty();

        List<Tag> tags = List.of(Tag.builder().key("project").value("rosetta").build(),
                Tag.builder().key("a b+c/é").value("x=y&z <&> \"q\"").build(),
                Tag.builder().key("empty").value("").build());
        s3.putObjectTagging(b -> b.bucket(BUCKET).key("tagged").tagging(t -> t.tagSet(tags)));
        assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("tagged")).tagSet()).containsExactlyElementsOf(tags);
        assertThat(s3.getObject(b -> b.bucket(BUCKET).key("tagged")).response().tagCount()).isEqualTo(3);

        s3.putObjectTagging(b -> b.bucket(BUCKET).key("tagged").tagging(t -> t.tagSet(
                Tag.builder().key("only").value("one").build())));
        assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("tagged")).tagSet())
                .containsExactly(Tag.builder().key("only").value("one").build());

        s3.deleteObjectTagging(b -> b.bucket(BUCKET).key("tagged"));
        assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("tagged")).tagSet()).isEmpty();
        s3.deleteObjectTagging(b -> b.bucket(BUCKET).key("tagged")); // idempotent
    }

    @Test
    void tagsFromPutObjectHeaderAreReadBack() {
        s3.putObject(b -> b.bucket(BUCKET).key("header-tags").tagging("k1=v1&k%202=v%2B2"), RequestBody.fromString("h"));
        assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("header-tags")).tagSet()).containsExactly(
                Tag.builder().key("k1").value("v1").build(), Tag.builder().key("k 2").value("v+2").build());
    }

    @Test
    void retaggingKeepsTheBodyETagAndLastModified() throws Exception {
        byte[] data = new byte[300 * 1024 + 7]; // large enough to live in a blob, not inline
        new Random(42).nextBytes(data);
        String etag = s3.putObject(b -> b.bucket(BUCKET).key("big"), RequestBody.fromBytes(data)).eTag();
        HeadObjectResponse before = s3.headObject(b -> b.bucket(BUCKET).key("big"));
        Thread.sleep(5);
        for (int i = 0; i < 3; i++) {
            String v = "v" + i;
            s3.putObjectTagging(b -> b.bucket(BUCKET).key("big").tagging(t -> t.tagSet(
                    Tag.builder().key("round").value(v).build())));
        }
        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("big"));
        assertThat(got.asByteArray()).isEqualTo(data);
        assertThat(got.response().eTag()).isEqualTo(etag);
        assertThat(got.response().lastModified()).isEqualTo(before.lastModified());
        assertThat(got.response().tagCount()).isEqualTo(1);
        s3.deleteObjectTagging(b -> b.bucket(BUCKET).key("big"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("big")).asByteArray()).isEqualTo(data);
    }

    @Test
    void concurrentRetaggingAndOverwritesNeverLoseABody() throws Exception {
        byte[] first = new byte[200 * 1024];
        byte[] second = new byte[210 * 1024];
        new Random(1).nextBytes(first);
        new Random(2).nextBytes(second);
        s3.putObject(b -> b.bucket(BUCKET).key("contended"), RequestBody.fromBytes(first));
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int i = 0; i < 30; i++) {
                String v = Integer.toString(i);
                work.add(pool.submit(() -> s3.putObjectTagging(b -> b.bucket(BUCKET).key("contended")
                        .tagging(t -> t.tagSet(Tag.builder().key("n").value(v).build())))));
                byte[] body = i % 2 == 0 ? second : first;
                work.add(pool.submit(() -> s3.putObject(b -> b.bucket(BUCKET).key("contended"),
                        RequestBody.fromBytes(body))));
            }
            for (Future<?> f : work) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        byte[] now = s3.getObjectAsBytes(b -> b.bucket(BUCKET).key("contended")).asByteArray();
        assertThat(now).satisfiesAnyOf(
                b -> assertThat(b).isEqualTo(first), b -> assertThat(b).isEqualTo(second));
    }

    @Test
    void tagsBeyondS3sLimitsAreInvalidTag() {
        s3.putObject(b -> b.bucket(BUCKET).key("limits"), RequestBody.fromString("l"));
        List<Tag> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) {
            eleven.add(Tag.builder().key("k" + i).value("v").build());
        }
        List<List<Tag>> refused = List.of(eleven,
                List.of(Tag.builder().key("k".repeat(129)).value("v").build()),
                List.of(Tag.builder().key("k").value("v".repeat(257)).build()),
                List.of(Tag.builder().key("dup").value("1").build(), Tag.builder().key("dup").value("2").build()),
                List.of(Tag.builder().key("").value("v").build()));
        for (List<Tag> tags : refused) {
            assertThatThrownBy(() -> s3.putObjectTagging(b -> b.bucket(BUCKET).key("limits")
                    .tagging(t -> t.tagSet(tags)))).isInstanceOfSatisfying(S3Exception.class, e -> {
                        assertThat(e.statusCode()).isEqualTo(400);
                        assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidTag");
                    });
        }
        List<Tag> ten = eleven.subList(0, 10);
        s3.putObjectTagging(b -> b.bucket(BUCKET).key("limits").tagging(t -> t.tagSet(ten)));
        s3.putObjectTagging(b -> b.bucket(BUCKET).key("limits").tagging(t -> t.tagSet(
                Tag.builder().key("é".repeat(128)).value("日".repeat(256)).build())));
        assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("limits")).tagSet().get(0).value())
                .hasSize(256);
    }

    @Test
    void taggingAMissingObjectIsNoSuchKey() {
        List<Runnable> calls = List.of(
                () -> s3.getObjectTagging(b -> b.bucket(BUCKET).key("nope")),
                () -> s3.putObjectTagging(b -> b.bucket(BUCKET).key("nope").tagging(t -> t.tagSet(
                        Tag.builder().key("k").value("v").build()))),
                () -> s3.deleteObjectTagging(b -> b.bucket(BUCKET).key("nope")));
        for (Runnable call : calls) {
            assertThatThrownBy(call::run).isInstanceOf(NoSuchKeyException.class);
        }
    }

    @Test
    void rawTaggingDocumentsAndMalformedBodies() throws Exception {
        s3.putObject(b -> b.bucket(BUCKET).key("raw-tags"), RequestBody.fromString("r"));
        byte[] doc = ("<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet>"
                + "<Tag><Key>k&amp;1</Key><Value>v</Value></Tag></TagSet></Tagging>").getBytes(StandardCharsets.UTF_8);
        RawHttp.Response put = raw("PUT", "/" + BUCKET + "/raw-tags?tagging", doc);
        assertThat(put.status()).as(put.bodyText()).isEqualTo(200);
        RawHttp.Response get = raw("GET", "/" + BUCKET + "/raw-tags?tagging", null);
        assertThat(get.bodyText()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet>"
                + "<Tag><Key>k&amp;1</Key><Value>v</Value></Tag></TagSet></Tagging>");
        for (String bad : List.of("garbage", "<Tagging></Tagging>", "<TagSet/>",
                "<Tagging><TagSet><Tag><Key>k</Key></Tag></TagSet></Tagging>",
                "<!DOCTYPE x [<!ENTITY e \"v\">]><Tagging><TagSet/></Tagging>")) {
            RawHttp.Response r = raw("PUT", "/" + BUCKET + "/raw-tags?tagging", bad.getBytes(StandardCharsets.UTF_8));
            assertThat(r.status()).as(bad).isEqualTo(400);
            assertThat(r.xmlElement("Code")).as(bad).isEqualTo("MalformedXML");
        }
        RawHttp.Response empty = raw("PUT", "/" + BUCKET + "/raw-tags?tagging", null);
        assertThat(empty.xmlElement("Code")).isEqualTo("MalformedXML");
        // nothing refused changed the tags
        assertThat(s3.getObjectTagging(b -> b.bucket(BUCKET).key("raw-tags")).tagSet())
                .containsExactly(Tag.builder().key("k&1").value("v").build());
        RawHttp.Response delete = raw("DELETE", "/" + BUCKET + "/raw-tags?tagging", null);
        assertThat(delete.status()).isEqualTo(204);
        assertThat(delete.body()).isEmpty();
    }
}
