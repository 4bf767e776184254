package dev.rosetta.auth.v4;

import static dev.rosetta.auth.TestKeys.AK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.TestKeys;
import dev.rosetta.auth.TestRequest;
import dev.rosetta.auth.crypto.Sha256;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AwsV4HeaderVerifierTest {
    private static final String TS = "20130524T000000Z";
    private static final String NOW = "2013-05-24T00:00:00Z";
    private static final String EMPTY = Sha256.EMPTY_HEX;
    private static final String HOST = "examplebucket.s3.amazonaws.com";

    private static Authentication authenticate(TestRequest r) {
        return TestKeys.authenticator("us-east-1", NOW).authenticate(r, null);
    }

    private static S3Exception failure(TestRequest r) {
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> authenticate(r));
        assertThat(e).as("expected an S3Exception").isNotNull();
        return e;
    }

    private static TestRequest v41() {
        return AwsV4VectorsTest.v41();
    }

    /** GET with host;x-amz-content-sha256;x-amz-date signed over {@code canonicalUri} and {@code canonicalQuery}. */
    private static TestRequest signed(String target, String canonicalUri, String canonicalQuery) {
        String signedHeaders = "host;x-amz-content-sha256;x-amz-date";
        String canonical = "GET\n" + canonicalUri + "\n" + canonicalQuery + "\n"
                + "host:" + HOST + "\nx-amz-content-sha256:" + EMPTY + "\nx-amz-date:" + TS + "\n\n"
                + signedHeaders + "\n" + EMPTY;
        return TestRequest.of("GET", target)
                .header("Host", HOST)
                .header("x-amz-content-sha256", EMPTY)
                .header("x-amz-date", TS)
                .header("Authorization", TestKeys.v4Authorization(TS, "us-east-1", signedHeaders,
                        TestKeys.v4Sign(canonical, TS, "us-east-1")));
    }

    private static void assertMismatch(TestRequest r) {
        S3Exception e = failure(r);
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(e.status()).isEqualTo(403);
    }

    @Nested
    class Canonicalisation {
        @Test
        void uploadsMustBeSignedExactly() {
            assertThat(authenticate(signed("/key?uploads", "/key", "uploads=")).scheme()).isEqualTo(AuthScheme.AWS_V4);
            assertThat(authenticate(signed("/key?uploads=", "/key", "uploads=")).scheme()).isEqualTo(AuthScheme.AWS_V4);
            assertMismatch(signed("/key", "/key", "uploads="));
            assertMismatch(signed("/key?uploads", "/key", ""));
            assertMismatch(signed("/key?upload", "/key", "uploads="));
            assertMismatch(signed("/key?uploads", "/key", "upload="));
            assertMismatch(signed("/key?Uploads", "/key", "uploads="));
        }

        @Test
        void rawPathIsTheFallbackForEncodedSlashes() {
            // The WOS/OBS SDKs sign their already-encoded path verbatim.
            assertThat(authenticate(signed("/dir%2Fmine-type.mp4", "/dir%2Fmine-type.mp4", "")).scheme())
                    .isEqualTo(AuthScheme.AWS_V4);
            // The normal rule: decode, then URI-ENCODE-PATH.
            assertThat(authenticate(signed("/dir%2Fmine-type.mp4", "/dir/mine-type.mp4", "")).scheme())
                    .isEqualTo(AuthScheme.AWS_V4);
            assertThat(authenticate(signed("/a%7eb/c d", "/a~b/c%20d", "")).scheme()).isEqualTo(AuthScheme.AWS_V4);
        }

        @Test
        void noPathNormalisation() {
            assertThat(authenticate(signed("/a//b/../c/", "/a//b/../c/", "")).scheme()).isEqualTo(AuthScheme.AWS_V4);
            assertMismatch(signed("/a//b/../c/", "/a/c/", ""));
        }

        @Test
        void plusInTheQueryIsLiteralFirstAndASpaceAsFallback() {
            assertThat(authenticate(signed("/?prefix=a+b", "/", "prefix=a%2Bb")).scheme()).isEqualTo(AuthScheme.AWS_V4);
            assertThat(authenticate(signed("/?prefix=a+b", "/", "prefix=a%20b")).scheme()).isEqualTo(AuthScheme.AWS_V4);
            assertMismatch(signed("/?prefix=a%2Bb", "/", "prefix=a%20b"));
        }

        @Test
        void repeatedHeadersAreJoinedWithCommas() {
            String signedHeaders = "host;x-amz-content-sha256;x-amz-date;x-amz-meta-a";
            String canonical = "GET\n/k\n\nhost:" + HOST + "\nx-amz-content-sha256:" + EMPTY + "\nx-amz-date:" + TS
                    + "\nx-amz-meta-a:one,two three\n\n" + signedHeaders + "\n" + EMPTY;
            TestRequest r = TestRequest.of("GET", "/k")
                    .header("Host", HOST)
                    .header("X-Amz-Meta-A", " one ")
                    .header("x-amz-content-sha256", EMPTY)
                    .header("x-amz-date", TS)
                    .header("x-amz-meta-a", "two \t  three")
                    .header("Authorization", TestKeys.v4Authorization(TS, "us-east-1", signedHeaders,
                            TestKeys.v4Sign(canonical, TS, "us-east-1")));
            assertThat(authenticate(r).scheme()).isEqualTo(AuthScheme.AWS_V4);
        }

        @Test
        void dateHeaderIsTheFallbackTimestamp() {
            // The OBS SDK's V4 mode: no x-amz-date, an RFC 1123 Date re-rendered as ISO basic in the string to sign.
            String signedHeaders = "date;host;x-amz-content-sha256";
            String canonical = "GET\n/k\n\ndate:Fri, 24 May 2013 00:00:00 GMT\nhost:" + HOST
                    + "\nx-amz-content-sha256:UNSIGNED-PAYLOAD\n\n" + signedHeaders + "\nUNSIGNED-PAYLOAD";
            TestRequest r = TestRequest.of("GET", "/k")
                    .header("Date", "Fri, 24 May 2013 00:00:00 GMT")
                    .header("Host", HOST)
                    .header("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
                    .header("Authorization", TestKeys.v4Authorization(TS, "us-east-1", signedHeaders,
                            TestKeys.v4Sign(canonical, TS, "us-east-1")));
            assertThat(authenticate(r).scheme()).isEqualTo(AuthScheme.AWS_V4);
        }
    }

    @Nested
    class Errors {
        @ParameterizedTest
        @ValueSource(strings = {
            "AWS4-HMAC-SHA256",
            "AWS4-HMAC-SHA256 Credential=" + AK + "/20130524/us-east-1/s3/aws4_request, SignedHeaders=host",
            "AWS4-HMAC-SHA256 Credential=" + AK + "/20130524/us-east-1/s3/aws4_request, Signature=abcd",
            "AWS4-HMAC-SHA256 SignedHeaders=host, Signature=abcd",
            "AWS4-HMAC-SHA256 Credential=" + AK + "/20130524/us-east-1/s3, SignedHeaders=host, Signature=abcd",
            "AWS4-HMAC-SHA256 Credential=/20130524/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abcd",
            "AWS4-HMAC-SHA256 Credential=" + AK + "//us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abcd",
            "AWS4-HMAC-SHA256 Credential=" + AK + "/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;;x-amz-date,"
                    + " Signature=abcd",
            "AWS4-HMAC-SHA256 Credential=" + AK + "/20130524/us-east-1/s3/aws4_request, SignedHeaders=, Signature=abcd",
            "AWS4-HMAC-SHA256 Credential=" + AK + "/20130524/us-east-1/s3/aws4_request, SignedHeaders=host,"
                    + " Signature=abcd, Extra=1",
            "AWS4-HMAC-SHA256 Credential=" + AK + "/20130524/us-east-1/s3/aws4_request, SignedHeaders=host,"
                    + " Signature=abcd, Signature=abcd",
            "AWS4-HMAC-SHA256 Credential=" + AK + "/20130524/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=",
            "AWS4-HMAC-SHA256 Credential " + AK + "/20130524/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=a",
            "AWS4-HMAC-SHA256 Credential=" + AK + "/20130524/us-east-1/ec2/aws4_request, SignedHeaders=host, Signature=a",
            "AWS4-HMAC-SHA256 Credential=" + AK + "/20130524/us-east-1/s3/aws5_request, SignedHeaders=host, Signature=a",
        })
        void malformedAuthorization(String header) {
            S3Exception e = failure(v41().replacing("Authorization", header));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).startsWith("The authorization header is malformed");
        }

        @Test
        void wrongRegion() {
            TestRequest r = v41().replacing("Authorization", "AWS4-HMAC-SHA256 Credential=" + AK
                    + "/20130524/eu-west-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                    + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
            S3Exception e = failure(r);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo(
                    "The authorization header is malformed; the region 'eu-west-1' is wrong; expecting 'us-east-1'");
            assertThat(e.details()).containsEntry("Region", "us-east-1");
        }

        @Test
        void credentialDateDiffersFromTimestamp() {
            TestRequest r = v41().replacing("Authorization", "AWS4-HMAC-SHA256 Credential=" + AK
                    + "/20130523/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                    + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
            S3Exception e = failure(r);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo("Invalid credential date. Date is not the same as X-Amz-Date.");
        }

        @Test
        void missingTimestamp() {
            S3Exception e = failure(v41().without("x-amz-date"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.getMessage()).isEqualTo("AWS authentication requires a valid Date or x-amz-date header");
            assertThat(failure(v41().replacing("x-amz-date", "2013-05-24")).errorCode())
                    .isEqualTo(S3ErrorCode.ACCESS_DENIED);
        }

        @Test
        void requestTimeTooSkewed() {
            S3Exception e = catchThrowableOfType(S3Exception.class,
                    () -> TestKeys.authenticator("us-east-1", "2013-05-24T00:15:01Z").authenticate(v41(), null));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.REQUEST_TIME_TOO_SKEWED);
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.details())
                    .containsEntry("RequestTime", TS)
                    .containsEntry("ServerTime", "2013-05-24T00:15:01Z")
                    .containsEntry("MaxAllowedSkewMilliseconds", "900000");
            assertThat(TestKeys.authenticator("us-east-1", "2013-05-24T00:15:00Z").authenticate(v41(), null).scheme())
                    .isEqualTo(AuthScheme.AWS_V4);
        }

        @Test
        void missingContentSha256() {
            // Unsigned-header check would also fire if the header were present but unsigned; here it is absent.
            TestRequest r = v41().without("x-amz-content-sha256");
            S3Exception e = failure(r);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_REQUEST);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo("Missing required header for this request: x-amz-content-sha256");
        }

        @ParameterizedTest
        @ValueSource(strings = {"abc", "UNSIGNED", "unsigned-payload", "STREAMING-AWS4-HMAC-SHA256",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85g",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855a"})
        void invalidContentSha256(String value) {
            S3Exception e = failure(v41().replacing("x-amz-content-sha256", value));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.details()).containsEntry("ArgumentName", "x-amz-content-sha256")
                    .containsEntry("ArgumentValue", value);
        }

        @ParameterizedTest
        @ValueSource(strings = {"STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD",
            "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER", "STREAMING-AWS4-HMAC-SHA256-EVENTS"})
        void unsupportedStreamingModes(String value) {
            S3Exception e = failure(v41().replacing("x-amz-content-sha256", value));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_REQUEST);
            assertThat(e.status()).isEqualTo(400);
        }

        @Test
        void hostMustBeSigned() {
            TestRequest r = v41().replacing("Authorization", "AWS4-HMAC-SHA256 Credential=" + AK
                    + "/20130524/us-east-1/s3/aws4_request, SignedHeaders=range;x-amz-content-sha256;x-amz-date,"
                    + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
            S3Exception e = failure(r);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.getMessage()).isEqualTo("There were headers present in the request which were not signed");
            assertThat(e.details()).containsEntry("HeadersNotSigned", "host");
        }

        @Test
        void everyAmzHeaderMustBeSigned() {
            S3Exception e = failure(v41().header("X-Amz-Meta-Color", "red").header("x-amz-acl", "private")
                    .header("x-amz-meta-color", "blue"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.getMessage()).isEqualTo("There were headers present in the request which were not signed");
            assertThat(e.details()).containsEntry("HeadersNotSigned", "x-amz-meta-color, x-amz-acl");
        }

        @Test
        void unknownAccessKey() {
            S3Exception e = failure(v41().replacing("Authorization", "AWS4-HMAC-SHA256 Credential=NOSUCHKEY"
                    + "/20130524/us-east-1/s3/aws4_request, SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                    + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ACCESS_KEY_ID);
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.details()).containsEntry("AWSAccessKeyId", "NOSUCHKEY");
        }

        @Test
        void signatureDoesNotMatchCarriesTheCanonicalRequest() {
            String wrong = "0000000000000000000000000000000000000000000000000000000000000000";
            TestRequest r = v41().replacing("Range", "bytes=0-10");
            S3Exception e = failure(r);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
            assertThat(e.status()).isEqualTo(403);
            String canonical = "GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-10\n"
                    + "x-amz-content-sha256:" + EMPTY + "\nx-amz-date:" + TS + "\n\n"
                    + "host;range;x-amz-content-sha256;x-amz-date\n" + EMPTY;
            String sts = "AWS4-HMAC-SHA256\n" + TS + "\n20130524/us-east-1/s3/aws4_request\n" + Sha256.hex(canonical);
            assertThat(e.details())
                    .containsEntry("AWSAccessKeyId", AK)
                    .containsEntry("StringToSign", sts)
                    .containsEntry("SignatureProvided", "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41")
                    .containsEntry("CanonicalRequest", canonical)
                    .containsKeys("StringToSignBytes", "CanonicalRequestBytes");
            assertThat(e.details().get("StringToSignBytes")).startsWith("41 57 53 34 2d");
            assertThat(e.details().get("CanonicalRequestBytes")).startsWith("47 45 54 0a 2f 74");

            assertMismatch(v41().replacing("Authorization", v41().header("Authorization")
                    .replace("f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41", wrong)));
        }

        @Test
        void signatureComparedAsDecodedBytes() {
            String good = "f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41";
            String header = v41().header("Authorization");
            for (String bad : new String[] {good.substring(0, 62), good + "00", "zz" + good.substring(2),
                "f1" + good.substring(2), good.substring(0, 63) + "0"}) {
                assertMismatch(v41().replacing("Authorization", header.replace(good, bad)));
            }
        }

        @Test
        void signedHeaderAbsentFromTheRequestIsAMismatch() {
            assertMismatch(v41().without("Range"));
        }

        @Test
        void aChangedPayloadHashIsAMismatch() {
            TestRequest r = v41().replacing("x-amz-content-sha256", "UNSIGNED-PAYLOAD");
            assertMismatch(r);
        }
    }
}
