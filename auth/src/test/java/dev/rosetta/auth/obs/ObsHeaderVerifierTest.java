package dev.rosetta.auth.obs;

import static dev.rosetta.auth.obs.ObsTestSupport.AK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.TestRequest;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code Authorization: OBS AK:signature} (dialects.md §3.2), vector OBS-1 (§3.5). */
class ObsHeaderVerifierTest {
    static final String DATE = "Tue, 15 Oct 2019 07:20:09 GMT";
    static final String NOW = "2019-10-15T07:20:09Z";
    static final String OBS1_STRING_TO_SIGN = "PUT\nI5pU0r4+sgO9Emgl1KMQUg==\ntext/plain\n" + DATE + "\n"
            + "x-obs-acl:public-read\nx-obs-meta-color:blue\nx-obs-storage-class:WARM\n"
            + "/examplebucket/photos/cat%20picture.jpg?partNumber=3&uploadId=00000171F5C4C2E14E8A1A4C"
            + "&x-obs-security-token=TOKEN";

    private static Authentication verify(TestRequest r, String bucket) {
        return verify(r, bucket, NOW);
    }

    private static Authentication verify(TestRequest r, String bucket, String now) {
        return new ObsHeaderVerifier(ObsTestSupport.store(), ObsTestSupport.clockAt(now)).verify(r, bucket, "any");
    }

    private static S3Exception failure(TestRequest r) {
        return ObsTestSupport.failure(() -> verify(r, null));
    }

    private static void assertMismatch(TestRequest r) {
        S3Exception e = failure(r);
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(e.status()).isEqualTo(403);
    }

    /** OBS-1's request, without Authorization. */
    static TestRequest obs1(String target) {
        return TestRequest.of("PUT", target)
                .header("Host", "obs.cn-north-4.example.test")
                .header("Date", DATE)
                .header("Content-Type", "text/plain")
                .header("Content-MD5", "I5pU0r4+sgO9Emgl1KMQUg==")
                .header("x-obs-acl", "public-read")
                .header("x-obs-meta-Color", "blue")
                .header("x-obs-storage-class", "WARM");
    }

    /** A path-style request whose signature covers {@code signedResource} (no other headers). */
    private static TestRequest signed(String method, String target, String signedResource) {
        return TestRequest.of(method, target)
                .header("Date", DATE)
                .header("Authorization", "OBS " + AK + ":"
                        + ObsTestSupport.sign(method + "\n\n\n" + DATE + "\n" + signedResource));
    }

    @Test
    void obs1_pathStyle() {
        TestRequest r = obs1("/examplebucket/photos/cat%20picture.jpg?uploadId=00000171F5C4C2E14E8A1A4C&partNumber=3"
                + "&x-obs-security-token=TOKEN&prefix=notsigned");
        assertThat(ObsStringToSign.build(r, null, DATE, ObsFlavour.OBS, ObsStringToSign.Variant.PRIMARY, Set.of()))
                .isEqualTo(OBS1_STRING_TO_SIGN);
        assertThat(ObsTestSupport.sign(OBS1_STRING_TO_SIGN)).isEqualTo("Cbk5ThS5PVFUEcnVSAYodmbrJUk=");
        Authentication a = verify(r.header("Authorization", "OBS " + AK + ":Cbk5ThS5PVFUEcnVSAYodmbrJUk="), null);
        assertThat(a.scheme()).isEqualTo(AuthScheme.OBS);
        assertThat(a.credential()).isEqualTo(ObsTestSupport.CREDENTIAL);
        assertThat(a.payload()).isEqualTo(PayloadRequirement.none());
    }

