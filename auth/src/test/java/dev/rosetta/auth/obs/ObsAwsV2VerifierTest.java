package dev.rosetta.auth.obs;

import static dev.rosetta.auth.obs.ObsTestSupport.AK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.RequestVerifier;
import dev.rosetta.auth.TestRequest;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@code AWS AK:signature} on OBS endpoints (dialects.md §3.3), vector OBS-3 (§3.5). */
class ObsAwsV2VerifierTest {
    static final String DATE = "Tue, 15 Oct 2019 07:20:09 GMT";
    static final String NOW = "2019-10-15T07:20:09Z";

    private static Authentication verify(TestRequest r, String bucket) {
        return new ObsAwsV2Verifier(ObsTestSupport.store(), ObsTestSupport.clockAt(NOW)).verify(r, bucket, "any");
    }

    private static S3Exception failure(TestRequest r) {
        return ObsTestSupport.failure(() -> verify(r, null));
    }

    private static TestRequest signed(String method, String target, String stringToSign) {
        return TestRequest.of(method, target).header("Date", DATE)
                .header("Authorization", "AWS " + AK + ":" + ObsTestSupport.sign(stringToSign));
    }

    @Test
    void obs3_aclWithAmzHeader() {
        String sts = "PUT\n\n\n" + DATE + "\nx-amz-acl:private\n/examplebucket/?acl";
        TestRequest r = TestRequest.of("PUT", "/examplebucket/?acl")
                .header("Date", DATE)
                .header("x-amz-acl", "private");
        assertThat(ObsStringToSign.build(r, null, DATE, ObsFlavour.OBS_AWS_V2, ObsStringToSign.Variant.PRIMARY,
                Set.of())).isEqualTo(sts);
        assertThat(ObsTestSupport.sign(sts)).isEqualTo("4dZbqT+BiIYBzkmRIdcjoEzlvuQ=");
        Authentication a = verify(r.header("Authorization", "AWS " + AK + ":4dZbqT+BiIYBzkmRIdcjoEzlvuQ="), null);
        assertThat(a.scheme()).isEqualTo(AuthScheme.AWS_V2);
        assertThat(a.credential()).isEqualTo(ObsTestSupport.CREDENTIAL);
        assertThat(a.payload()).isEqualTo(PayloadRequirement.none());
    }

    @Test
    void obsRules_amzQueryParametersAreSubResources() {
        assertThat(verify(signed("GET", "/b/k?x-amz-security-token=tok",
                "GET\n\n\n" + DATE + "\n/b/k?x-amz-security-token=tok"), null).scheme()).isEqualTo(AuthScheme.AWS_V2);
    }

    @Test
    void obsRules_obsOnlySubResources() {
        // append/position are OBS sub-resources, unknown to AWS V2.
        assertThat(verify(signed("POST", "/b/k?append&position=0", "POST\n\n\n" + DATE + "\n/b/k?append&position=0"),
                null).scheme()).isEqualTo(AuthScheme.AWS_V2);
    }

    @Test
    void awsRulesAreTheFallback() {
        // accelerate is an AWS (SDK v1) sub-resource, not an OBS one; x-amz-* query parameters as amz headers.
        assertThat(verify(signed("GET", "/b?accelerate", "GET\n\n\n" + DATE + "\n/b?accelerate"), null).scheme())
                .isEqualTo(AuthScheme.AWS_V2);
        assertThat(verify(signed("GET", "/b/k?x-amz-security-token=tok",
                "GET\n\n\n" + DATE + "\nx-amz-security-token:tok\n/b/k"), null).scheme()).isEqualTo(AuthScheme.AWS_V2);
    }

