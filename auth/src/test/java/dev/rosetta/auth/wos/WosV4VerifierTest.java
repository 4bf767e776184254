package dev.rosetta.auth.wos;

import static dev.rosetta.auth.wos.WosTestSupport.AK;
import static dev.rosetta.auth.wos.WosTestSupport.EMPTY;
import static dev.rosetta.auth.wos.WosTestSupport.HOST;
import static dev.rosetta.auth.wos.WosTestSupport.NOW;
import static dev.rosetta.auth.wos.WosTestSupport.REGION;
import static dev.rosetta.auth.wos.WosTestSupport.TS;
import static dev.rosetta.auth.wos.WosTestSupport.authorization;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.TestRequest;
import dev.rosetta.auth.v4.SigningKeyCache;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Authorization: WOS-HMAC-SHA256 ...} (dialects.md §5.2), vectors WOS-1 and WOS-2. */
class WosV4VerifierTest {
    static final String SIGNED = "host;x-wos-content-sha256;x-wos-date";
    static final String WOS1_SIGNATURE = "0243fe336dc075f95add64c5fe980ae6fd0446b243e0f301e4ad75d32d96dc6a";
    static final String WOS2_SIGNATURE = "59331d560f96e460cc9989c72bc142a27a1a586b946f0738d4c9eabb930bb6f6";

    private static Authentication verify(TestRequest r) {
        return verify(r, NOW, REGION);
    }

    private static Authentication verify(TestRequest r, String now, String region) {
        return new WosV4Verifier(WosTestSupport.store(), WosTestSupport.clockAt(now), new SigningKeyCache(16))
                .verify(r, "wcstest-r9-private", region);
    }

    private static S3Exception failure(TestRequest r) {
        return WosTestSupport.failure(() -> verify(r));
    }

    private static void assertMismatch(TestRequest r) {
        S3Exception e = failure(r);
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(e.status()).isEqualTo(403);
    }

    /** WOS-1 as the doc prints it (", " separators), Range present but unsigned. */
    static TestRequest wos1() {
        return TestRequest.of("DELETE", "/mine-type.mp4")
                .header("Host", HOST)
                .header("Range", "0-9")
                .header("x-wos-content-sha256", EMPTY)
                .header("x-wos-date", TS)
                .header("Authorization", "WOS-HMAC-SHA256 Credential=" + AK + "/20201103/" + REGION
                        + "/wos/wos_request, SignedHeaders=" + SIGNED + ", Signature=" + WOS1_SIGNATURE);
    }

    /** A GET signed over {@code canonicalUri}/{@code canonicalQuery} with x-wos-date and UNSIGNED-PAYLOAD. */
    private static TestRequest signed(String target, String canonicalUri, String canonicalQuery) {
        String canonical = "GET\n" + canonicalUri + "\n" + canonicalQuery + "\nhost:" + HOST
                + "\nx-wos-content-sha256:UNSIGNED-PAYLOAD\nx-wos-date:" + TS + "\n\n" + SIGNED + "\nUNSIGNED-PAYLOAD";
        return TestRequest.of("GET", target)
                .header("Host", HOST)
                .header("x-wos-content-sha256", "UNSIGNED-PAYLOAD")
                .header("x-wos-date", TS)
                .header("Authorization", authorization("20201103", REGION, SIGNED,
                        WosTestSupport.v4Sign(canonical, TS, REGION)));
    }

    @Test
    void wos1_deleteObject() {
        String canonical = "DELETE\n/mine-type.mp4\n\nhost:" + HOST + "\nx-wos-content-sha256:" + EMPTY
                + "\nx-wos-date:" + TS + "\n\n" + SIGNED + "\n" + EMPTY;
        assertThat(WosTestSupport.v4Sign(canonical, TS, REGION)).isEqualTo(WOS1_SIGNATURE);
        Authentication a = verify(wos1());
        assertThat(a.scheme()).isEqualTo(AuthScheme.WOS_V4);
        assertThat(a.credential()).isEqualTo(WosTestSupport.CREDENTIAL);
        assertThat(a.payload()).isEqualTo(PayloadRequirement.sha256(EMPTY));
    }