    @Test
    void obs1_virtualHostedPrependsTheBucket() {
        TestRequest r = obs1("/photos/cat%20picture.jpg?partNumber=3&uploadId=00000171F5C4C2E14E8A1A4C"
                + "&prefix=notsigned&x-obs-security-token=TOKEN")
                .header("Authorization", "OBS " + AK + ":Cbk5ThS5PVFUEcnVSAYodmbrJUk=");
        assertThat(verify(r, "examplebucket").scheme()).isEqualTo(AuthScheme.OBS);
        assertMismatch(r); // path-style reading of the same request lacks /examplebucket
    }

    @Test
    void obs1_tamperedSignedPartsFail() {
        String target = "/examplebucket/photos/cat%20picture.jpg?uploadId=00000171F5C4C2E14E8A1A4C&partNumber=3"
                + "&x-obs-security-token=TOKEN&prefix=notsigned";
        TestRequest good = obs1(target).header("Authorization", "OBS " + AK + ":Cbk5ThS5PVFUEcnVSAYodmbrJUk=");
        assertMismatch(good.replacing("x-obs-acl", "private"));
        assertMismatch(good.replacing("Content-Type", "text/html"));
        assertMismatch(good.header("x-obs-meta-extra", "1"));
        assertMismatch(TestRequest.of("PUT", target.replace("partNumber=3", "partNumber=4"))
                .header("Date", DATE).header("Authorization", good.header("Authorization")));
        // Neither unsigned parameters nor x-amz-* headers are covered in OBS mode.
        assertThat(verify(obs1(target.replace("prefix=notsigned", "prefix=other"))
                .header("x-amz-acl", "private")
                .header("Authorization", good.header("Authorization")), null).scheme()).isEqualTo(AuthScheme.OBS);
    }

    @Nested
    class Canonicalisation {
        @Test
        void obsDateEmptiesTheDatePositionAndSetsTheTime() {
            String sts = "GET\n\n\n\nx-obs-date:" + DATE + "\n/b/k";
            TestRequest r = TestRequest.of("GET", "/b/k")
                    .header("Date", "Mon, 01 Jan 2001 00:00:00 GMT") // ignored: x-obs-date wins
                    .header("x-obs-date", DATE)
                    .header("Authorization", "OBS " + AK + ":" + ObsTestSupport.sign(sts));
            assertThat(verify(r, null).scheme()).isEqualTo(AuthScheme.OBS);
        }

        @Test
        void headersAreLowerCasedSortedJoinedAndTrimmed() {
            String sts = "PUT\n\n\n" + DATE + "\nx-obs-a:1\nx-obs-meta-b:one,two  three\n/b/k";
            TestRequest r = TestRequest.of("PUT", "/b/k")
                    .header("Date", DATE)
                    .header("X-Obs-Meta-B", "  one ")
                    .header("x-obs-a", "1")
                    .header("x-obs-meta-b", "two  three ")
                    .header("Authorization", "OBS " + AK + ":" + ObsTestSupport.sign(sts));
            assertThat(verify(r, null).scheme()).isEqualTo(AuthScheme.OBS);
        }

        @Test
        void subResourcesMatchCaseInsensitivelyButKeepTheirCase() {
            // Names in the OBS list are matched lower-cased, emitted and sorted as sent (the SDK's TreeMap).
            assertThat(verify(signed("GET", "/b/k?versionId=v1&Acl", "/b/k?Acl&versionId=v1"), null).scheme())
                    .isEqualTo(AuthScheme.OBS);
            assertMismatch(signed("GET", "/b/k?versionId=v1&Acl", "/b/k?acl&versionId=v1"));
        }

        @Test
        void obsOnlySubResourcesAndXObsParametersAreSigned() {
            assertThat(verify(signed("POST", "/b/k?append&position=10&x-obs-foo=bar&marker=x",
                    "/b/k?append&position=10&x-obs-foo=bar"), null).scheme()).isEqualTo(AuthScheme.OBS);
            assertMismatch(signed("POST", "/b/k?append&position=10", "/b/k"));
        }

