package dev.rosetta.auth.wos;

import static dev.rosetta.auth.wos.WosTestSupport.AK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.TestRequest;
import dev.rosetta.auth.obs.ObsStringToSign;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@code Authorization: WOS AK:signature} (dialects.md §5.3, ASSUMPTION) and its vector. */
class WosV2VerifierTest {
    static final String DATE = "Tue, 03 Nov 2020 10:44:19 GMT";
    static final String NOW = "2020-11-03T10:44:19Z";
    static final String VECTOR_STRING_TO_SIGN = "PUT\n\nvideo/mp4\n\nx-wos-date:" + DATE
            + "\nx-wos-meta-author:alice\nx-wos-storage-class:IA\n/wcstest-r9-private/mine-type.mp4"
            + "?partNumber=2&uploadId=abc123";

    private static Authentication verify(TestRequest r, String bucket) {
        return new WosV2Verifier(WosTestSupport.store(), WosTestSupport.clockAt(NOW)).verify(r, bucket, "any");
    }

    private static S3Exception failure(TestRequest r) {
        return WosTestSupport.failure(() -> verify(r, null));
    }

    private static void assertMismatch(TestRequest r) {
        S3Exception e = failure(r);
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(e.status()).isEqualTo(403);
    }

    private static TestRequest signed(String method, String target, String signedResource) {
        return TestRequest.of(method, target).header("Date", DATE).header("Authorization",
                "WOS " + AK + ":" + WosTestSupport.v2Sign(method + "\n\n\n" + DATE + "\n" + signedResource));
    }

    @Test
    void vector_uploadPart() {
        TestRequest r = TestRequest.of("PUT", "/wcstest-r9-private/mine-type.mp4?uploadId=abc123&partNumber=2")
                .header("Content-Type", "video/mp4")
                .header("x-wos-date", DATE)
                .header("x-wos-meta-Author", "  alice ")
                .header("x-wos-storage-class", "IA");
        assertThat(ObsStringToSign.build(r, null, "", WosV2Verifier.FLAVOUR, ObsStringToSign.Variant.PRIMARY,
                Set.of())).isEqualTo(VECTOR_STRING_TO_SIGN);
        assertThat(WosTestSupport.v2Sign(VECTOR_STRING_TO_SIGN)).isEqualTo("vUA3I3HAXuM46OYsug37jZ4gcxg=");
        Authentication a = verify(r.header("Authorization", "WOS " + AK + ":vUA3I3HAXuM46OYsug37jZ4gcxg="), null);
        assertThat(a.scheme()).isEqualTo(AuthScheme.WOS_V2);
        assertThat(a.credential()).isEqualTo(WosTestSupport.CREDENTIAL);
        assertThat(a.payload()).isEqualTo(PayloadRequirement.none());
        // Virtual-hosted: the bucket is prepended.
        TestRequest vhost = TestRequest.of("PUT", "/mine-type.mp4?partNumber=2&uploadId=abc123")
                .header("Content-Type", "video/mp4")
                .header("x-wos-date", DATE)
                .header("x-wos-meta-Author", "alice")
                .header("x-wos-storage-class", "IA")
                .header("Authorization", "WOS " + AK + ":vUA3I3HAXuM46OYsug37jZ4gcxg=");
        assertThat(verify(vhost, "wcstest-r9-private").scheme()).isEqualTo(AuthScheme.WOS_V2);
    }

    @Test
    void wosParametersAndListAreSubResources() {
        assertThat(verify(signed("GET", "/b/k?x-wos-security-token=t&storageinfo&prefix=p",
                "/b/k?storageinfo&x-wos-security-token=t"), null).scheme()).isEqualTo(AuthScheme.WOS_V2);
        assertMismatch(signed("GET", "/b/k?x-wos-security-token=t", "/b/k"));
    }

    @Test
    void plainAwsV2StringIsTheFallback() {
        String sts = "PUT\n\n\n\nx-amz-date:" + DATE + "\nx-amz-meta-a:b\n/b/k?acl";
        TestRequest r = TestRequest.of("PUT", "/b/k?acl")
                .header("x-amz-date", DATE)
                .header("x-amz-meta-a", "b")
                .header("Authorization", "WOS " + AK + ":" + WosTestSupport.v2Sign(sts));
        assertThat(verify(r, null).scheme()).isEqualTo(AuthScheme.WOS_V2);
        assertMismatch(r.replacing("x-amz-meta-a", "c"));
    }

    @Nested
    class Uploads {
        @Test
        void signedExactly() {
            assertThat(verify(signed("POST", "/b/k?uploads", "/b/k?uploads"), null).scheme())
                    .isEqualTo(AuthScheme.WOS_V2);
            assertMismatch(signed("POST", "/b/k", "/b/k?uploads"));
            assertMismatch(signed("POST", "/b/k?uploads", "/b/k"));
            assertMismatch(signed("POST", "/b/k?upload", "/b/k?uploads"));
            assertMismatch(signed("POST", "/b/k?uploads", "/b/k?upload"));
            assertMismatch(signed("POST", "/b/k?Uploads", "/b/k?uploads"));
            assertMismatch(signed("POST", "/b/k?uploads", "/b/k?uploadz"));
            assertThat(verify(signed("POST", "/b/k?upload", "/b/k"), null).scheme()).isEqualTo(AuthScheme.WOS_V2);
        }
    }

    @Nested
    class Errors {
        @Test
        void malformed() {
            for (String h : new String[] {"WOS", "WOS " + AK, "WOS " + AK + ":", "WOS :sig", "WOS a:b c"}) {
                S3Exception e = failure(TestRequest.of("GET", "/b/k").header("Date", DATE).header("Authorization", h));
                assertThat(e.errorCode()).as(h).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
                assertThat(e.getMessage()).isEqualTo("Authorization header is invalid. Expected AccessKeyId:signature");
            }
        }

        @Test
        void unknownKeyMissingDateSkew() {
            assertThat(failure(TestRequest.of("GET", "/b/k").header("Date", DATE)
                    .header("Authorization", "WOS NOPE:c2ln")).errorCode()).isEqualTo(S3ErrorCode.INVALID_ACCESS_KEY_ID);
            S3Exception noDate = failure(TestRequest.of("GET", "/b/k").header("Authorization", "WOS " + AK + ":c2ln"));
            assertThat(noDate.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
            assertThat(noDate.getMessage()).isEqualTo("WOS authentication requires a valid Date or x-wos-date header");
            S3Exception skew = failure(TestRequest.of("GET", "/b/k").header("Date", "Tue, 03 Nov 2020 11:00:00 GMT")
                    .header("Authorization", "WOS " + AK + ":c2ln"));
            assertThat(skew.errorCode()).isEqualTo(S3ErrorCode.REQUEST_TIME_TOO_SKEWED);
        }

        @Test
        void mismatchShowsTheWosString() {
            S3Exception e = failure(TestRequest.of("GET", "/b/k?acl").header("Date", DATE)
                    .header("Authorization", "WOS " + AK + ":c2lnbmF0dXJlAAAAAAAAAAAAAAA="));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
            assertThat(e.details()).containsEntry("StringToSign", "GET\n\n\n" + DATE + "\n/b/k?acl");
        }
    }
}