    @Test
    void wos2_sdkUnsignedPayload() {
        TestRequest r = wos1().replacing("x-wos-content-sha256", "UNSIGNED-PAYLOAD")
                .replacing("Authorization", authorization("20201103", REGION, SIGNED, WOS2_SIGNATURE));
        Authentication a = verify(r);
        assertThat(a.scheme()).isEqualTo(AuthScheme.WOS_V4);
        assertThat(a.payload()).isEqualTo(PayloadRequirement.unsigned());
    }

    @Nested
    class Canonicalisation {
        @Test
        void sdkSendsTheTimeInAnIsoDateHeader() {
            String signed = "date;host;x-wos-content-sha256";
            String canonical = "GET\n/k\n\ndate:" + TS + "\nhost:" + HOST + "\nx-wos-content-sha256:UNSIGNED-PAYLOAD\n\n"
                    + signed + "\nUNSIGNED-PAYLOAD";
            TestRequest r = TestRequest.of("GET", "/k")
                    .header("Date", TS)
                    .header("Host", HOST)
                    .header("x-wos-content-sha256", "UNSIGNED-PAYLOAD")
                    .header("Authorization", authorization("20201103", REGION, signed,
                            WosTestSupport.v4Sign(canonical, TS, REGION)));
            assertThat(verify(r).scheme()).isEqualTo(AuthScheme.WOS_V4);
        }

        @Test
        void rfc1123DateIsReRenderedAsIsoBasic() {
            String date = "Tue, 03 Nov 2020 10:44:19 GMT";
            String signed = "date;host;x-wos-content-sha256";
            String canonical = "GET\n/k\n\ndate:" + date + "\nhost:" + HOST
                    + "\nx-wos-content-sha256:UNSIGNED-PAYLOAD\n\n" + signed + "\nUNSIGNED-PAYLOAD";
            TestRequest r = TestRequest.of("GET", "/k")
                    .header("Date", date)
                    .header("Host", HOST)
                    .header("x-wos-content-sha256", "UNSIGNED-PAYLOAD")
                    .header("Authorization", authorization("20201103", REGION, signed,
                            WosTestSupport.v4Sign(canonical, TS, REGION)));
            assertThat(verify(r).scheme()).isEqualTo(AuthScheme.WOS_V4);
        }

        @Test
        void headerValuesTrimmedOrAsReceived() {
            String signed = "host;x-wos-content-sha256;x-wos-date;x-wos-meta-note";
            String base = "GET\n/k\n\nhost:" + HOST + "\nx-wos-content-sha256:UNSIGNED-PAYLOAD\nx-wos-date:" + TS
                    + "\nx-wos-meta-note:";
            for (String canonicalValue : new String[] {"two spaces", "two   spaces"}) {
                String canonical = base + canonicalValue + "\n\n" + signed + "\nUNSIGNED-PAYLOAD";
                TestRequest r = TestRequest.of("GET", "/k")
                        .header("Host", HOST)
                        .header("x-wos-content-sha256", "UNSIGNED-PAYLOAD")
                        .header("x-wos-date", TS)
                        .header("x-wos-meta-note", "two   spaces")
                        .header("Authorization", authorization("20201103", REGION, signed,
                                WosTestSupport.v4Sign(canonical, TS, REGION)));
                assertThat(verify(r).scheme()).as(canonicalValue).isEqualTo(AuthScheme.WOS_V4);
            }
        }

