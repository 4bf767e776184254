package dev.rosetta.auth.wos;

import static dev.rosetta.auth.wos.WosTestSupport.AK;
import static dev.rosetta.auth.wos.WosTestSupport.HOST;
import static dev.rosetta.auth.wos.WosTestSupport.NOW;
import static dev.rosetta.auth.wos.WosTestSupport.REGION;
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

/** {@code ?X-Wos-Algorithm=WOS-HMAC-SHA256&...} (dialects.md §5.2), vector WOS-3. */
class WosV4PresignedVerifierTest {
    static final String CREDENTIAL = AK + "%2F20201103%2Fcn-south-1%2Fwos%2Fwos_request";
    static final String WOS3_SIGNATURE = "6ce8b7b56e2722f4d770ade18ff035774d2637679bab85026ede5a68355a5699";
    static final String WOS3_QUERY = "X-Wos-Algorithm=WOS-HMAC-SHA256&X-Wos-Credential=" + CREDENTIAL
            + "&X-Wos-Date=20201103T104419Z&X-Wos-Expires=3600&X-Wos-SignedHeaders=host";

    private static Authentication verify(TestRequest r, String now, String region) {
        return new WosV4PresignedVerifier(WosTestSupport.store(), WosTestSupport.clockAt(now), new SigningKeyCache(16))
                .verify(r, "wcstest-r9-private", region);
    }

    private static S3Exception failure(TestRequest r) {
        return failure(r, NOW);
    }

    private static S3Exception failure(TestRequest r, String now) {
        return WosTestSupport.failure(() -> verify(r, now, REGION));
    }

    static TestRequest wos3() {
        return TestRequest.of("GET", "/dir%2Fmine-type.mp4?" + WOS3_QUERY + "&X-Wos-Signature=" + WOS3_SIGNATURE)
                .header("Host", HOST);
    }

    /** The WOS-3 request with one query parameter replaced (the signature no longer matters). */
    private static TestRequest withParam(String name, String value) {
        StringBuilder q = new StringBuilder();
        for (String item : (WOS3_QUERY + "&X-Wos-Signature=" + WOS3_SIGNATURE).split("&")) {
            String n = item.substring(0, item.indexOf('='));
            if (n.equals(name)) {
                if (value == null) {
                    continue;
                }
                item = n + "=" + value;
            }
            q.append(q.length() == 0 ? "" : "&").append(item);
        }
        return TestRequest.of("GET", "/dir%2Fmine-type.mp4?" + q).header("Host", HOST);
    }

    @Test
    void wos3_presignedGetWithEncodedSlash() {
        String canonical = "GET\n/dir%2Fmine-type.mp4\n" + WOS3_QUERY + "\nhost:" + HOST + "\n\nhost\nUNSIGNED-PAYLOAD";
        assertThat(WosTestSupport.v4Sign(canonical, "20201103T104419Z", REGION)).isEqualTo(WOS3_SIGNATURE);
        Authentication a = verify(wos3(), NOW, REGION);
        assertThat(a.scheme()).isEqualTo(AuthScheme.WOS_V4_PRESIGNED);
        assertThat(a.credential()).isEqualTo(WosTestSupport.CREDENTIAL);
        assertThat(a.payload()).isEqualTo(PayloadRequirement.unsigned());
    }

    @Test
    void validityWindow() {
        assertThat(verify(wos3(), "2020-11-03T11:44:19Z", REGION).scheme()).isEqualTo(AuthScheme.WOS_V4_PRESIGNED);
        assertThat(verify(wos3(), "2020-11-03T10:29:19Z", REGION).scheme()).isEqualTo(AuthScheme.WOS_V4_PRESIGNED);
        S3Exception expired = failure(wos3(), "2020-11-03T11:44:20Z");
        assertThat(expired.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
        assertThat(expired.getMessage()).isEqualTo("Request has expired");
        assertThat(expired.details()).containsEntry("X-Wos-Expires", "3600")
                .containsEntry("Expires", "2020-11-03T11:44:19Z");
        S3Exception early = failure(wos3(), "2020-11-03T10:29:18Z");
        assertThat(early.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
        assertThat(early.getMessage()).isEqualTo("Request is not valid yet");
    }

    @Test
    void tamperingFails() {
        S3Exception e = failure(withParam("X-Wos-Signature", "00" + WOS3_SIGNATURE.substring(2)));
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(failure(TestRequest.of("GET", "/dir%2Fother.mp4?" + WOS3_QUERY + "&X-Wos-Signature="
                + WOS3_SIGNATURE).header("Host", HOST)).errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(failure(TestRequest.of("GET", wos3().rawPath() + "?" + wos3().rawQuery() + "&uploads")
                .header("Host", HOST)).errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(failure(wos3().replacing("Host", "evil.example")).errorCode())
                .isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }

    @Nested
    class Errors {
        @Test
        void missingParameters() {
            for (String name : new String[] {"X-Wos-Algorithm", "X-Wos-Credential", "X-Wos-Date", "X-Wos-Expires",
                "X-Wos-SignedHeaders", "X-Wos-Signature"}) {
                S3Exception e = failure(withParam(name, null));
                assertThat(e.errorCode()).as(name).isEqualTo(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
                assertThat(e.status()).isEqualTo(400);
            }
        }

        @Test
        void unsupportedAlgorithm() {
            S3Exception e = failure(withParam("X-Wos-Algorithm", "AWS4-HMAC-SHA256"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.status()).isEqualTo(400);
        }

        @Test
        void badCredential() {
            for (String c : new String[] {AK + "%2F20201103%2Fcn-south-1%2Fwos", AK + "%2F20201103%2Fcn-south-1%2Fs3"
                    + "%2Fwos_request", AK + "%2F20201103%2Fcn-south-1%2Fwos%2Faws4_request"}) {
                S3Exception e = failure(withParam("X-Wos-Credential", c));
                assertThat(e.errorCode()).as(c).isEqualTo(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
                assertThat(e.getMessage()).startsWith("Error parsing the X-Wos-Credential parameter; ");
            }
        }

        @Test
        void wrongRegion() {
            S3Exception e = WosTestSupport.failure(() -> verify(wos3(), NOW, "cn-north-1"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
            assertThat(e.details()).containsEntry("Region", "cn-north-1");
        }

        @Test
        void badDateAndExpires() {
            assertThat(failure(withParam("X-Wos-Date", "2020-11-03")).errorCode())
                    .isEqualTo(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
            for (String v : new String[] {"soon", "-1", "0", "604801"}) {
                S3Exception e = failure(withParam("X-Wos-Expires", v));
                assertThat(e.errorCode()).as(v).isEqualTo(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
            }
            S3Exception e = failure(withParam("X-Wos-Date", "20201104T104419Z"), "2020-11-04T10:44:19Z");
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            assertThat(e.getMessage()).isEqualTo("Invalid credential date. Date is not the same as X-Wos-Date.");
        }

        @Test
        void unknownAccessKey() {
            S3Exception e = failure(withParam("X-Wos-Credential", "NOPE%2F20201103%2Fcn-south-1%2Fwos%2Fwos_request"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ACCESS_KEY_ID);
        }

        @Test
        void unsignedHeaders() {
            S3Exception e = failure(wos3().header("x-wos-acl", "public-read"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
            assertThat(e.details()).containsEntry("HeadersNotSigned", "x-wos-acl");
            assertThat(failure(withParam("X-Wos-SignedHeaders", "range")).errorCode())
                    .isEqualTo(S3ErrorCode.ACCESS_DENIED);
        }
    }
}
