package dev.rosetta.auth.obs;

import static dev.rosetta.auth.obs.ObsTestSupport.AK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.TestRequest;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code ?AccessKeyId=&Expires=&Signature=} (dialects.md §3.4), vector OBS-2 (§3.5). */
class ObsPresignedVerifierTest {
    static final String EXPIRES = "1532779451"; // 2018-07-28T12:04:11Z
    static final String BEFORE = "2018-07-28T12:00:00Z";
    static final String OBS2_SIGNATURE = "XL1fGTlz4cEdsEFEGYl4asjIgOE=";

    private static Authentication verify(TestRequest r, String bucket, String now) {
        return new ObsPresignedVerifier(ObsTestSupport.store(), ObsTestSupport.clockAt(now)).verify(r, bucket, "any");
    }

    private static S3Exception failure(TestRequest r, String now) {
        return ObsTestSupport.failure(() -> verify(r, null, now));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A path-style presigned GET whose signature covers {@code resource} with the given headers. */
    private static TestRequest presigned(String path, String extraQuery, String resource) {
        String sig = ObsTestSupport.sign("GET\n\n\n" + EXPIRES + "\n" + resource);
        return TestRequest.of("GET", path + "?AccessKeyId=" + AK + "&Expires=" + EXPIRES + "&Signature=" + enc(sig)
                + (extraQuery.isEmpty() ? "" : "&" + extraQuery));
    }

    @Test
    void obs2_pathStyle() {
        assertThat(ObsTestSupport.sign("GET\n\n\n" + EXPIRES + "\n/examplebucket/objectkey"
                + "?response-content-disposition=attachment")).isEqualTo(OBS2_SIGNATURE);
        TestRequest r = TestRequest.of("GET", "/examplebucket/objectkey?AccessKeyId=" + AK + "&Expires=" + EXPIRES
                + "&response-content-disposition=attachment&Signature=XL1fGTlz4cEdsEFEGYl4asjIgOE%3D");
        Authentication a = verify(r, null, BEFORE);
        assertThat(a.scheme()).isEqualTo(AuthScheme.OBS_PRESIGNED);
        assertThat(a.credential()).isEqualTo(ObsTestSupport.CREDENTIAL);
        assertThat(a.payload()).isEqualTo(PayloadRequirement.none());
    }

    @Test
    void obs2_virtualHosted() {
        TestRequest r = TestRequest.of("GET", "/objectkey?response-content-disposition=attachment&AccessKeyId=" + AK
                + "&Expires=" + EXPIRES + "&Signature=XL1fGTlz4cEdsEFEGYl4asjIgOE%3D")
                .header("Host", "examplebucket.obs.cn-north-4.example.test")
                .header("Date", "Mon, 01 Jan 2001 00:00:00 GMT"); // never the Date position of a presigned URL
        assertThat(verify(r, "examplebucket", BEFORE).scheme()).isEqualTo(AuthScheme.OBS_PRESIGNED);
    }

    @Test
    void securityTokenIsSignedAsASubResource() {
        TestRequest r = presigned("/b/k", "x-obs-security-token=tok%2Ben", "/b/k?x-obs-security-token=tok+en");
        assertThat(verify(r, null, BEFORE).scheme()).isEqualTo(AuthScheme.OBS_PRESIGNED);
        assertThat(failure(presigned("/b/k", "x-obs-security-token=tok", "/b/k"), BEFORE).errorCode())
                .isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void headersTheBrowserSendsParticipate() {
        String sts = "PUT\n\nimage/png\n" + EXPIRES + "\nx-obs-acl:public-read\n/b/k";
        TestRequest r = TestRequest.of("PUT", "/b/k?AccessKeyId=" + AK + "&Expires=" + EXPIRES + "&Signature="
                + enc(ObsTestSupport.sign(sts)))
                .header("Content-Type", "image/png")
                .header("x-obs-acl", "public-read");
        assertThat(verify(r, null, BEFORE).scheme()).isEqualTo(AuthScheme.OBS_PRESIGNED);
        assertThat(failure(r.replacing("x-obs-acl", "private"), BEFORE).errorCode())
                .isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void rawPlusInTheSignatureStaysAPlus() {
        // OBS-3's key signs to a value containing '+'; find one for presigned and send it unencoded.
        String resource = "/b/k0";
        String sig = null;
        for (int i = 0; sig == null || sig.indexOf('+') < 0; i++) {
            resource = "/b/k" + i;
            sig = ObsTestSupport.sign("GET\n\n\n" + EXPIRES + "\n" + resource);
        }
        TestRequest r = TestRequest.of("GET", resource + "?AccessKeyId=" + AK + "&Expires=" + EXPIRES
                + "&Signature=" + sig.replace("=", "%3D"));
        assertThat(verify(r, null, BEFORE).scheme()).isEqualTo(AuthScheme.OBS_PRESIGNED);
    }

    @Test
    void validUntilTheExpiresSecond() {
        TestRequest r = presigned("/b/k", "", "/b/k");
        assertThat(verify(r, null, "2018-07-28T12:04:11Z").scheme()).isEqualTo(AuthScheme.OBS_PRESIGNED);
        S3Exception e = failure(r, "2018-07-28T12:04:12Z");
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.getMessage()).isEqualTo("Request has expired");
        assertThat(e.details()).containsEntry("Expires", "2018-07-28T12:04:11Z")
                .containsEntry("ServerTime", "2018-07-28T12:04:12Z");
    }

    @Nested
    class Errors {
        @Test
        void nonNumericExpires() {
            TestRequest r = TestRequest.of("GET", "/b/k?AccessKeyId=" + AK + "&Expires=tomorrow&Signature=c2ln");
            S3Exception e = failure(r, BEFORE);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
            assertThat(e.getMessage()).isEqualTo("Invalid date (should be seconds since epoch): tomorrow");
        }

        @Test
        void missingParameters() {
            for (String q : new String[] {"AccessKeyId=" + AK + "&Expires=" + EXPIRES,
                "AccessKeyId=" + AK + "&Expires=" + EXPIRES + "&Signature=", "Expires=" + EXPIRES + "&Signature=c2ln",
                "AccessKeyId=&Expires=" + EXPIRES + "&Signature=c2ln", "AccessKeyId=" + AK + "&Signature=c2ln"}) {
                S3Exception e = failure(TestRequest.of("GET", "/b/k?" + q), BEFORE);
                assertThat(e.errorCode()).as(q).isEqualTo(S3ErrorCode.ACCESS_DENIED);
                assertThat(e.status()).isEqualTo(403);
            }
        }

        @Test
        void unknownAccessKey() {
            S3Exception e = failure(TestRequest.of("GET", "/b/k?AccessKeyId=NOPE&Expires=" + EXPIRES
                    + "&Signature=c2ln"), BEFORE);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ACCESS_KEY_ID);
            assertThat(e.details()).containsEntry("AWSAccessKeyId", "NOPE");
        }

        @Test
        void policyVariantIsNotImplemented() {
            S3Exception e = failure(TestRequest.of("GET", "/b/k?AccessKeyId=" + AK
                    + "&Policy=eyJleHBpcmF0aW9uIjoiMjAxOC0wNy0yOFQxMjowNDoxMVoiLCJjb25kaXRpb25zIjpbXX0%3D"
                    + "&Signature=c2ln"), BEFORE);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.NOT_IMPLEMENTED);
            assertThat(e.status()).isEqualTo(501);
        }

        @Test
        void mismatchCarriesTheStringToSign() {
            TestRequest r = presigned("/b/k", "acl", "/b/k");
            S3Exception e = failure(r, BEFORE);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
            assertThat(e.details()).containsEntry("StringToSign", "GET\n\n\n" + EXPIRES + "\n/b/k?acl")
                    .containsEntry("AWSAccessKeyId", AK);
        }

        @Test
        void uploadsMustBeSignedExactly() {
            assertThat(verify(presigned("/b/k", "uploads", "/b/k?uploads"), null, BEFORE).scheme())
                    .isEqualTo(AuthScheme.OBS_PRESIGNED);
            for (TestRequest r : new TestRequest[] {
                presigned("/b/k", "", "/b/k?uploads"),
                presigned("/b/k", "uploads", "/b/k"),
                presigned("/b/k", "upload", "/b/k?uploads"),
                presigned("/b/k", "uploads", "/b/k?upload"),
                presigned("/b/k", "Uploads", "/b/k?uploads"),
            }) {
                assertThat(failure(r, BEFORE).errorCode()).as(r.toString())
                        .isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
            }
        }
    }
}