        @Test
        void rawPathKeepsAnEncodedSlash() {
            assertThat(verify(signed("/dir%2Fmine-type.mp4", "/dir%2Fmine-type.mp4", "")).scheme())
                    .isEqualTo(AuthScheme.WOS_V4);
            assertThat(verify(signed("/dir%2Fmine-type.mp4", "/dir/mine-type.mp4", "")).scheme())
                    .isEqualTo(AuthScheme.WOS_V4);
            assertThat(verify(signed("/a%7eb", "/a~b", "")).scheme()).isEqualTo(AuthScheme.WOS_V4);
        }

        @Test
        void uploadsMustBeSignedExactly() {
            assertThat(verify(signed("/key?uploads", "/key", "uploads=")).scheme()).isEqualTo(AuthScheme.WOS_V4);
            assertMismatch(signed("/key", "/key", "uploads="));
            assertMismatch(signed("/key?uploads", "/key", ""));
            assertMismatch(signed("/key?upload", "/key", "uploads="));
            assertMismatch(signed("/key?uploads", "/key", "upload="));
            assertMismatch(signed("/key?Uploads", "/key", "uploads="));
        }

        @Test
        void amzDateIsTheSecondTimeSource() {
            String signed = "host;x-amz-date;x-wos-content-sha256";
            String canonical = "GET\n/k\n\nhost:" + HOST + "\nx-amz-date:" + TS
                    + "\nx-wos-content-sha256:UNSIGNED-PAYLOAD\n\n" + signed + "\nUNSIGNED-PAYLOAD";
            TestRequest r = TestRequest.of("GET", "/k")
                    .header("Host", HOST)
                    .header("x-amz-date", TS)
                    .header("Date", "Mon, 01 Jan 2001 00:00:00 GMT")
                    .header("x-wos-content-sha256", "UNSIGNED-PAYLOAD")
                    .header("Authorization", authorization("20201103", REGION, signed,
                            WosTestSupport.v4Sign(canonical, TS, REGION)));
            assertThat(verify(r).scheme()).isEqualTo(AuthScheme.WOS_V4);
        }
    }

    @Nested
    class Errors {
        @ParameterizedTest
        @ValueSource(strings = {
            "WOS-HMAC-SHA256",
            "WOS-HMAC-SHA256 Credential=" + AK + "/20201103/cn-south-1/wos/wos_request, SignedHeaders=host",
            "WOS-HMAC-SHA256 Credential=" + AK + "/20201103/cn-south-1/wos/wos_request, SignedHeaders=host, Signature=",
            "WOS-HMAC-SHA256 " + AK + ":abcdef",
        })
        void missingSignature(String header) {
            S3Exception e = failure(wos1().replacing("Authorization", header));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo("Authorization header is invalid. Expected AccessKeyId:signature");
        }

        @ParameterizedTest
        @ValueSource(strings = {
            "WOS-HMAC-SHA256 Credential=/20201103/cn-south-1/wos/wos_request, SignedHeaders=host, Signature=ab",
            "WOS-HMAC-SHA256 Credential=" + AK + "/20201103/cn-south-1/wos, SignedHeaders=host, Signature=ab",
            "WOS-HMAC-SHA256 Credential=" + AK + "/20201103/cn-south-1/s3/wos_request, SignedHeaders=host, Signature=ab",
            "WOS-HMAC-SHA256 Credential=" + AK + "/20201103/cn-south-1/wos/aws4_request, SignedHeaders=host, Signature=ab",
            "WOS-HMAC-SHA256 SignedHeaders=host, Signature=ab",
        })
        void malformed(String header) {
            S3Exception e = failure(wos1().replacing("Authorization", header));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED);
            assertThat(e.status()).isEqualTo(400);
        }

        @Test
        void wrongRegion() {
            S3Exception e = WosTestSupport.failure(() -> verify(wos1(), NOW, "cn-north-1"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED);
            assertThat(e.getMessage()).isEqualTo(
                    "The authorization header is malformed; the region 'cn-south-1' is wrong; expecting 'cn-north-1'");
            assertThat(e.details()).containsEntry("Region", "cn-north-1");
        }

        @Test
        void credentialDateDiffersFromTheRequestDate() {
            S3Exception e = failure(wos1().replacing("Authorization",
                    authorization("20201102", REGION, SIGNED, WOS1_SIGNATURE)));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.getMessage()).isEqualTo("Invalid credential date. Date is not the same as x-wos-date.");
        }

