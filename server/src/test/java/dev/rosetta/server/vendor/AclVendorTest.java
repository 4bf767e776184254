package dev.rosetta.server.vendor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.obs.services.ObsClient;
import com.obs.services.ObsConfiguration;
import com.obs.services.exception.ObsException;
import com.obs.services.model.AuthTypeEnum;
import com.obs.services.model.CanonicalGrantee;
import com.obs.services.model.GrantAndPermission;
import com.obs.services.model.GroupGrantee;
import com.obs.services.model.GroupGranteeEnum;
import com.qcloud.cos.COSClient;
import com.qcloud.cos.ClientConfig;
import com.qcloud.cos.auth.BasicCOSCredentials;
import com.qcloud.cos.auth.COSSigner;
import com.qcloud.cos.endpoint.EndpointBuilder;
import com.qcloud.cos.endpoint.EndpointResolver;
import com.qcloud.cos.exception.CosServiceException;
import com.qcloud.cos.http.HttpMethodName;
import com.qcloud.cos.http.HttpProtocol;
import com.qcloud.cos.model.CannedAccessControlList;
import com.qcloud.cos.model.ObjectMetadata;
import com.qcloud.cos.model.PutObjectRequest;
import com.qcloud.cos.model.UinGrantee;
import com.qcloud.cos.region.Region;
import dev.rosetta.server.config.EndpointConfig;
import dev.rosetta.server.config.KeyPair;
import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.ServerFixture;
import dev.rosetta.server.testing.V2Signer;
import dev.rosetta.server.testing.WosV4Signer;
import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * ACLs in the vendors' own words: the OBS SDK ({@code x-obs-acl} with the {@code -delivered} canned ACLs,
 * {@code setBucketAcl}/{@code setObjectAcl} with an {@code AccessControlList}, OBS's ACL document), the COS SDK
 * ({@code CannedAccessControlList} including {@code Default}, {@code uin="..."} grants, COS's ACL document),
 * raw {@code x-obs-grant-*: ID=...} lists and WOS-signed {@code x-wos-acl} / {@code x-wos-grant-*} requests; and
 * what each lets an anonymous request or the second account do.
 */
class AclVendorTest {
    static final String OBS = "obs.rosetta.test";
    static final String COS = "cos.rosetta.test";
    static final String WOS = "wos.rosetta.test";
    static final String WOS_REGION = "cn-south-1";
    static final String APPID = "-1250000000";
    private static final DateTimeFormatter RFC_1123 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.endpoints(List.of(
            EndpointConfig.parse(OBS + "=OBS"),
            EndpointConfig.parse(COS + "=COS"),
            EndpointConfig.of(WOS, "WOS", WOS_REGION))));

    static final WireShape OBS_NATIVE = WireShape.obs(ServerFixture.REGION);

    static S3Client alice;
    static String aliceId;
    static String bobId;

    @BeforeAll
    static void setUp() {
        VendorHttp.quietSdkLogs();
        alice = Clients.pathStyle(SERVER, ServerFixture.ALICE);
        aliceId = alice.listBuckets().owner().id();
        try (S3Client bob = Clients.pathStyle(SERVER, ServerFixture.BOB)) {
            bobId = bob.listBuckets().owner().id();
        }
    }

    @AfterAll
    static void tearDown() {
        alice.close();
    }

    static String name(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** An unsigned request, path style, to an endpoint host. */
    static RawHttp.Response anonymous(String method, String host, String target) throws Exception {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Host", host));
        if (method.equals("PUT")) {
            headers.add(Map.entry("Content-Length", "0"));
        }
        try (RawHttp http = SERVER.raw()) {
            return http.exchange(method, target, headers, null);
        }
    }

    // --- OBS ---

    static ObsClient obs(KeyPair keys) {
        ObsConfiguration config = new ObsConfiguration();
        config.setEndPoint(OBS);
        config.setEndpointHttpPort(SERVER.port());
        config.setHttpsOnly(false);
        config.setPathStyle(false);
        config.setCustomizedDnsImpl(host -> List.of(InetAddress.getLoopbackAddress()));
        config.setAuthType(AuthTypeEnum.OBS);
        config.setAuthTypeNegotiation(false);
        config.setMaxErrorRetry(0);
        return new ObsClient(keys.accessKey(), keys.secretKey(), config);
    }

    /** An OBS-signed request ({@code OBS AK:sig}) with {@code x-obs-*} headers, path style. */
    static RawHttp.Response obsSigned(String method, String target, Map<String, String> obsHeaders, byte[] body)
            throws Exception {
        String date = RFC_1123.format(Instant.now());
        Map<String, String> sorted = new java.util.TreeMap<>(obsHeaders);
        sorted.put("x-obs-date", date);
        StringBuilder toSign = new StringBuilder(method).append("\n\n\n\n");
        sorted.forEach((k, v) -> toSign.append(k).append(':').append(v.strip()).append('\n'));
        toSign.append(target);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Host", OBS));
        sorted.forEach((k, v) -> headers.add(Map.entry(k, v)));
        headers.add(Map.entry("Authorization", "OBS " + ServerFixture.ALICE.accessKey() + ":"
                + V2Signer.sign(ServerFixture.ALICE.secretKey(), toSign.toString())));
        headers.add(Map.entry("Content-Length", Integer.toString(body == null ? 0 : body.length)));
        try (RawHttp http = SERVER.raw()) {
            return http.exchange(method, target, headers, body);
        }
    }

    @Test
    void obsPublicReadDeliveredOpensTheBucketsObjects() throws Exception {
        ObsClient obs = obs(ServerFixture.ALICE);
        String bucket = name("obs-delivered");
        obs.createBucket(bucket);
        obs.putObject(bucket, "plain", new ByteArrayInputStream("obs body".getBytes(StandardCharsets.UTF_8)));
        OBS_NATIVE.assertError(anonymous("GET", OBS, "/" + bucket + "/plain"), 403, "AccessDenied");

        obs.setBucketAcl(bucket, com.obs.services.model.AccessControlList.REST_CANNED_PUBLIC_READ_DELIVERED);
        RawHttp.Response get = anonymous("GET", OBS, "/" + bucket + "/plain");
        assertThat(get.status()).as(get.bodyText()).isEqualTo(200);
        assertThat(get.bodyText()).isEqualTo("obs body");
        assertThat(anonymous("GET", OBS, "/" + bucket).status()).isEqualTo(200);

        // OBS's own document: <Canned>Everyone</Canned>, Delivered on every bucket grant
        RawHttp.Response raw = obsSigned("GET", "/" + bucket + "?acl", Map.of(), null);
        String body = OBS_NATIVE.assertSuccessDocument(raw, "AccessControlPolicy");
        assertThat(body).contains("<Owner><ID>" + aliceId + "</ID></Owner>")
                .contains("<Grant><Grantee><Canned>Everyone</Canned></Grantee><Permission>READ</Permission>"
                        + "<Delivered>true</Delivered></Grant>")
                .doesNotContain("xsi:type");
        com.obs.services.model.AccessControlList acl = obs.getBucketAcl(bucket);
        assertThat(acl.getOwner().getId()).isEqualTo(aliceId);
        GrantAndPermission everyone = Arrays.stream(acl.getGrantAndPermissions())
                .filter(g -> g.getGrantee() instanceof GroupGrantee).findFirst().orElseThrow();
        assertThat(((GroupGrantee) everyone.getGrantee()).getGroupGranteeType()).isEqualTo(GroupGranteeEnum.ALL_USERS);
        assertThat(everyone.isDelivered()).isTrue();

        // without -delivered the bucket is public, its objects are not
        obs.setBucketAcl(bucket, com.obs.services.model.AccessControlList.REST_CANNED_PUBLIC_READ);
        OBS_NATIVE.assertError(anonymous("GET", OBS, "/" + bucket + "/plain"), 403, "AccessDenied");
        assertThat(anonymous("GET", OBS, "/" + bucket).status()).isEqualTo(200);
        obs.close();
    }

    @Test
    void obsAccessControlListBodiesAndIdGrantHeaders() throws Exception {
        ObsClient obs = obs(ServerFixture.ALICE);
        ObsClient bob = obs(ServerFixture.BOB);
        String bucket = name("obs-grants");
        obs.createBucket(bucket);
        obs.putObject(bucket, "o", new ByteArrayInputStream("x".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> bob.getObject(bucket, "o")).isInstanceOfSatisfying(ObsException.class,
                e -> assertThat(e.getResponseCode()).isEqualTo(403));

        // setObjectAcl with an AccessControlList: OBS's XML body (no xsi:type, object-level Delivered)
        com.obs.services.model.AccessControlList acl = new com.obs.services.model.AccessControlList();
        com.obs.services.model.Owner owner = new com.obs.services.model.Owner();
        owner.setId(aliceId);
        acl.setOwner(owner);
        acl.grantPermission(new CanonicalGrantee(aliceId), com.obs.services.model.Permission.PERMISSION_FULL_CONTROL);
        acl.grantPermission(new CanonicalGrantee(bobId), com.obs.services.model.Permission.PERMISSION_READ);
        obs.setObjectAcl(bucket, "o", acl);
        assertThat(bob.getObject(bucket, "o").getObjectContent().readAllBytes()).isEqualTo("x".getBytes());
        com.obs.services.model.AccessControlList back = obs.getObjectAcl(bucket, "o");
        assertThat(back.getOwner().getId()).isEqualTo(aliceId);
        assertThat(back.getGrantAndPermissions()).extracting(g -> g.getGrantee().getIdentifier())
                .containsExactlyInAnyOrder(aliceId, bobId);
        assertThat(back.isDelivered()).isFalse();

        // x-obs-grant-read with an ID= list (the documentation's spelling)
        RawHttp.Response put = obsSigned("PUT", "/" + bucket + "/listed", Map.of("x-obs-grant-read",
                "ID=" + bobId + ",ID=" + aliceId), "y".getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).as(put.bodyText()).isEqualTo(200);
        assertThat(bob.getObject(bucket, "listed").getObjectContent().readAllBytes()).isEqualTo("y".getBytes());
        // OBS names that are not OBS's, and a domain id that is no account
        OBS_NATIVE.assertError(obsSigned("PUT", "/" + bucket + "/bad", Map.of("x-obs-acl", "authenticated-read"),
                new byte[0]), 400, "InvalidArgument");
        OBS_NATIVE.assertError(obsSigned("PUT", "/" + bucket + "/bad", Map.of("x-obs-acl", "public-read-delivered"),
                new byte[0]), 400, "InvalidArgument");
        OBS_NATIVE.assertError(obsSigned("PUT", "/" + bucket + "/bad", Map.of("x-obs-grant-read", "ID=nobody"),
                new byte[0]), 400, "InvalidArgument");
        // a bucket's delivered grant header
        RawHttp.Response grant = obsSigned("PUT", "/" + bucket + "?acl", Map.of(
                "x-obs-grant-read-delivered", "id=" + bobId, "x-obs-grant-full-control", "id=" + aliceId), new byte[0]);
        assertThat(grant.status()).as(grant.bodyText()).isEqualTo(200);
        obs.putObject(bucket, "later", new ByteArrayInputStream("z".getBytes(StandardCharsets.UTF_8)));
        assertThat(bob.getObject(bucket, "later").getObjectContent().readAllBytes()).isEqualTo("z".getBytes());
        assertThat(obs.getBucketAcl(bucket).getGrantAndPermissions())
                .extracting(g -> g.getGrantee().getIdentifier(), GrantAndPermission::isDelivered)
                .containsExactlyInAnyOrder(Tuple.tuple(aliceId, false),
                        Tuple.tuple(bobId, true));
        obs.close();
        bob.close();
    }

    // --- COS ---

    static COSClient cos(KeyPair keys) {
        ClientConfig config = new ClientConfig(new Region("ap-guangzhou"));
        config.setHttpProtocol(HttpProtocol.http);
        config.setMaxErrorRetry(0);
        config.setEndpointBuilder(new EndpointBuilder() {
            @Override
            public String buildGeneralApiEndpoint(String bucketName) {
                return bucketName + "." + COS + ":" + SERVER.port();
            }

            @Override
            public String buildGetServiceApiEndpoint() {
                return COS + ":" + SERVER.port();
            }
        });
        config.setEndpointResolver(new EndpointResolver() {
            @Override
            public String resolveGeneralApiEndpoint(String endpoint) {
                return "127.0.0.1:" + SERVER.port();
            }

            @Override
            public String resolveGetServiceApiEndpoint(String endpoint) {
                return "127.0.0.1:" + SERVER.port();
            }
        });
        return new COSClient(new BasicCOSCredentials(keys.accessKey(), keys.secretKey()), config);
    }

    static void cosPut(COSClient cos, String bucket, String key, String body, CannedAccessControlList canned,
                       com.qcloud.cos.model.AccessControlList acl) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ObjectMetadata metadata = new ObjectMetadata();
        metadata.setContentLength(bytes.length);
        PutObjectRequest put = new PutObjectRequest(bucket, key, new ByteArrayInputStream(bytes), metadata);
        if (canned != null) {
            put.setCannedAcl(canned);
        }
        if (acl != null) {
            put.setAccessControlList(acl);
        }
        cos.putObject(put);
    }

    @Test
    void cosDefaultObjectsInheritTheBucketsAcl() throws Exception {
        COSClient cos = cos(ServerFixture.ALICE);
        String bucket = name("cos-default") + APPID;
        cos.createBucket(bucket);
        cos.setBucketAcl(bucket, CannedAccessControlList.PublicRead);
        cosPut(cos, bucket, "inherits", "inherited", CannedAccessControlList.Default, null);
        cosPut(cos, bucket, "private", "p", CannedAccessControlList.Private, null);
        cosPut(cos, bucket, "unset", "u", null, null);

        RawHttp.Response inherits = anonymous("GET", COS, "/" + bucket + "/inherits");
        assertThat(inherits.status()).as(inherits.bodyText()).isEqualTo(200);
        assertThat(inherits.bodyText()).isEqualTo("inherited");
        WireShape.COS.assertError(anonymous("GET", COS, "/" + bucket + "/private"), 403, "AccessDenied");
        // without x-cos-acl, COS's documented default applies: the object inherits the bucket's ACL
        RawHttp.Response unset = anonymous("GET", COS, "/" + bucket + "/unset");
        assertThat(unset.status()).as(unset.bodyText()).isEqualTo(200);
        assertThat(cos.getObjectAcl(bucket, "unset").getCannedAccessControl())
                .isEqualTo(CannedAccessControlList.Default);

        com.qcloud.cos.model.AccessControlList bucketAcl = cos.getBucketAcl(bucket);
        assertThat(bucketAcl.getCannedAccessControl()).isEqualTo(CannedAccessControlList.PublicRead);
        assertThat(bucketAcl.getGrantsAsList()).anySatisfy(g -> assertThat(g.getGrantee())
                .isEqualTo(com.qcloud.cos.model.GroupGrantee.AllUsers));
        assertThat(cos.getObjectAcl(bucket, "inherits").getCannedAccessControl())
                .isEqualTo(CannedAccessControlList.Default);

        // the bucket made private again closes the inheriting objects with it
        cos.setBucketAcl(bucket, CannedAccessControlList.Private);
        WireShape.COS.assertError(anonymous("GET", COS, "/" + bucket + "/inherits"), 403, "AccessDenied");
        WireShape.COS.assertError(anonymous("GET", COS, "/" + bucket + "/unset"), 403, "AccessDenied");
        // COS has no default bucket ACL
        assertThatThrownBy(() -> cos.setBucketAcl(bucket, CannedAccessControlList.Default))
                .isInstanceOfSatisfying(CosServiceException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(400);
                    assertThat(e.getErrorCode()).isEqualTo("InvalidArgument");
                });
        cos.shutdown();
    }

    @Test
    void cosUinGrantsInHeadersAndInAnAclBody() throws Exception {
        COSClient cos = cos(ServerFixture.ALICE);
        COSClient bob = cos(ServerFixture.BOB);
        String bucket = name("cos-grants") + APPID;
        cos.createBucket(bucket);

        // PutObject with an AccessControlList: x-cos-grant-read: uin="<id>" (here in the CAM form)
        com.qcloud.cos.model.AccessControlList grants = new com.qcloud.cos.model.AccessControlList();
        grants.grantPermission(new UinGrantee("qcs::cam::uin/" + aliceId + ":uin/" + bobId),
                com.qcloud.cos.model.Permission.Read);
        cosPut(cos, bucket, "for-bob", "b", null, grants);
        assertThat(bob.getObject(bucket, "for-bob").getObjectContent().readAllBytes()).isEqualTo("b".getBytes());
        assertThatThrownBy(() -> bob.getObjectAcl(bucket, "for-bob")).isInstanceOfSatisfying(
                CosServiceException.class, e -> assertThat(e.getStatusCode()).isEqualTo(403));

        // setObjectAcl with an AccessControlList: COS's XML body (RootAccount grantees)
        cosPut(cos, bucket, "body", "c", null, null);
        com.qcloud.cos.model.AccessControlList acl = new com.qcloud.cos.model.AccessControlList();
        acl.setOwner(new com.qcloud.cos.model.Owner(aliceId, "alice"));
        acl.grantPermission(new UinGrantee(aliceId), com.qcloud.cos.model.Permission.FullControl);
        acl.grantPermission(new UinGrantee(bobId), com.qcloud.cos.model.Permission.ReadAcp);
        acl.grantPermission(com.qcloud.cos.model.GroupGrantee.AllUsers, com.qcloud.cos.model.Permission.Read);
        cos.setObjectAcl(bucket, "body", acl);
        assertThat(anonymous("GET", COS, "/" + bucket + "/body").bodyText()).isEqualTo("c");
        com.qcloud.cos.model.AccessControlList back = bob.getObjectAcl(bucket, "body");
        assertThat(back.getOwner().getId()).isEqualTo(aliceId);
        assertThat(back.getGrantsAsList()).extracting(g -> g.getGrantee().getIdentifier())
                .containsExactlyInAnyOrder(aliceId, bobId, com.qcloud.cos.model.GroupGrantee.AllUsers.getIdentifier());
        // COS's own group URI on the wire
        assertThat(back.getCannedAccessControl()).isNotEqualTo(CannedAccessControlList.Default);
        // another account's owner in the body is refused
        com.qcloud.cos.model.AccessControlList giveaway = new com.qcloud.cos.model.AccessControlList();
        giveaway.setOwner(new com.qcloud.cos.model.Owner(bobId, "bob"));
        giveaway.grantPermission(new UinGrantee(bobId), com.qcloud.cos.model.Permission.FullControl);
        assertThatThrownBy(() -> cos.setObjectAcl(bucket, "body", giveaway)).isInstanceOfSatisfying(
                CosServiceException.class, e -> assertThat(e.getStatusCode()).isEqualTo(403));
        cos.shutdown();
        bob.shutdown();
    }

    /** A COS-signed PUT {@code /bucket?acl} with headers (signed over Host only, as the SDK may), path style. */
    static RawHttp.Response cosPutBucketAcl(String bucket, Map<String, String> cosHeaders) throws Exception {
        Instant now = Instant.now();
        String auth = new COSSigner().buildAuthorizationStr(HttpMethodName.PUT, "/", Map.of("Host", COS),
                Map.of("acl", ""), new BasicCOSCredentials(ServerFixture.ALICE.accessKey(),
                        ServerFixture.ALICE.secretKey()), Date.from(now), Date.from(now.plusSeconds(600)), true);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Host", COS));
        headers.add(Map.entry("Authorization", auth));
        headers.add(Map.entry("Content-Length", "0"));
        cosHeaders.forEach((k, v) -> headers.add(Map.entry(k, v)));
        try (RawHttp http = SERVER.raw()) {
            return http.exchange("PUT", "/" + bucket + "?acl", headers, null);
        }
    }

    @Test
    void cosIdGrantsInTheDocumentedForms() throws Exception {
        COSClient cos = cos(ServerFixture.ALICE);
        COSClient bob = cos(ServerFixture.BOB);
        String bucket = name("cos-ids") + APPID;
        cos.createBucket(bucket);
        assertThatThrownBy(() -> bob.listObjects(bucket)).isInstanceOfSatisfying(CosServiceException.class,
                e -> assertThat(e.getStatusCode()).isEqualTo(403));
        RawHttp.Response put = cosPutBucketAcl(bucket, Map.of(
                "x-cos-grant-read", "id=\"" + bobId + "\"",
                "x-cos-grant-full-control", "id=\"qcs::cam::uin/" + aliceId + ":uin/" + aliceId + "\""));
        WireShape.COS.assertEmptySuccess(put, 200);
        assertThat(bob.listObjects(bucket).getObjectSummaries()).isEmpty();
        assertThat(cos.getBucketAcl(bucket).getGrantsAsList()).extracting(g -> g.getGrantee().getIdentifier())
                .containsExactlyInAnyOrder(bobId, aliceId);
        WireShape.COS.assertError(cosPutBucketAcl(bucket, Map.of("x-cos-acl", "public-read",
                "x-cos-grant-read", "id=\"" + bobId + "\"")), 400, "InvalidRequest");
        WireShape.COS.assertError(cosPutBucketAcl(bucket, Map.of("x-cos-grant-read", "id=\"100000000001\"")), 400,
                "InvalidArgument");
        cos.shutdown();
        bob.shutdown();
    }

    // --- WOS ---

    static RawHttp.Response wos(String method, String target, Map<String, String> wosHeaders, byte[] body)
            throws Exception {
        List<Map.Entry<String, String>> headers = new ArrayList<>(WosV4Signer.sign(method, WOS, target, wosHeaders,
                ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(), WOS_REGION, Instant.now()));
        headers.add(Map.entry("Content-Length", Integer.toString(body == null ? 0 : body.length)));
        try (RawHttp http = SERVER.raw()) {
            return http.exchange(method, target, headers, body);
        }
    }

    @Test
    void wosCannedAclsAndGrants() throws Exception {
        String bucket = name("wos-acl");
        alice.createBucket(b -> b.bucket(bucket));
        RawHttp.Response put = wos("PUT", "/" + bucket + "/public", Map.of("x-wos-acl", "public-read"),
                "w".getBytes(StandardCharsets.UTF_8));
        assertThat(put.status()).as(put.bodyText()).isEqualTo(200);
        assertThat(anonymous("GET", WOS, "/" + bucket + "/public").bodyText()).isEqualTo("w");

        Map<String, String> grant = new LinkedHashMap<>();
        grant.put("x-wos-grant-read", "id=" + bobId);
        assertThat(wos("PUT", "/" + bucket + "/granted", grant, "g".getBytes(StandardCharsets.UTF_8)).status())
                .isEqualTo(200);
        RawHttp.Response acl = wos("GET", "/" + bucket + "/granted?acl", Map.of(), null);
        String body = WireShape.WOS.assertSuccessDocument(acl, "AccessControlPolicy");
        assertThat(body).contains("<ID>" + bobId + "</ID><DisplayName>bob</DisplayName>")
                .contains("<Permission>READ</Permission>");

        WireShape.WOS.assertError(wos("PUT", "/" + bucket + "/bad", Map.of("x-wos-acl", "default"), new byte[0]),
                400, "InvalidArgument");
        RawHttp.Response delivered = wos("PUT", "/" + bucket + "?acl", Map.of("x-wos-acl", "public-read-delivered"),
                new byte[0]);
        assertThat(delivered.status()).as(delivered.bodyText()).isEqualTo(200);
        assertThat(anonymous("GET", WOS, "/" + bucket + "/granted").bodyText()).isEqualTo("g");
        WireShape.WOS.assertError(anonymous("PUT", WOS, "/" + bucket + "/anon"), 403, "AccessDenied");
    }
}
