package dev.rosetta.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.auth.v4.AwsV4VectorsTestAccess;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.Owner;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Scheme detection (dialects.md §0.3), dispatch, per-request regions, and schemes without a verifier yet. */
class RequestAuthenticatorTest {
    private final RequestAuthenticator authenticator = TestKeys.authenticator("us-east-1", "2013-05-24T00:00:00Z");

    private S3Exception failure(TestRequest r) {
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> authenticator.authenticate(r, null));
        assertThat(e).isNotNull();
        return e;
    }

    @Test
    void anonymousWithoutAuthorizationOrSignatureParameters() {
        for (String target : new String[] {"/", "/b/k", "/b?prefix=a&max-keys=2", "/b/k?Signature=x&Expires=1",
            "/b/k?AWSAccessKeyId=a&Signature=x", "/b?uploads"}) {
            Authentication a = authenticator.authenticate(TestRequest.of("GET", target).header("Host", "h"), null);
            assertThat(a.isAnonymous()).as(target).isTrue();
            assertThat(a.scheme()).isEqualTo(AuthScheme.ANONYMOUS);
            assertThat(a.credential()).isNull();
            assertThat(a.payload()).isEqualTo(PayloadRequirement.none());
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "AWS4-HMAC-SHA256 Credential=a/b/c/s3/aws4_request, SignedHeaders=host, Signature=00 | AWS_V4",
        "  AWS4-HMAC-SHA256 Credential=x  | AWS_V4",
        "AWS AK:c2ln | AWS_V2",
        "AWS | AWS_V2",
        "WOS-HMAC-SHA256 Credential=a/20240101/r/wos/wos_request, SignedHeaders=host, Signature=00 | WOS_V4",
        "AWS4-ECDSA-P256-SHA256 Credential=x | AWS_V4A",
        "OBS AK:c2ln | OBS",
        "WOS AK:c2ln | WOS_V2",
        "q-sign-algorithm=sha1&q-ak=AK&q-sign-time=1;2&q-key-time=1;2&q-header-list=&q-url-param-list=&q-signature=0"
                + " | COS",
    })
    void detectsAuthorizationSchemes(String authorization, AuthScheme expected) {
        TestRequest r = TestRequest.of("GET", "/b/k").header("Authorization", authorization);
        assertThat(SchemeDetector.detect(r)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=a | AWS_V4_PRESIGNED",
        "X-Wos-Algorithm=WOS-HMAC-SHA256 | WOS_V4_PRESIGNED",
        "q-sign-algorithm=sha1&q-ak=a | COS_PRESIGNED",
        "sign=q-sign-algorithm%3Dsha1%26q-ak%3Da | COS_PRESIGNED",
        "AWSAccessKeyId=AK&Expires=1175139620&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D | AWS_V2_PRESIGNED",
        "AccessKeyId=AK&Expires=1&Signature=x | OBS_PRESIGNED",
        "AccessKeyId=AK&Policy=p&Signature=x | OBS_PRESIGNED",
        "AccessKeyId=AK&Signature=x | ANONYMOUS",
        "sign=other | ANONYMOUS",
        "acl&sign=q-sign-algorithm%3Dsha1 | COS_PRESIGNED",
        "sign=q-sign-algorithm%3Dsha1%26q-ak%3Da&x-cos-security-token=t&response-content-type=a | COS_PRESIGNED",
    })
    void detectsQuerySchemes(String query, AuthScheme expected) {
        assertThat(SchemeDetector.detect(TestRequest.of("GET", "/b/k?" + query))).isEqualTo(expected);
    }

    @Test
    void authorizationHeaderWinsOverQueryParameters() {
        TestRequest r = TestRequest.of("GET", "/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256")
                .header("Authorization", "AWS AK:c2ln");
        assertThat(SchemeDetector.detect(r)).isEqualTo(AuthScheme.AWS_V2);
    }

    @Test
    void schemeTokenIsCaseSensitive() {
        S3Exception e = failure(TestRequest.of("GET", "/").header("Authorization", "aws4-hmac-sha256 Credential=x"));
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void unknownAuthorizationType() {
        S3Exception e = failure(TestRequest.of("GET", "/").header("Authorization", "Bearer abc"));
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo("Unsupported Authorization Type");
        assertThat(e.details()).containsEntry("ArgumentName", "Authorization").containsEntry("ArgumentValue",
                "Bearer abc");
    }

    @Test
    void sigV4aIsAnInvalidRequest() {
        S3Exception e = failure(TestRequest.of("GET", "/").header("Authorization",
                "AWS4-ECDSA-P256-SHA256 Credential=AK/20130524/s3/aws4_request, SignedHeaders=host, Signature=00"));
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_REQUEST);
        assertThat(e.status()).isEqualTo(400);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "/b/k?AccessKeyId=AK&Expires=1&Signature=x | ",
        "/b/k?q-sign-algorithm=sha1 | ",
        "/b/k?X-Wos-Algorithm=WOS-HMAC-SHA256 | ",
        "/b/k | OBS AK:c2ln",
        "/b/k | WOS AK:c2ln",
        "/b/k | WOS-HMAC-SHA256 Credential=a",
        "/b/k | q-sign-algorithm=sha1&q-ak=AK",
    })
    void vendorSchemesReachTheirVerifiers(String target, String authorization) {
        TestRequest r = TestRequest.of("GET", target).header("Date", "Fri, 24 May 2013 00:00:00 GMT");
        if (authorization != null) {
            r.header("Authorization", authorization);
        }
        S3Exception e = failure(r);
        // every vendor verifier refuses these malformed or unknown-key requests with a 4xx of its own
        assertThat(e.errorCode()).isNotEqualTo(S3ErrorCode.NOT_IMPLEMENTED);
        assertThat(e.status()).isBetween(400, 403);
    }

    @Test
    void presignedSchemesAreVerifiedNotUnimplemented() {
        S3Exception v4 = failure(TestRequest.of("GET", "/b/k?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=00"));
        assertThat(v4.errorCode()).isEqualTo(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
        S3Exception v2 = failure(TestRequest.of("GET", "/b/k?AWSAccessKeyId=AK&Expires=1175139620&Signature=x"));
        assertThat(v2.errorCode()).isEqualTo(S3ErrorCode.INVALID_ACCESS_KEY_ID);
    }

    /** V4-6 is signed for cn-north-4: it verifies where that region is expected, and only there. */
    @Test
    void expectedRegionIsPerRequest() {
        TestRequest r = AwsV4VectorsTestAccess.v46();
        RequestAuthenticator auth = TestKeys.authenticator("us-east-1", "2024-01-02T03:04:05Z");
        assertThat(auth.defaultRegion()).isEqualTo("us-east-1");
        assertThat(auth.authenticate(r, null, "cn-north-4").scheme()).isEqualTo(AuthScheme.AWS_V4);

        S3Exception wrong = catchThrowableOfType(S3Exception.class, () -> auth.authenticate(r, null));
        assertThat(wrong.errorCode()).isEqualTo(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED);
        assertThat(wrong.getMessage()).contains("the region 'cn-north-4' is wrong; expecting 'us-east-1'");
        assertThat(wrong.details()).containsEntry("Region", "us-east-1");
        S3Exception other = catchThrowableOfType(S3Exception.class, () -> auth.authenticate(r, null, "cn-south-1"));
        assertThat(other.details()).containsEntry("Region", "cn-south-1");
        // null: the default region.
        S3Exception byDefault = catchThrowableOfType(S3Exception.class, () -> auth.authenticate(r, null, null));
        assertThat(byDefault.details()).containsEntry("Region", "us-east-1");
        // The same authenticator with cn-north-4 as its default.
        assertThat(TestKeys.authenticator("cn-north-4", "2024-01-02T03:04:05Z").authenticate(r, null).scheme())
                .isEqualTo(AuthScheme.AWS_V4);
        // V2 has no region: any expected region verifies.
        String sts = "GET\n\n\nTue, 27 Mar 2007 19:36:42 +0000\n/johnsmith/photos/puppy.jpg";
        TestRequest v2 = TestRequest.of("GET", "/johnsmith/photos/puppy.jpg")
                .header("Date", "Tue, 27 Mar 2007 19:36:42 +0000")
                .header("Authorization", "AWS " + TestKeys.AK + ":" + TestKeys.v2Sign(sts));
        assertThat(TestKeys.authenticator("us-east-1", "2007-03-27T19:36:42Z").authenticate(v2, null, "cn-south-1")
                .scheme()).isEqualTo(AuthScheme.AWS_V2);
    }

    @Test
    void credentialsAndStores() {
        Credential c = new Credential("AK1", "SECRET1", new Owner("id1", null));
        assertThat(c.owner().displayName()).isEqualTo("id1");
        StaticCredentialStore store = new StaticCredentialStore(List.of(c, TestKeys.CREDENTIAL));
        assertThat(store.find("AK1")).isSameAs(c);
        assertThat(store.find("nope")).isNull();
        assertThat(store.find(null)).isNull();
        assertThatThrownBy(() -> new StaticCredentialStore(List.of(c, new Credential("AK1", "x", c.owner()))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Credential("", "x", c.owner())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Authentication(AuthScheme.AWS_V2, null, PayloadRequirement.none()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Authentication(AuthScheme.ANONYMOUS, c, PayloadRequirement.none()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void payloadRequirements() {
        assertThat(PayloadRequirement.sha256("E3B0C44298FC1C149AFBF4C8996FB92427AE41E4649B934CA495991B7852B855"))
                .isEqualTo(PayloadRequirement.sha256("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        assertThatThrownBy(() -> PayloadRequirement.sha256("abc")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PayloadRequirement.streaming("UNSIGNED-PAYLOAD", "s", new byte[32], "t", "s"))
                .isInstanceOf(IllegalArgumentException.class);
        byte[] key = new byte[32];
        PayloadRequirement.Streaming s = (PayloadRequirement.Streaming) PayloadRequirement.streaming(
                PayloadRequirement.Streaming.STREAMING_SIGNED, "seed", key, "20130524T000000Z", "scope");
        key[0] = 1;
        assertThat(s.signingKey()[0]).isZero();
        s.signingKey()[0] = 2;
        assertThat(s.signingKey()[0]).isZero();
    }
}
