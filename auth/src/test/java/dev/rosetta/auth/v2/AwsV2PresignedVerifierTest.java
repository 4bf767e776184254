package dev.rosetta.auth.v2;

import static dev.rosetta.auth.TestKeys.AK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.TestKeys;
import dev.rosetta.auth.TestRequest;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** SigV2 query-string authentication (dialects.md §1.4). */
class AwsV2PresignedVerifierTest {
    private static final String EXPIRES = "1175139620"; // 2007-03-29T03:40:20Z
    private static final String BEFORE = "2007-03-27T19:36:42Z";
    private static final String P1_QUERY = "AWSAccessKeyId=" + AK + "&Expires=" + EXPIRES
            + "&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D";

    private static Authentication authenticate(TestRequest r, String bucket, String now) {
        return TestKeys.authenticator("us-east-1", now).authenticate(r, bucket);
    }

    private static S3Exception failure(TestRequest r, String bucket, String now) {
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> authenticate(r, bucket, now));
        assertThat(e).as("expected an S3Exception").isNotNull();
        return e;
    }

    private static String urlEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void v2_p1_endToEnd() {
        // Path style, as the AWS SDK v1 generated it.
        TestRequest pathStyle = TestRequest.of("GET", "/johnsmith/photos/puppy.jpg?" + P1_QUERY)
                .header("Host", "s3.amazonaws.com");
        Authentication a = authenticate(pathStyle, null, BEFORE);
        assertThat(a.scheme()).isEqualTo(AuthScheme.AWS_V2_PRESIGNED);
        assertThat(a.credential()).isEqualTo(TestKeys.CREDENTIAL);
        assertThat(a.payload()).isEqualTo(PayloadRequirement.none());
        // Virtual-hosted: the bucket comes from the Host.
        TestRequest vhost = TestRequest.of("GET", "/photos/puppy.jpg?" + P1_QUERY)
                .header("Host", "johnsmith.s3.amazonaws.com");
        assertThat(authenticate(vhost, "johnsmith", BEFORE).scheme()).isEqualTo(AuthScheme.AWS_V2_PRESIGNED);
        // Parameter order is irrelevant; a Date header does not take the Date position; the last second is valid.
        TestRequest reordered = TestRequest.of("GET", "/johnsmith/photos/puppy.jpg?Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D"
                        + "&Expires=" + EXPIRES + "&AWSAccessKeyId=" + AK)
                .header("Date", "Tue, 27 Mar 2007 19:36:42 +0000");
        assertThat(authenticate(reordered, null, "2007-03-29T03:40:20Z").scheme())
                .isEqualTo(AuthScheme.AWS_V2_PRESIGNED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"NpgCjnDzrM+WFzoENXmpNDUsSn8%3D", "NpgCjnDzrM+WFzoENXmpNDUsSn8=",
        "NpgCjnDzrM%2bWFzoENXmpNDUsSn8%3d", "NpgCjnDzrM%20WFzoENXmpNDUsSn8%3D"})
    void signatureEncodings(String signature) {
        // A raw '+' stays '+'; lower-case escapes decode; a '+' that became a space is read back.
        TestRequest r = TestRequest.of("GET", "/johnsmith/photos/puppy.jpg?AWSAccessKeyId=" + AK + "&Expires="
                + EXPIRES + "&Signature=" + signature);
        assertThat(authenticate(r, null, BEFORE).scheme()).isEqualTo(AuthScheme.AWS_V2_PRESIGNED);
    }

    @Test
    void expired() {
        TestRequest r = TestRequest.of("GET", "/johnsmith/photos/puppy.jpg?" + P1_QUERY);
        S3Exception e = failure(r, null, "2007-03-29T03:40:21Z");
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.getMessage()).isEqualTo("Request has expired");
        assertThat(e.details()).containsExactly(Map.entry("Expires", "2007-03-29T03:40:20Z"),
                Map.entry("ServerTime", "2007-03-29T03:40:21Z"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"abc", "", "-1", "1.5", "1175139620x"})
    void nonNumericExpiresIsAccessDenied(String expires) {
        TestRequest r = TestRequest.of("GET", "/johnsmith/photos/puppy.jpg?AWSAccessKeyId=" + AK + "&Expires="
                + urlEncode(expires) + "&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D");
        S3Exception e = failure(r, null, BEFORE);
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
        assertThat(e.status()).isEqualTo(403);
    }

    @Test
    void noMaximumLifetime() {
        String expires = "4102444800"; // 2100-01-01
        String sts = "GET\n\n\n" + expires + "\n/johnsmith/photos/puppy.jpg";
        TestRequest r = TestRequest.of("GET", "/johnsmith/photos/puppy.jpg?AWSAccessKeyId=" + AK + "&Expires="
                + expires + "&Signature=" + urlEncode(TestKeys.v2Sign(sts)));
        assertThat(authenticate(r, null, BEFORE).scheme()).isEqualTo(AuthScheme.AWS_V2_PRESIGNED);
    }

    @Test
    void amzQueryParametersAndHeadersAreSigned() {
        // x-amz-security-token in the query joins CanonicalizedAmzHeaders, decoded; Content-Type participates.
        String sts = "PUT\n\ntext/plain\n" + EXPIRES + "\nx-amz-acl:private\nx-amz-security-token:tok/en=+\n"
                + "/johnsmith/photos/puppy.jpg?acl";
        String target = "/johnsmith/photos/puppy.jpg?acl&x-amz-security-token=tok%2Fen%3D%2B&AWSAccessKeyId=" + AK
                + "&Expires=" + EXPIRES + "&Signature=" + urlEncode(TestKeys.v2Sign(sts));
        TestRequest r = TestRequest.of("PUT", target)
                .header("Content-Type", "text/plain")
                .header("x-amz-acl", "private");
        assertThat(authenticate(r, null, BEFORE).scheme()).isEqualTo(AuthScheme.AWS_V2_PRESIGNED);
        assertThat(failure(r.replacing("Content-Type", "text/html"), null, BEFORE).errorCode())
                .isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        // A client that did not sign the query token (header-form rule) also verifies.
        String withoutToken = "PUT\n\ntext/plain\n" + EXPIRES + "\nx-amz-acl:private\n/johnsmith/photos/puppy.jpg?acl";
        TestRequest other = TestRequest.of("PUT", "/johnsmith/photos/puppy.jpg?acl&x-amz-security-token=tok"
                        + "&AWSAccessKeyId=" + AK + "&Expires=" + EXPIRES + "&Signature="
                        + urlEncode(TestKeys.v2Sign(withoutToken)))
                .header("Content-Type", "text/plain")
                .header("x-amz-acl", "private");
        assertThat(authenticate(other, null, BEFORE).scheme()).isEqualTo(AuthScheme.AWS_V2_PRESIGNED);
    }

    @Test
    void mismatchAndUnknownKey() {
        TestRequest wrongPath = TestRequest.of("GET", "/johnsmith/photos/kitten.jpg?" + P1_QUERY);
        S3Exception e = failure(wrongPath, null, BEFORE);
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(e.details()).containsEntry("StringToSign", "GET\n\n\n" + EXPIRES + "\n/johnsmith/photos/kitten.jpg")
                .containsEntry("SignatureProvided", "NpgCjnDzrM+WFzoENXmpNDUsSn8=")
                .containsEntry("AWSAccessKeyId", AK);
        TestRequest notBase64 = TestRequest.of("GET", "/johnsmith/photos/puppy.jpg?AWSAccessKeyId=" + AK
                + "&Expires=" + EXPIRES + "&Signature=%21%21");
        assertThat(failure(notBase64, null, BEFORE).errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        TestRequest unknown = TestRequest.of("GET", "/johnsmith/photos/puppy.jpg?AWSAccessKeyId=NOPE&Expires="
                + EXPIRES + "&Signature=NpgCjnDzrM%2BWFzoENXmpNDUsSn8%3D");
        S3Exception u = failure(unknown, null, BEFORE);
        assertThat(u.errorCode()).isEqualTo(S3ErrorCode.INVALID_ACCESS_KEY_ID);
        assertThat(u.details()).containsEntry("AWSAccessKeyId", "NOPE");
    }
}
