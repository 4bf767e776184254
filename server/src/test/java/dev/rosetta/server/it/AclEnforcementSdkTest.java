package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.ServerFixture;
import dev.rosetta.server.testing.V4Signer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketCannedACL;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetBucketAclResponse;
import software.amazon.awssdk.services.s3.model.GetObjectAclResponse;
import software.amazon.awssdk.services.s3.model.Grant;
import software.amazon.awssdk.services.s3.model.ObjectCannedACL;
import software.amazon.awssdk.services.s3.model.Permission;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.Type;

/**
 * ACL enforcement through the AWS SDK v2 with two accounts (alice, bob) and raw unsigned requests: what each
 * ACL lets anonymous users and another account do, PutBucketAcl / PutObjectAcl with headers and with an
 * AccessControlPolicy body, and the errors S3 answers for bad ACLs.
 */
class AclEnforcementSdkTest {
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create();
    static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";

    static S3Client alice;
    static S3Client bob;
    static String aliceId;
    static String bobId;

    @BeforeAll
    static void setUp() throws Exception {
        alice = Clients.pathStyle(SERVER, ServerFixture.ALICE);
        bob = Clients.pathStyle(SERVER, ServerFixture.BOB);
        aliceId = alice.listBuckets().owner().id();
        bobId = bob.listBuckets().owner().id();
    }

    @AfterAll
    static void tearDown() {
        alice.close();
        bob.close();
    }

    static String newBucket(BucketCannedACL acl) {
        String name = "acl-" + UUID.randomUUID().toString().substring(0, 8);
        alice.createBucket(b -> {
            b.bucket(name);
            if (acl != null) {
                b.acl(acl);
            }
        });
        return name;
    }

    static RawHttp.Response anonymous(String method, String target) throws Exception {
        return anonymous(method, target, List.of(), null);
    }

    static RawHttp.Response anonymous(String method, String target, List<Map.Entry<String, String>> extra,
                                      byte[] body) throws Exception {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Host", "127.0.0.1:" + SERVER.port()));
        headers.addAll(extra);
        if (body != null) {
            headers.add(Map.entry("Content-Length", Integer.toString(body.length)));
        }
        try (RawHttp http = SERVER.raw()) {
            return http.exchange(method, target, headers, body);
        }
    }

    /** A V4-signed request by alice with extra headers and an optional body. */
    static RawHttp.Response signed(String method, String target, Map<String, String> headers, String body)
            throws Exception {
        byte[] bytes = body == null ? null : body.getBytes(StandardCharsets.UTF_8);
        List<Map.Entry<String, String>> signedHeaders = V4Signer.sign(method, "127.0.0.1:" + SERVER.port(), target,
                headers, bytes, ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(), ServerFixture.REGION,
                null);
        try (RawHttp http = SERVER.raw()) {
            return http.exchange(method, target, signedHeaders, bytes);
        }
    }

    static void assertError(RawHttp.Response r, int status, String code) {
        assertThat(r.status()).as(r.bodyText()).isEqualTo(status);
        assertThat(r.xmlElement("Code")).isEqualTo(code);
    }