        @Test
        void valuesAreDecodedAndEmptyValuesBare() {
            assertThat(verify(signed("GET", "/b/k?response-content-type=text%2Fplain%3B%20charset",
                    "/b/k?response-content-type=text/plain; charset"), null).scheme()).isEqualTo(AuthScheme.OBS);
            // The SDK writes "acl=" as bare "acl"; "acl=" is tried second.
            assertThat(verify(signed("GET", "/b/k?acl=", "/b/k?acl"), null).scheme()).isEqualTo(AuthScheme.OBS);
            assertThat(verify(signed("GET", "/b/k?acl=", "/b/k?acl="), null).scheme()).isEqualTo(AuthScheme.OBS);
            assertMismatch(signed("GET", "/b/k?acl", "/b/k?acl="));
        }

        @Test
        void plusIsLiteralFirstAndASpaceSecond() {
            assertThat(verify(signed("GET", "/b/k?versionId=a+b", "/b/k?versionId=a+b"), null).scheme())
                    .isEqualTo(AuthScheme.OBS);
            assertThat(verify(signed("GET", "/b/k?versionId=a+b", "/b/k?versionId=a b"), null).scheme())
                    .isEqualTo(AuthScheme.OBS);
            assertMismatch(signed("GET", "/b/k?versionId=a%2Bb", "/b/k?versionId=a b"));
        }

        @Test
        void pathIsSignedAsSent() {
            assertThat(verify(signed("GET", "/b/fran%C3%A7ais/pr%c3%a9f", "/b/fran%C3%A7ais/pr%c3%a9f"), null)
                    .scheme()).isEqualTo(AuthScheme.OBS);
            assertMismatch(signed("GET", "/b/fran%C3%A7ais", "/b/français"));
        }

        @Test
        void bucketOnlyAndServiceLevel() {
            assertThat(verify(signed("GET", "/", "/examplebucket/"), "examplebucket").scheme())
                    .isEqualTo(AuthScheme.OBS);
            assertThat(verify(signed("GET", "/", "/"), null).scheme()).isEqualTo(AuthScheme.OBS);
        }
    }

    /** The {@code uploads} sub-resource must be signed exactly as sent (§3.2 rule; compare AWS V2's tests). */
    @Nested
    class Uploads {
        @Test
        void signatureOverUploadsVerifiesForUploads() {
            assertThat(verify(signed("POST", "/bucket/key?uploads", "/bucket/key?uploads"), null).scheme())
                    .isEqualTo(AuthScheme.OBS);
            assertThat(verify(signed("POST", "/bucket/key?uploads=", "/bucket/key?uploads"), null).scheme())
                    .isEqualTo(AuthScheme.OBS);
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
            assertMismatch(signed("POST", "/bucket/key?uploadz", "/bucket/key?uploads"));
        }

        @Test
        void misspeltInTheSignature() {
            assertMismatch(signed("POST", "/bucket/key?uploads", "/bucket/key?upload"));
            assertMismatch(signed("POST", "/bucket/key?uploads", "/bucket/key?uploadz"));
        }

        @Test
        void bothPresentButSpeltDifferently() {
            // OBS matches the name case-insensitively but signs it as sent: the case must agree.
            assertMismatch(signed("POST", "/bucket/key?Uploads", "/bucket/key?uploads"));
            assertMismatch(signed("POST", "/bucket/key?uploads", "/bucket/key?Uploads"));
            assertMismatch(signed("POST", "/bucket/key?UPLOADS", "/bucket/key?Uploads"));
            assertThat(verify(signed("POST", "/bucket/key?Uploads", "/bucket/key?Uploads"), null).scheme())
                    .isEqualTo(AuthScheme.OBS);
        }

        @Test
        void misspeltNameIsNotASubResourceSoTheBareResourceVerifies() {
            assertThat(verify(signed("POST", "/bucket/key?upload", "/bucket/key"), null).scheme())
                    .isEqualTo(AuthScheme.OBS);
        }
    }

