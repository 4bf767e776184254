package dev.rosetta.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.auth.crypto.Hex;
import dev.rosetta.auth.v4.SigningKeyCache;
import dev.rosetta.auth.v4.V4Scope;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.Owner;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** No error, toString or detail ever shows a secret key or a signing key. */
class SecretLeakTest {
    private static final String AK = "LEAKTESTAK";
    private static final String SECRET = "Sup3rS3cret/Key+Leak=Test0123456789";
    private static final Credential CREDENTIAL = new Credential(AK, SECRET, new Owner("leak-owner", "Leak"));
    private static final String TS = "20130524T000000Z";
    private static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    private final RequestAuthenticator authenticator = new RequestAuthenticator(
            new StaticCredentialStore(List.of(CREDENTIAL)), "us-east-1",
            Clock.fixed(Instant.parse("2013-05-24T00:00:00Z"), ZoneOffset.UTC));

    private static TestRequest v4(String credentialScope, String signedHeaders, String signature) {
        return TestRequest.of("PUT", "/b/k?acl")
                .header("Host", "h")
                .header("x-amz-date", TS)
                .header("x-amz-content-sha256", EMPTY)
                .header("x-amz-security-token", "token")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + AK + "/" + credentialScope
                        + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature);
    }

    @Test
    void noFailureRevealsTheSecret() {
        String sig = "0".repeat(64);
        String all = "host;x-amz-content-sha256;x-amz-date;x-amz-security-token";
        List<TestRequest> requests = List.of(
                TestRequest.of("GET", "/b/k?uploads").header("Date", "Fri, 24 May 2013 00:00:00 GMT")
                        .header("x-amz-meta-a", "b").header("Authorization", "AWS " + AK + ":c2lnbmF0dXJlIQ=="),
                TestRequest.of("GET", "/b/k").header("Authorization", "AWS " + AK + ":"),
                TestRequest.of("GET", "/b/k").header("Authorization", "AWS " + AK + ":c2ln"),
                TestRequest.of("GET", "/b/k").header("Date", "Fri, 24 May 2013 01:00:00 GMT")
                        .header("Authorization", "AWS " + AK + ":c2ln"),
                v4("20130524/us-east-1/s3/aws4_request", all, sig),
                v4("20130524/us-east-1/s3/aws4_request", all, "not-hex"),
                v4("20130524/eu-west-1/s3/aws4_request", all, sig),
                v4("20130523/us-east-1/s3/aws4_request", all, sig),
                v4("20130524/us-east-1/sts/aws4_request", all, sig),
                v4("20130524/us-east-1/s3/aws4_request", "host;x-amz-date", sig),
                v4("20130524/us-east-1/s3/aws4_request", all + ";range", sig),
                v4("20130524/us-east-1/s3/aws4_request", all, sig).replacing("x-amz-content-sha256", "nope"),
                v4("20130524/us-east-1/s3/aws4_request", all, sig).without("x-amz-content-sha256"),
                v4("20130524/us-east-1/s3/aws4_request", all, sig).replacing("x-amz-date", "20130525T000000Z"),
                TestRequest.of("GET", "/").header("Authorization", "Bearer " + AK),
                TestRequest.of("GET", "/?X-Amz-Algorithm=AWS4-HMAC-SHA256"),
                TestRequest.of("GET", "/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + AK
                        + "%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=" + TS
                        + "&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature=" + sig).header("Host", "h"),
                TestRequest.of("GET", "/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + AK
                        + "%2F20130524%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130520T000000Z"
                        + "&X-Amz-Expires=60&X-Amz-SignedHeaders=host&X-Amz-Signature=" + sig).header("Host", "h"),
                TestRequest.of("GET", "/b/k?AWSAccessKeyId=" + AK + "&Expires=1369353600&Signature=c2ln"),
                TestRequest.of("GET", "/b/k?AWSAccessKeyId=" + AK + "&Expires=1&Signature=c2ln"));
        List<S3Exception> failures = new ArrayList<>();
        for (TestRequest r : requests) {
            S3Exception e = catchThrowableOfType(S3Exception.class, () -> authenticator.authenticate(r, null));
            assertThat(e).as(r.toString()).isNotNull();
            failures.add(e);
        }
        for (S3Exception e : failures) {
            assertThat(e.getMessage()).doesNotContain(SECRET);
            assertThat(e.toString()).doesNotContain(SECRET);
            for (Map.Entry<String, String> d : e.details().entrySet()) {
                assertThat(d.getValue()).as(d.getKey()).doesNotContain(SECRET);
            }
        }
        // The mismatch errors do carry their debugging elements.
        assertThat(failures.get(0).details()).containsKeys("StringToSign", "StringToSignBytes");
        assertThat(failures.get(4).details()).containsKeys("CanonicalRequest", "CanonicalRequestBytes");
    }

    @Test
    void noToStringRevealsTheSecretOrTheSigningKey() {
        assertThat(CREDENTIAL.toString()).contains(AK).doesNotContain(SECRET);
        Authentication a = new Authentication(AuthScheme.AWS_V2, CREDENTIAL, PayloadRequirement.none());
        assertThat(a.toString()).contains(AK).doesNotContain(SECRET);

        SigningKeyCache cache = new SigningKeyCache(8);
        byte[] key = cache.signingKey(CREDENTIAL, "AWS4", new V4Scope("20130524", "us-east-1", "s3", "aws4_request"));
        PayloadRequirement p = PayloadRequirement.streaming(PayloadRequirement.Streaming.STREAMING_SIGNED,
                "seed", key, TS, "20130524/us-east-1/s3/aws4_request");
        Authentication streaming = new Authentication(AuthScheme.AWS_V4, CREDENTIAL, p);
        for (String s : List.of(p.toString(), streaming.toString(), cache.toString(),
                new StaticCredentialStore(List.of(CREDENTIAL)).toString())) {
            assertThat(s).doesNotContain(SECRET).doesNotContain(Hex.encode(key));
        }
    }
}
