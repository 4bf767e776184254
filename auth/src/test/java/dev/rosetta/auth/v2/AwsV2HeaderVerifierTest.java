package dev.rosetta.auth.v2;

import static dev.rosetta.auth.TestKeys.AK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.TestKeys;
import dev.rosetta.auth.TestRequest;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsV2HeaderVerifierTest {
    private static final String DATE = "Tue, 27 Mar 2007 19:36:42 +0000";
    private static final String NOW = "2007-03-27T19:36:42Z";

    private static Authentication authenticate(TestRequest r) {
        return TestKeys.authenticator("us-east-1", NOW).authenticate(r, null);
    }

    private static S3Exception failure(TestRequest r) {
        return catchThrowableOfType(S3Exception.class, () -> authenticate(r));
    }

    /** A path-style request whose signature covers {@code signedResource}. */
    private static TestRequest signed(String method, String target, String signedResource) {
        String sts = method + "\n\n\n" + DATE + "\n" + signedResource;
        return TestRequest.of(method, target)
                .header("Host", "s3.amazonaws.com")
                .header("Date", DATE)
                .header("Authorization", "AWS " + AK + ":" + TestKeys.v2Sign(sts));
    }

    private static void assertMismatch(TestRequest r) {
        S3Exception e = failure(r);
        assertThat(e).isNotNull();
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(e.status()).isEqualTo(403);
    }

    @Nested
    class Uploads {
        @Test
        void signatureOverUploadsVerifiesForUploads() {
            assertThat(authenticate(signed("POST", "/bucket/key?uploads", "/bucket/key?uploads")).scheme())
                    .isEqualTo(AuthScheme.AWS_V2);
        }

        @Test
        void emptyValueFormsAreInterchangeable() {
            // Sent "uploads=": botocore signs "uploads=", AWS SDK v1 / MinIO sign "uploads".
            assertThat(authenticate(signed("POST", "/bucket/key?uploads=", "/bucket/key?uploads=")).scheme())
                    .isEqualTo(AuthScheme.AWS_V2);
            assertThat(authenticate(signed("POST", "/bucket/key?uploads=", "/bucket/key?uploads")).scheme())
                    .isEqualTo(AuthScheme.AWS_V2);
            assertThat(authenticate(signed("POST", "/bucket/key?uploads", "/bucket/key?uploads=")).scheme())
                    .isEqualTo(AuthScheme.AWS_V2);
        }

        @Test
        void signatureOverUploadsDoesNotVerifyForAUrlWithoutIt() {
            assertMismatch(signed("POST", "/bucket/key", "/bucket/key?uploads"));
        }

        @Test
        void urlWithUploadsDoesNotVerifyASignatureWithoutIt() {
            assertMismatch(signed("POST", "/bucket/key?uploads", "/bucket/key"));
        }

        @Test
        void misspeltInTheUrl() {
            assertMismatch(signed("POST", "/bucket/key?upload", "/bucket/key?uploads"));
            assertMismatch(signed("POST", "/bucket/key?Uploads", "/bucket/key?uploads"));
        }

        @Test
        void misspeltInTheSignature() {
            assertMismatch(signed("POST", "/bucket/key?uploads", "/bucket/key?upload"));
            assertMismatch(signed("POST", "/bucket/key?uploads", "/bucket/key?Uploads"));
        }

        @Test
        void bothPresentButSpeltDifferently() {
            assertMismatch(signed("POST", "/bucket/key?uploads", "/bucket/key?uploadz"));
            assertMismatch(signed("POST", "/bucket/key?uploadz", "/bucket/key?uploads"));
            assertMismatch(signed("POST", "/bucket/key?Uploads", "/bucket/key?uploads"));
            // (?Uploads signed as ?Uploads verifies: the OBS SDK's V2 mode matches sub-resource names
            // ignoring case, and the authenticator accepts that form; routing then answers NotImplemented)
        }

        @Test
        void misspeltNameIsNotASubResourceSoTheBareResourceVerifies() {
            // What S3 itself does: an unknown parameter is not signed (routing then answers, not auth).
            assertThat(authenticate(signed("POST", "/bucket/key?upload", "/bucket/key")).scheme())
                    .isEqualTo(AuthScheme.AWS_V2);
        }
    }

    @Nested
    class Errors {
        @ParameterizedTest
        @ValueSource(strings = {"AWS " + AK, "AWS " + AK + ":", "AWS :c2ln", "AWS  " + AK + ":c2ln",
            "AWS " + AK + ": c2ln", "AWS " + AK + ":c2ln extra", "AWS"})
        void malformedAuthorization(String header) {
            S3Exception e = failure(TestRequest.of("GET", "/b/k").header("Date", DATE).header("Authorization", header));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage())
                    .isEqualTo("Authorization header is invalid -- one and only one ' ' (space) required");
            assertThat(e.details()).containsEntry("ArgumentName", "Authorization");
        }

        @Test
        void unknownAccessKey() {
            S3Exception e = failure(TestRequest.of("GET", "/b/k").header("Date", DATE)
                    .header("Authorization", "AWS NOSUCHKEY:c2lnbmF0dXJl"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ACCESS_KEY_ID);
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.details()).containsEntry("AWSAccessKeyId", "NOSUCHKEY");
        }

        @Test
        void missingDate() {
            S3Exception e = failure(signed("GET", "/b/k", "/b/k").without("Date"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.getMessage()).isEqualTo("AWS authentication requires a valid Date or x-amz-date header");
        }

        @Test
        void unparsableDate() {
            S3Exception e = failure(signed("GET", "/b/k", "/b/k").replacing("Date", "yesterday"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
            assertThat(e.getMessage()).isEqualTo("AWS authentication requires a valid Date or x-amz-date header");
        }

        @Test
        void unparsableXAmzDateWinsOverAValidDate() {
            S3Exception e = failure(signed("GET", "/b/k", "/b/k").header("x-amz-date", "garbage"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
        }

        @Test
        void requestTimeTooSkewed() {
            TestRequest r = signed("GET", "/b/k", "/b/k");
            S3Exception e = catchThrowableOfType(S3Exception.class,
                    () -> TestKeys.authenticator("us-east-1", "2007-03-27T19:51:43Z").authenticate(r, null));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.REQUEST_TIME_TOO_SKEWED);
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.details())
                    .containsEntry("RequestTime", DATE)
                    .containsEntry("ServerTime", "2007-03-27T19:51:43Z")
                    .containsEntry("MaxAllowedSkewMilliseconds", "900000");
            // In the past, too.
            assertThatThrownBy(() -> TestKeys.authenticator("us-east-1", "2007-03-27T19:21:41Z").authenticate(r, null))
                    .isInstanceOf(S3Exception.class)
                    .extracting(t -> ((S3Exception) t).errorCode()).isEqualTo(S3ErrorCode.REQUEST_TIME_TOO_SKEWED);
        }

        @Test
        void exactlyFifteenMinutesIsAccepted() {
            TestRequest r = signed("GET", "/b/k", "/b/k");
            assertThat(TestKeys.authenticator("us-east-1", "2007-03-27T19:51:42Z").authenticate(r, null).scheme())
                    .isEqualTo(AuthScheme.AWS_V2);
            assertThat(TestKeys.authenticator("us-east-1", "2007-03-27T19:21:42Z").authenticate(r, null).scheme())
                    .isEqualTo(AuthScheme.AWS_V2);
        }

        @Test
        void signatureDoesNotMatchCarriesTheStringToSign() {
            TestRequest r = TestRequest.of("GET", "/b/k?acl").header("Date", DATE)
                    .header("Authorization", "AWS " + AK + ":AAAAAAAAAAAAAAAAAAAAAAAAAAA=");
            S3Exception e = failure(r);
            String sts = "GET\n\n\n" + DATE + "\n/b/k?acl";
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.details())
                    .containsEntry("AWSAccessKeyId", AK)
                    .containsEntry("StringToSign", sts)
                    .containsEntry("SignatureProvided", "AAAAAAAAAAAAAAAAAAAAAAAAAAA=")
                    .containsKey("StringToSignBytes");
            assertThat(e.details().get("StringToSignBytes")).startsWith("47 45 54 0a 0a 0a 54 75 65 2c")
                    .endsWith("2f 62 2f 6b 3f 61 63 6c");
        }

        @Test
        void signatureIsComparedAsDecodedBytes() {
            TestRequest ok = signed("GET", "/b/k", "/b/k");
            String sig = ok.header("Authorization").substring(("AWS " + AK + ":").length());
            // Unpadded base64 decodes to the same digest: accepted.
            assertThat(authenticate(ok.replacing("Authorization", "AWS " + AK + ":" + sig.replace("=", ""))).scheme())
                    .isEqualTo(AuthScheme.AWS_V2);
            // Truncated digest, flipped byte, not base64, wrong secret: all mismatches.
            assertMismatch(ok.replacing("Authorization", "AWS " + AK + ":" + sig.substring(0, 20)));
            char flipped = sig.charAt(0) == 'A' ? 'B' : 'A';
            assertMismatch(ok.replacing("Authorization", "AWS " + AK + ":" + flipped + sig.substring(1)));
            assertMismatch(ok.replacing("Authorization", "AWS " + AK + ":!!not-base64!!"));
        }

        @Test
        void unsignedPositionalHeaderChangeIsAMismatch() {
            assertMismatch(signed("PUT", "/b/k", "/b/k").header("Content-Type", "text/plain"));
            assertMismatch(signed("PUT", "/b/k", "/b/k").header("Content-MD5", "1B2M2Y8AsgTpgAmY7PhCfg=="));
            assertMismatch(signed("PUT", "/b/k", "/b/k").header("x-amz-meta-a", "b"));
        }
    }
}