    @Nested
    class Errors {
        @ParameterizedTest
        @ValueSource(strings = {"OBS " + AK, "OBS " + AK + ":", "OBS :c2ln", "OBS  " + AK + ":c2ln",
            "OBS " + AK + ": c2ln", "OBS " + AK + ":c2ln extra", "OBS", "OBS:" + AK + ":c2ln"})
        void malformedAuthorization(String header) {
            S3Exception e = failure(TestRequest.of("GET", "/b/k").header("Date", DATE).header("Authorization", header));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.status()).isEqualTo(400);
            assertThat(e.details()).containsEntry("ArgumentName", "Authorization");
        }

        @Test
        void unknownAccessKey() {
            S3Exception e = failure(TestRequest.of("GET", "/b/k").header("Date", DATE)
                    .header("Authorization", "OBS NOSUCHKEY:c2lnbmF0dXJl"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ACCESS_KEY_ID);
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.details()).containsEntry("AWSAccessKeyId", "NOSUCHKEY");
        }

        @Test
        void missingOrInvalidDate() {
            for (TestRequest r : new TestRequest[] {
                TestRequest.of("GET", "/b/k").header("Authorization", "OBS " + AK + ":c2ln"),
                TestRequest.of("GET", "/b/k").header("Date", "yesterday").header("Authorization", "OBS " + AK + ":c2ln"),
                TestRequest.of("GET", "/b/k").header("Date", DATE).header("x-obs-date", "nope")
                        .header("Authorization", "OBS " + AK + ":c2ln"),
                // x-amz-date does not count for OBS.
                TestRequest.of("GET", "/b/k").header("x-amz-date", DATE).header("Authorization", "OBS " + AK + ":c2ln"),
            }) {
                S3Exception e = failure(r);
                assertThat(e.errorCode()).as(r.toString()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
                assertThat(e.status()).isEqualTo(403);
                assertThat(e.getMessage()).isEqualTo("OBS authentication requires a valid Date or x-obs-date header");
            }
        }

        @Test
        void requestTimeTooSkewed() {
            TestRequest r = signed("GET", "/b/k", "/b/k");
            assertThat(verify(r, null, "2019-10-15T07:35:09Z").scheme()).isEqualTo(AuthScheme.OBS);
            assertThat(verify(r, null, "2019-10-15T07:05:09Z").scheme()).isEqualTo(AuthScheme.OBS);
            for (String now : new String[] {"2019-10-15T07:35:10Z", "2019-10-15T07:05:08Z"}) {
                S3Exception e = ObsTestSupport.failure(() -> verify(r, null, now));
                assertThat(e.errorCode()).isEqualTo(S3ErrorCode.REQUEST_TIME_TOO_SKEWED);
                assertThat(e.status()).isEqualTo(403);
                assertThat(e.details()).containsEntry("RequestTime", DATE);
            }
        }

        @Test
        void signatureDoesNotMatchCarriesTheStringToSign() {
            TestRequest r = TestRequest.of("GET", "/b/k?acl").header("Date", DATE)
                    .header("Authorization", "OBS " + AK + ":" + ObsTestSupport.sign("something else"));
            S3Exception e = failure(r);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
            assertThat(e.details())
                    .containsEntry("AWSAccessKeyId", AK)
                    .containsEntry("StringToSign", "GET\n\n\n" + DATE + "\n/b/k?acl")
                    .containsKey("StringToSignBytes")
                    .containsKey("SignatureProvided");
        }

        @Test
        void undecodableSignatureIsAMismatch() {
            assertMismatch(TestRequest.of("GET", "/b/k").header("Date", DATE)
                    .header("Authorization", "OBS " + AK + ":not*base64!"));
        }

        @Test
        void theAwsSchemeWordIsNotObs() {
            TestRequest r = signed("GET", "/b/k", "/b/k");
            S3Exception e = failure(r.replacing("Authorization", r.header("Authorization").replace("OBS ", "AWS ")));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
        }
    }
}