    static void assertDenied(ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(403);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
        });
    }

    static void assertS3Error(ThrowingCallable call, int status, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(status);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo(code);
        });
    }

    static String policy(String ownerId, String grants) {
        return "<AccessControlPolicy xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>" + ownerId
                + "</ID></Owner><AccessControlList>" + grants + "</AccessControlList></AccessControlPolicy>";
    }

    static String userGrant(String id, String permission) {
        return "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\">"
                + "<ID>" + id + "</ID></Grantee><Permission>" + permission + "</Permission></Grant>";
    }

    static String md5(String body) throws Exception {
        return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5")
                .digest(body.getBytes(StandardCharsets.UTF_8)));
    }

    // --- objects ---

    @Test
    void aPrivateObjectIsDeniedToAnonymousAndToAnotherAccount() throws Exception {
        String bucket = newBucket(null);
        alice.putObject(b -> b.bucket(bucket).key("secret"), RequestBody.fromString("s"));
        assertError(anonymous("GET", "/" + bucket + "/secret"), 403, "AccessDenied");
        RawHttp.Response head = anonymous("HEAD", "/" + bucket + "/secret");
        assertThat(head.status()).isEqualTo(403);
        assertDenied(() -> bob.getObjectAsBytes(b -> b.bucket(bucket).key("secret")));
        assertThatThrownBy(() -> bob.headObject(b -> b.bucket(bucket).key("secret"))) // HEAD: no error body
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.statusCode()).isEqualTo(403));
        assertDenied(() -> bob.getObjectAcl(b -> b.bucket(bucket).key("secret")));
        assertThat(alice.getObjectAsBytes(b -> b.bucket(bucket).key("secret")).asUtf8String()).isEqualTo("s");
    }

    @Test
    void aPublicReadObjectIsReadByAnyone() throws Exception {
        String bucket = newBucket(null);
        alice.putObject(b -> b.bucket(bucket).key("open").acl(ObjectCannedACL.PUBLIC_READ),
                RequestBody.fromString("hello"));
        RawHttp.Response get = anonymous("GET", "/" + bucket + "/open");
        assertThat(get.status()).as(get.bodyText()).isEqualTo(200);
        assertThat(get.bodyText()).isEqualTo("hello");
        assertThat(anonymous("HEAD", "/" + bucket + "/open").status()).isEqualTo(200);
        assertThat(bob.getObjectAsBytes(b -> b.bucket(bucket).key("open")).asUtf8String()).isEqualTo("hello");
        // reading the object is not reading its ACL, listing the bucket or writing into it
        assertError(anonymous("GET", "/" + bucket + "/open?acl"), 403, "AccessDenied");
        assertDenied(() -> bob.listObjectsV2(b -> b.bucket(bucket)));
        assertDenied(() -> bob.putObject(b -> b.bucket(bucket).key("open"), RequestBody.fromString("x")));
        assertDenied(() -> bob.deleteObject(b -> b.bucket(bucket).key("open")));
        assertThat(alice.getObjectAsBytes(b -> b.bucket(bucket).key("open")).asUtf8String()).isEqualTo("hello");
    }

    @Test
    void authenticatedReadIsForSignedRequestsOnly() throws Exception {
        String bucket = newBucket(null);
        alice.putObject(b -> b.bucket(bucket).key("members").acl(ObjectCannedACL.AUTHENTICATED_READ),
                RequestBody.fromString("m"));
        assertThat(bob.getObjectAsBytes(b -> b.bucket(bucket).key("members")).asUtf8String()).isEqualTo("m");
        assertError(anonymous("GET", "/" + bucket + "/members"), 403, "AccessDenied");
    }

    @Test
    void aMissingKeyIsNoSuchKeyOnlyForWhoMayList() throws Exception {
        String privateBucket = newBucket(null);
        assertError(anonymous("GET", "/" + privateBucket + "/missing"), 403, "AccessDenied");
        assertDenied(() -> bob.getObjectAsBytes(b -> b.bucket(privateBucket).key("missing")));
        String publicBucket = newBucket(BucketCannedACL.PUBLIC_READ);
        assertError(anonymous("GET", "/" + publicBucket + "/missing"), 404, "NoSuchKey");
        // a missing bucket is NoSuchBucket, for anonymous requests too (as S3)
        assertError(anonymous("GET", "/no-such-bucket-acl/k"), 404, "NoSuchBucket");
        assertError(anonymous("GET", "/no-such-bucket-acl"), 404, "NoSuchBucket");
    }

    // --- buckets ---

    @Test
    void aPublicReadBucketIsListedByAnyoneButNotWritten() throws Exception {
        String bucket = newBucket(BucketCannedACL.PUBLIC_READ);
        alice.putObject(b -> b.bucket(bucket).key("listed"), RequestBody.fromString("l"));
        RawHttp.Response list = anonymous("GET", "/" + bucket);
        assertThat(list.status()).as(list.bodyText()).isEqualTo(200);
        assertThat(list.bodyText()).contains("<Key>listed</Key>");
        assertThat(anonymous("GET", "/" + bucket + "?list-type=2").bodyText()).contains("<Key>listed</Key>");
        assertThat(anonymous("HEAD", "/" + bucket).status()).isEqualTo(200);
        assertThat(bob.listObjectsV2(b -> b.bucket(bucket)).contents()).hasSize(1);
        // the object itself stays private: a public bucket does not open its objects
        assertError(anonymous("GET", "/" + bucket + "/listed"), 403, "AccessDenied");
        assertError(anonymous("PUT", "/" + bucket + "/new", List.of(), "x".getBytes(StandardCharsets.UTF_8)), 403,
                "AccessDenied");
        // bucket configuration stays the owner's
        assertError(anonymous("GET", "/" + bucket + "?location"), 403, "AccessDenied");
        assertDenied(() -> bob.getBucketLocation(b -> b.bucket(bucket)));
        assertDenied(() -> bob.deleteBucket(b -> b.bucket(bucket)));
        assertDenied(() -> bob.getBucketAcl(b -> b.bucket(bucket)));
    }

    @Test
    void aPrivateBucketIsNotListedAnonymously() throws Exception {
        String bucket = newBucket(null);
        assertError(anonymous("GET", "/" + bucket), 403, "AccessDenied");
        assertError(anonymous("GET", "/" + bucket + "?uploads"), 403, "AccessDenied");
        assertThat(anonymous("HEAD", "/" + bucket).status()).isEqualTo(403);
    }

    @Test
    void anonymousWritesIntoAPublicReadWriteBucketBelongToTheBucketOwner() throws Exception {
        String bucket = newBucket(BucketCannedACL.PUBLIC_READ_WRITE);
        RawHttp.Response put = anonymous("PUT", "/" + bucket + "/dropped", List.of(),
                "drop".getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).as(put.bodyText()).isEqualTo(200);
        assertThat(alice.getObjectAcl(b -> b.bucket(bucket).key("dropped")).owner().id()).isEqualTo(aliceId);
        assertThat(anonymous("DELETE", "/" + bucket + "/dropped").status()).isEqualTo(204);
    }

    @Test
    void anAccountGrantedWriteWritesItsOwnObjectsButReadsNothingElse() {
        String bucket = newBucket(null);
        alice.putObject(b -> b.bucket(bucket).key("alices"), RequestBody.fromString("a"));
        alice.putBucketAcl(b -> b.bucket(bucket).grantWrite("id=\"" + bobId + "\"")
                .grantFullControl("id=\"" + aliceId + "\""));

        bob.putObject(b -> b.bucket(bucket).key("bobs"), RequestBody.fromString("b"));
        assertThat(bob.getObjectAsBytes(b -> b.bucket(bucket).key("bobs")).asUtf8String()).isEqualTo("b");
        GetObjectAclResponse acl = bob.getObjectAcl(b -> b.bucket(bucket).key("bobs"));
        assertThat(acl.owner().id()).isEqualTo(bobId);
        assertThat(acl.owner().displayName()).isEqualTo("bob");
        // the bucket owner keeps control of what others write into its bucket
        assertThat(alice.getObjectAsBytes(b -> b.bucket(bucket).key("bobs")).asUtf8String()).isEqualTo("b");

        assertDenied(() -> bob.getObjectAsBytes(b -> b.bucket(bucket).key("alices")));
        assertDenied(() -> bob.listObjectsV2(b -> b.bucket(bucket)));
        assertDenied(() -> bob.getBucketAcl(b -> b.bucket(bucket)));
        // WRITE on the bucket deletes and overwrites anyone's objects, as in S3
        bob.deleteObject(b -> b.bucket(bucket).key("bobs"));
        bob.putObject(b -> b.bucket(bucket).key("alices"), RequestBody.fromString("overwritten"));
        assertThat(alice.getObjectAcl(b -> b.bucket(bucket).key("alices")).owner().id()).isEqualTo(bobId);
        // copies need READ on the source: bob's new object is his, alice's other objects are not
        alice.putObject(b -> b.bucket(bucket).key("alices-2"), RequestBody.fromString("a2"));
        assertDenied(() -> bob.copyObject(b -> b.sourceBucket(bucket).sourceKey("alices-2")
                .destinationBucket(bucket).destinationKey("stolen")));
        bob.copyObject(b -> b.sourceBucket(bucket).sourceKey("alices").destinationBucket(bucket)
                .destinationKey("bobs-copy"));
        assertThat(bob.getObjectAsBytes(b -> b.bucket(bucket).key("bobs-copy")).asUtf8String())
                .isEqualTo("overwritten");
        // multipart uploads need WRITE too
        String upload = bob.createMultipartUpload(b -> b.bucket(bucket).key("mp")).uploadId();
        bob.abortMultipartUpload(b -> b.bucket(bucket).key("mp").uploadId(upload));
    }

    @Test
    void multipartUploadCarriesItsAclToTheObject() throws Exception {
        String bucket = newBucket(null);
        String uploadId = alice.createMultipartUpload(b -> b.bucket(bucket).key("mp-public")
                .acl(ObjectCannedACL.PUBLIC_READ)).uploadId();
        String etag = alice.uploadPart(b -> b.bucket(bucket).key("mp-public").uploadId(uploadId).partNumber(1),
                RequestBody.fromString("multipart body")).eTag();
        alice.completeMultipartUpload(b -> b.bucket(bucket).key("mp-public").uploadId(uploadId)
                .multipartUpload(m -> m.parts(CompletedPart.builder().partNumber(1).eTag(etag).build())));
        RawHttp.Response get = anonymous("GET", "/" + bucket + "/mp-public");
        assertThat(get.status()).as(get.bodyText()).isEqualTo(200);
        assertThat(get.bodyText()).isEqualTo("multipart body");
    }

    // --- Get/Put ACL round trips ---

    @Test
    void bucketAclRoundTripsWithHeadersAndWithABody() throws Exception {
        String bucket = newBucket(null);
        alice.putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ));
        GetBucketAclResponse canned = alice.getBucketAcl(b -> b.bucket(bucket));
        assertThat(canned.owner().id()).isEqualTo(aliceId);
        assertThat(canned.grants()).extracting(Grant::permission).containsExactly(Permission.FULL_CONTROL,
                Permission.READ);
        assertThat(canned.grants().get(1).grantee().uri()).isEqualTo(ALL_USERS);
        assertThat(anonymous("GET", "/" + bucket).status()).isEqualTo(200);

        alice.putBucketAcl(b -> b.bucket(bucket).accessControlPolicy(p -> p
                .owner(o -> o.id(aliceId))
                .grants(Grant.builder().grantee(g -> g.type(Type.CANONICAL_USER).id(aliceId))
                                .permission(Permission.FULL_CONTROL).build(),
                        Grant.builder().grantee(g -> g.type(Type.CANONICAL_USER).id(bobId))
                                .permission(Permission.READ_ACP).build())));
        GetBucketAclResponse explicit = bob.getBucketAcl(b -> b.bucket(bucket));
        assertThat(explicit.grants()).hasSize(2);
        assertThat(explicit.grants().get(1).grantee().id()).isEqualTo(bobId);
        assertThat(explicit.grants().get(1).grantee().displayName()).isEqualTo("bob");
        assertThat(explicit.grants().get(1).permission()).isEqualTo(Permission.READ_ACP);
        assertError(anonymous("GET", "/" + bucket), 403, "AccessDenied");
        assertDenied(() -> bob.putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PUBLIC_READ)));
        assertDenied(() -> bob.listObjects(b -> b.bucket(bucket)));
    }

    @Test
    void theBucketOwnerKeepsItsAclRightsWhenItsGrantsAreGone() {
        String bucket = newBucket(null);
        alice.putBucketAcl(b -> b.bucket(bucket).grantRead("id=\"" + bobId + "\""));
        assertDenied(() -> alice.listObjectsV2(b -> b.bucket(bucket)));
        assertThat(bob.listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
        alice.putBucketAcl(b -> b.bucket(bucket).acl(BucketCannedACL.PRIVATE));
        assertThat(alice.listObjectsV2(b -> b.bucket(bucket)).contents()).isEmpty();
        assertDenied(() -> bob.listObjectsV2(b -> b.bucket(bucket)));
    }

    @Test
    void objectAclRoundTripsWithHeadersAndWithABody() throws Exception {
        String bucket = newBucket(null);
        alice.putObject(b -> b.bucket(bucket).key("o"), RequestBody.fromString("body"));
        String etag = alice.headObject(b -> b.bucket(bucket).key("o")).eTag();
        assertError(anonymous("GET", "/" + bucket + "/o"), 403, "AccessDenied");

        alice.putObjectAcl(b -> b.bucket(bucket).key("o").grantRead("uri=\"" + ALL_USERS + "\""));
        assertThat(anonymous("GET", "/" + bucket + "/o").bodyText()).isEqualTo("body");
        assertThat(alice.getObjectAcl(b -> b.bucket(bucket).key("o")).grants()).singleElement()
                .satisfies(g -> assertThat(g.grantee().uri()).isEqualTo(ALL_USERS));

        alice.putObjectAcl(b -> b.bucket(bucket).key("o").accessControlPolicy(p -> p
                .owner(o -> o.id(aliceId))
                .grants(Grant.builder().grantee(g -> g.type(Type.CANONICAL_USER).id(bobId))
                        .permission(Permission.FULL_CONTROL).build())));
        assertError(anonymous("GET", "/" + bucket + "/o"), 403, "AccessDenied");
        assertThat(bob.getObjectAsBytes(b -> b.bucket(bucket).key("o")).asUtf8String()).isEqualTo("body");
        // FULL_CONTROL includes WRITE_ACP: bob may set the ACL of alice's object, not take it over
        bob.putObjectAcl(b -> b.bucket(bucket).key("o").acl(ObjectCannedACL.PUBLIC_READ));
        GetObjectAclResponse now = alice.getObjectAcl(b -> b.bucket(bucket).key("o"));
        assertThat(now.owner().id()).isEqualTo(aliceId);
        assertThat(now.grants()).extracting(Grant::permission).containsExactly(Permission.FULL_CONTROL,
                Permission.READ);
        // the ACL changes nothing else: same ETag, same body
        assertThat(alice.headObject(b -> b.bucket(bucket).key("o")).eTag()).isEqualTo(etag);
        assertDenied(() -> bob.putObjectAcl(b -> b.bucket(bucket).key("o").acl(ObjectCannedACL.PRIVATE)));
    }

    // --- errors ---

    @Test
    void badAclsAreRefusedAsS3Does() throws Exception {
        String bucket = newBucket(null);
        alice.putObject(b -> b.bucket(bucket).key("e"), RequestBody.fromString("e"));
        String target = "/" + bucket + "/e?acl";

        assertError(signed("PUT", target, Map.of("x-amz-acl", "public"), null), 400, "InvalidArgument");
        assertError(signed("PUT", "/" + bucket + "/new", Map.of("x-amz-acl", "default"), "x"), 400,
                "InvalidArgument");
        assertError(signed("PUT", "/" + bucket + "?acl", Map.of("x-amz-acl", "private",
                "x-amz-grant-read", "id=\"" + bobId + "\""), null), 400, "InvalidRequest");
        assertError(signed("PUT", target, Map.of("x-amz-grant-read", "emailAddress=\"bob@example.com\""), null),
                400, "UnresolvableGrantByEmailAddress");
        assertError(signed("PUT", "/" + bucket + "/new", Map.of("x-amz-grant-read", "id=\"" + "0".repeat(64) + "\""),
                "x"), 400, "InvalidArgument");
        assertError(signed("PUT", target, Map.of(), null), 400, "MissingSecurityHeader");

        String wrongOwner = policy(bobId, userGrant(bobId, "FULL_CONTROL"));
        assertError(signed("PUT", target, Map.of("Content-MD5", md5(wrongOwner)), wrongOwner), 403, "AccessDenied");
        String body = policy(aliceId, userGrant(aliceId, "FULL_CONTROL"));
        assertError(signed("PUT", target, Map.of("x-amz-acl", "private", "Content-MD5", md5(body)), body), 400,
                "UnexpectedContent");
        String badPermission = policy(aliceId, userGrant(aliceId, "EVERYTHING"));
        assertError(signed("PUT", target, Map.of(), badPermission), 400, "MalformedACLError");
        String email = policy(aliceId, "<Grant><Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:type=\"AmazonCustomerByEmail\"><EmailAddress>a@example.com</EmailAddress></Grantee>"
                + "<Permission>READ</Permission></Grant>");
        assertError(signed("PUT", "/" + bucket + "?acl", Map.of(), email), 400, "UnresolvableGrantByEmailAddress");
        // nothing of the refused requests was stored
        assertThat(alice.getObjectAcl(b -> b.bucket(bucket).key("e")).grants()).singleElement()
                .satisfies(g -> assertThat(g.grantee().id()).isEqualTo(aliceId));
        assertThat(alice.listObjectsV2(b -> b.bucket(bucket)).contents()).hasSize(1);
        // an ACL body is answered in the same way by the SDK
        assertS3Error(() -> alice.putObjectAcl(b -> b.bucket(bucket).key("missing").acl(ObjectCannedACL.PRIVATE)),
                404, "NoSuchKey");
    }

    @Test
    void canonicalIdsAreTheHashOfTheAccessKey() throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(("rosetta-owner:" + ServerFixture.BOB.accessKey()).getBytes(StandardCharsets.UTF_8)));
        assertThat(bobId).isEqualTo(expected);
    }
}