    @Test
    void delegatesOnlyOnSignatureMismatch() {
        AtomicInteger calls = new AtomicInteger();
        RequestVerifier counting = (request, bucket, region) -> {
            calls.incrementAndGet();
            throw new S3Exception(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        };
        ObsAwsV2Verifier v = new ObsAwsV2Verifier(ObsTestSupport.store(), ObsTestSupport.clockAt(NOW), counting);
        TestRequest ok = signed("GET", "/b/k?acl", "GET\n\n\n" + DATE + "\n/b/k?acl");
        assertThat(v.verify(ok, null, "any").scheme()).isEqualTo(AuthScheme.AWS_V2);
        assertThat(calls).hasValue(0);

        S3Exception unknown = ObsTestSupport.failure(() -> v.verify(TestRequest.of("GET", "/b/k").header("Date", DATE)
                .header("Authorization", "AWS NOPE:c2ln"), null, "any"));
        assertThat(unknown.errorCode()).isEqualTo(S3ErrorCode.INVALID_ACCESS_KEY_ID);
        assertThat(calls).hasValue(0);

        ObsTestSupport.failure(() -> v.verify(signed("GET", "/b/k", "nope"), null, "any"));
        assertThat(calls).hasValue(1);

        // A parameter only the OBS rules sign rules the AWS fallback out: it would leave that parameter unsigned.
        for (String target : new String[] {"/b/k?append&position=0", "/b/k?Acl"}) {
            S3Exception e = ObsTestSupport.failure(() -> v.verify(signed("POST", target,
                    "POST\n\n\n" + DATE + "\n/b/k"), null, "any"));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        }
        assertThat(calls).hasValue(1);
        // x-obs-* parameters are not sub-resources in the OBS SDK's V2 mode: the fallback is asked.
        ObsTestSupport.failure(() -> v.verify(signed("POST", "/b/k?x-obs-foo=1", "nope"), null, "any"));
        assertThat(calls).hasValue(2);
    }

    @Test
    void neitherRuleMatches() {
        S3Exception e = failure(signed("GET", "/b/k?acl", "GET\n\n\n" + DATE + "\n/b/k"));
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(e.status()).isEqualTo(403);
    }

    @Test
    void uploadsMustBeSignedExactly() {
        assertThat(verify(signed("POST", "/b/k?uploads", "POST\n\n\n" + DATE + "\n/b/k?uploads"), null).scheme())
                .isEqualTo(AuthScheme.AWS_V2);
        assertThat(failure(signed("POST", "/b/k", "POST\n\n\n" + DATE + "\n/b/k?uploads")).errorCode())
                .isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(failure(signed("POST", "/b/k?uploads", "POST\n\n\n" + DATE + "\n/b/k")).errorCode())
                .isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(failure(signed("POST", "/b/k?uploads", "POST\n\n\n" + DATE + "\n/b/k?upload")).errorCode())
                .isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void presignedV2Mode_tokenAsSubResourceThenFallback() {
        String expires = "1571124309"; // 2019-10-15T07:25:09Z
        String sts = "GET\n\n\n" + expires + "\n/b/k?x-amz-security-token=tok";
        TestRequest r = TestRequest.of("GET", "/b/k?AWSAccessKeyId=" + AK + "&Expires=" + expires
                + "&x-amz-security-token=tok&Signature="
                + URLEncoder.encode(ObsTestSupport.sign(sts), StandardCharsets.UTF_8));
        AtomicInteger fallbackCalls = new AtomicInteger();
        RequestVerifier fallback = (request, bucket, region) -> {
            fallbackCalls.incrementAndGet();
            return new Authentication(AuthScheme.AWS_V2_PRESIGNED, ObsTestSupport.CREDENTIAL,
                    PayloadRequirement.none());
        };
        ObsAwsV2PresignedVerifier v = new ObsAwsV2PresignedVerifier(ObsTestSupport.store(),
                ObsTestSupport.clockAt(NOW), fallback);
        assertThat(v.verify(r, null, "any").scheme()).isEqualTo(AuthScheme.AWS_V2_PRESIGNED);
        assertThat(fallbackCalls).hasValue(0);

        // The AWS SDK v1 form (token among the amz headers) is the fallback's business.
        String awsSts = "GET\n\n\n" + expires + "\nx-amz-security-token:tok\n/b/k";
        TestRequest aws = TestRequest.of("GET", "/b/k?AWSAccessKeyId=" + AK + "&Expires=" + expires
                + "&x-amz-security-token=tok&Signature="
                + URLEncoder.encode(ObsTestSupport.sign(awsSts), StandardCharsets.UTF_8));
        assertThat(v.verify(aws, null, "any").scheme()).isEqualTo(AuthScheme.AWS_V2_PRESIGNED);
        assertThat(fallbackCalls).hasValue(1);

        // An OBS-only sub-resource the signature left out: no fallback.
        TestRequest append = TestRequest.of("POST", "/b/k?append&position=0&AWSAccessKeyId=" + AK + "&Expires="
                + expires + "&Signature=" + URLEncoder.encode(ObsTestSupport.sign("POST\n\n\n" + expires + "\n/b/k"),
                StandardCharsets.UTF_8));
        assertThat(ObsTestSupport.failure(() -> v.verify(append, null, "any")).errorCode())
                .isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(fallbackCalls).hasValue(1);

        ObsAwsV2PresignedVerifier noFallback = new ObsAwsV2PresignedVerifier(ObsTestSupport.store(),
                ObsTestSupport.clockAt(NOW), null);
        assertThat(ObsTestSupport.failure(() -> noFallback.verify(aws, null, "any")).errorCode())
                .isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }
}