        @Test
        void missingOrInvalidDate() {
            for (TestRequest r : new TestRequest[] {wos1().without("x-wos-date"),
                wos1().replacing("x-wos-date", "2020-11-03"), wos1().header("Date", TS).replacing("x-wos-date", "x")}) {
                S3Exception e = failure(r);
                assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
                assertThat(e.status()).isEqualTo(403);
                assertThat(e.getMessage()).isEqualTo("Authentication requires a valid Date or x-wos-date header");
            }
        }

        @Test
        void requestTimeTooSkewed() {
            assertThat(verify(wos1(), "2020-11-03T10:59:19Z", REGION).scheme()).isEqualTo(AuthScheme.WOS_V4);
            S3Exception e = WosTestSupport.failure(() -> verify(wos1(), "2020-11-03T10:59:20Z", REGION));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.REQUEST_TIME_TOO_SKEWED);
            assertThat(e.status()).isEqualTo(403);
        }

        @Test
        void unknownAccessKey() {
            S3Exception e = failure(wos1().replacing("Authorization", wos1().header("Authorization")
                    .replace(AK, "NOSUCHKEY")));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ACCESS_KEY_ID);
            assertThat(e.details()).containsEntry("AWSAccessKeyId", "NOSUCHKEY");
        }

        @Test
        void contentSha256() {
            S3Exception missing = failure(wos1().without("x-wos-content-sha256"));
            assertThat(missing.errorCode()).isEqualTo(S3ErrorCode.INVALID_REQUEST);
            assertThat(missing.status()).isEqualTo(400);
            for (String v : new String[] {"STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "STREAMING-UNSIGNED-PAYLOAD-TRAILER",
                "STREAMING-WOS-HMAC-SHA256-PAYLOAD", "abc"}) {
                S3Exception e = failure(wos1().replacing("x-wos-content-sha256", v));
                assertThat(e.errorCode()).as(v).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
                assertThat(e.status()).isEqualTo(400);
                assertThat(e.details()).containsEntry("ArgumentName", "x-wos-content-sha256");
            }
        }

        @Test
        void unsignedWosAndAmzHeadersAndHost() {
            for (TestRequest r : new TestRequest[] {wos1().header("x-wos-acl", "private"),
                wos1().header("X-Amz-Meta-A", "b"),
                wos1().replacing("Authorization", authorization("20201103", REGION,
                        "x-wos-content-sha256;x-wos-date", WOS1_SIGNATURE))}) {
                S3Exception e = failure(r);
                assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
                assertThat(e.getMessage()).isEqualTo("There were headers present in the request which were not signed");
                assertThat(e.details()).containsKey("HeadersNotSigned");
            }
        }

        @Test
        void signatureDoesNotMatch() {
            assertMismatch(wos1().replacing("Host", "other.example"));
            assertMismatch(wos1().replacing("Authorization", authorization("20201103", REGION, SIGNED, "zz")));
            S3Exception e = failure(wos1().replacing("Authorization",
                    authorization("20201103", REGION, SIGNED, WOS2_SIGNATURE)));
            assertThat(e.details())
                    .containsEntry("AWSAccessKeyId", AK)
                    .containsKeys("StringToSign", "CanonicalRequest", "SignatureProvided");
            assertThat(e.details().get("StringToSign")).startsWith("WOS-HMAC-SHA256\n" + TS
                    + "\n20201103/cn-south-1/wos/wos_request\n");
            // A signed header absent from the request.
            assertMismatch(wos1().replacing("Authorization", authorization("20201103", REGION, SIGNED + ";x-wos-x",
                    WOS1_SIGNATURE)));
        }
    }
}
