package dev.rosetta.auth.v4;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** SigV4 query-string authentication (dialects.md §2.3). */
class AwsV4PresignedVerifierTest {
    private static final String TS = "20130524T000000Z";
    private static final String NOW = "2013-05-24T00:00:00Z";
    private static final String HOST = "examplebucket.s3.amazonaws.com";
    private static final String V45_SIGNATURE = "aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404";
    private static final String CREDENTIAL = AK + "%2F20130524%2Fus-east-1%2Fs3%2Faws4_request";

    private static Authentication authenticate(TestRequest r, String now) {
        return TestKeys.authenticator("us-east-1", now).authenticate(r, "examplebucket");
    }

    private static S3Exception failure(TestRequest r, String now) {
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> authenticate(r, now));
        assertThat(e).as("expected an S3Exception").isNotNull();
        return e;
    }

    /** V4-5 as the AWS SDK sends it (parameters in its own order). */
    private static TestRequest v45(String query) {
        return TestRequest.of("GET", "/test.txt?" + query).header("Host", HOST);
    }

    private static String v45Query() {
        return "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Date=" + TS + "&X-Amz-SignedHeaders=host&X-Amz-Expires=86400"
                + "&X-Amz-Credential=" + CREDENTIAL + "&X-Amz-Signature=" + V45_SIGNATURE;
    }

    /**
     * A presigned GET of {@code path} with {@code extraQuery} (already canonical: sorted, encoded), signed
     * over host only, at {@code TS} for {@code expires} seconds, in {@code region}.
     */
    private static TestRequest presigned(String path, String canonicalPath, String extraQuery, String expires,
            String region, String payload) {
        String credential = AK + "%2F20130524%2F" + region + "%2Fs3%2Faws4_request";
        String auth = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + credential + "&X-Amz-Date=" + TS
                + "&X-Amz-Expires=" + expires + "&X-Amz-SignedHeaders=host";
        String canonicalQuery = extraQuery.isEmpty() ? auth : merge(auth, extraQuery);
        String canonical = "GET\n" + canonicalPath + "\n" + canonicalQuery + "\nhost:" + HOST + "\n\nhost\n" + payload;
        String signature = TestKeys.v4Sign(canonical, TS, region);
        return TestRequest.of("GET", path + "?" + canonicalQuery + "&X-Amz-Signature=" + signature)
                .header("Host", HOST);
    }

    /** Both inputs are '&'-joined sorted lists; the result is their sorted union. */
    private static String merge(String a, String b) {
        java.util.List<String> items = new java.util.ArrayList<>();
        items.addAll(java.util.List.of(a.split("&")));
        items.addAll(java.util.List.of(b.split("&")));
        items.sort(null);
        return String.join("&", items);
    }

    @Test
    void v4_5_endToEnd() {
        Authentication a = authenticate(v45(v45Query()), NOW);
        assertThat(a.scheme()).isEqualTo(AuthScheme.AWS_V4_PRESIGNED);
        assertThat(a.credential()).isEqualTo(TestKeys.CREDENTIAL);
        assertThat(a.payload()).isEqualTo(PayloadRequirement.unsigned());
        // Upper-case hex in the signature; no Host in the path (virtual-hosted); still valid at the last second.
        assertThat(authenticate(v45(v45Query().replace(V45_SIGNATURE, V45_SIGNATURE.toUpperCase(java.util.Locale.ROOT))),
                NOW).scheme()).isEqualTo(AuthScheme.AWS_V4_PRESIGNED);
        assertThat(authenticate(v45(v45Query()), "2013-05-25T00:00:00Z").scheme())
                .isEqualTo(AuthScheme.AWS_V4_PRESIGNED);
        // Within the skew before X-Amz-Date.
        assertThat(authenticate(v45(v45Query()), "2013-05-23T23:46:00Z").scheme())
                .isEqualTo(AuthScheme.AWS_V4_PRESIGNED);
    }

    @Test
    void v4_5_tamperedRequestsDoNotMatch() {
        S3Exception e = failure(v45(v45Query().replace("X-Amz-Expires=86400", "X-Amz-Expires=86401")), NOW);
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(e.details()).containsKeys("CanonicalRequest", "StringToSign", "SignatureProvided");
        assertThat(e.details().get("CanonicalRequest")).endsWith("\nhost\nUNSIGNED-PAYLOAD")
                .doesNotContain("X-Amz-Signature");
        assertThat(failure(v45(v45Query()).replacing("Host", "other.s3.amazonaws.com"), NOW).errorCode())
                .isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(failure(TestRequest.of("GET", "/test2.txt?" + v45Query()).header("Host", HOST), NOW).errorCode())
                .isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(failure(v45(v45Query() + "&versionId=1"), NOW).errorCode())
                .isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        assertThat(failure(v45(v45Query().replace(V45_SIGNATURE, "zz")), NOW).errorCode())
                .isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void expired() {
        S3Exception e = failure(v45(v45Query()), "2013-05-25T00:00:01Z");
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
        assertThat(e.status()).isEqualTo(403);
        assertThat(e.getMessage()).isEqualTo("Request has expired");
        assertThat(e.details()).containsExactly(
                java.util.Map.entry("X-Amz-Expires", "86400"),
                java.util.Map.entry("Expires", "2013-05-25T00:00:00Z"),
                java.util.Map.entry("ServerTime", "2013-05-25T00:00:01Z"));
    }

    @Test
    void notValidYet() {
        S3Exception e = failure(v45(v45Query()), "2013-05-23T23:44:59Z");
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
        assertThat(e.getMessage()).isEqualTo("Request is not valid yet");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "604801   | X-Amz-Expires must be less than a week (in seconds) that is; 604800",
        "9999999999 | X-Amz-Expires must be less than a week (in seconds) that is; 604800",
        "0        | X-Amz-Expires must be greater than 0",
        "-5       | X-Amz-Expires must be non-negative",
        "abc      | X-Amz-Expires should be a number",
        "1.5      | X-Amz-Expires should be a number",
    })
    void expiresOutOfRange(String expires, String message) {
        S3Exception e = failure(v45(v45Query().replace("X-Amz-Expires=86400", "X-Amz-Expires=" + expires)), NOW);
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.getMessage()).isEqualTo(message);
    }

    @Test
    void aWeekIsAllowed() {
        TestRequest r = presigned("/test.txt", "/test.txt", "", "604800", "us-east-1", "UNSIGNED-PAYLOAD");
        assertThat(authenticate(r, "2013-05-31T00:00:00Z").scheme()).isEqualTo(AuthScheme.AWS_V4_PRESIGNED);
        assertThat(failure(r, "2013-05-31T00:00:01Z").getMessage()).isEqualTo("Request has expired");
        TestRequest one = presigned("/test.txt", "/test.txt", "", "1", "us-east-1", "UNSIGNED-PAYLOAD");
        assertThat(authenticate(one, "2013-05-24T00:00:01Z").scheme()).isEqualTo(AuthScheme.AWS_V4_PRESIGNED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"X-Amz-Algorithm", "X-Amz-Credential", "X-Amz-Date", "X-Amz-Expires",
        "X-Amz-SignedHeaders", "X-Amz-Signature"})
    void missingParameters(String name) {
        StringBuilder q = new StringBuilder();
        for (String item : v45Query().split("&")) {
            if (!item.startsWith(name + "=")) {
                q.append(q.length() == 0 ? "" : "&").append(item);
            }
        }
        if (name.equals("X-Amz-Algorithm")) {
            q.append("&X-Amz-Algorithm="); // detected, but empty
        }
        S3Exception e = failure(v45(q.toString()), NOW);
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
        assertThat(e.getMessage()).startsWith("Query-string authentication version 4 requires");
    }

    @Test
    void malformedParameters() {
        S3Exception algorithm = failure(v45(v45Query().replace("AWS4-HMAC-SHA256", "AWS4-HMAC-SHA1")), NOW);
        assertThat(algorithm.errorCode()).isEqualTo(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
        assertThat(algorithm.getMessage()).isEqualTo("X-Amz-Algorithm only supports \"AWS4-HMAC-SHA256\"");

        S3Exception credential = failure(v45(v45Query().replace(CREDENTIAL, AK + "%2F20130524%2Fs3")), NOW);
        assertThat(credential.errorCode()).isEqualTo(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
        assertThat(credential.getMessage()).startsWith("Error parsing the X-Amz-Credential parameter; the Credential"
                + " is mal-formed");

        S3Exception service = failure(v45(v45Query().replace("%2Fs3%2F", "%2Fsts%2F")), NOW);
        assertThat(service.getMessage()).isEqualTo("Error parsing the X-Amz-Credential parameter; incorrect service"
                + " \"sts\". This endpoint belongs to \"s3\".");
        S3Exception terminal = failure(v45(v45Query().replace("aws4_request", "aws5_request")), NOW);
        assertThat(terminal.getMessage()).contains("incorrect terminal \"aws5_request\"");

        S3Exception date = failure(v45(v45Query().replace("X-Amz-Date=" + TS, "X-Amz-Date=2013-05-24T00:00:00Z")),
                NOW);
        assertThat(date.errorCode()).isEqualTo(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
        assertThat(date.getMessage()).startsWith("X-Amz-Date must be in the ISO8601 Long Format");

        S3Exception scopeDate = failure(v45(v45Query().replace("%2F20130524%2F", "%2F20130523%2F")), NOW);
        assertThat(scopeDate.errorCode()).isEqualTo(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
        assertThat(scopeDate.getMessage()).isEqualTo("Invalid credential date. Date is not the same as X-Amz-Date.");

        S3Exception headers = failure(v45(v45Query().replace("X-Amz-SignedHeaders=host",
                "X-Amz-SignedHeaders=host%3B%3Brange")), NOW);
        assertThat(headers.errorCode()).isEqualTo(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
    }

    @Test
    void regionIsCheckedAgainstTheExpectedOne() {
        S3Exception e = catchThrowableOfType(S3Exception.class,
                () -> TestKeys.authenticator("eu-west-1", NOW).authenticate(v45(v45Query()), null));
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.AUTHORIZATION_QUERY_PARAMETERS_ERROR);
        assertThat(e.getMessage()).isEqualTo("Error parsing the X-Amz-Credential parameter; the region 'us-east-1'"
                + " is wrong; expecting 'eu-west-1'");
        assertThat(e.details()).containsEntry("Region", "eu-west-1");
        // Per request: a cn-north-1 URL verifies where cn-north-1 is expected.
        TestRequest jd = presigned("/test.txt", "/test.txt", "", "3600", "cn-north-1", "UNSIGNED-PAYLOAD");
        assertThat(TestKeys.authenticator("us-east-1", NOW).authenticate(jd, null, "cn-north-1").scheme())
                .isEqualTo(AuthScheme.AWS_V4_PRESIGNED);
        assertThat(catchThrowableOfType(S3Exception.class,
                () -> TestKeys.authenticator("us-east-1", NOW).authenticate(jd, null)).details())
                .containsEntry("Region", "us-east-1");
    }

    @Test
    void unknownAccessKey() {
        S3Exception e = failure(v45(v45Query().replace(AK, "AKIANOTKNOWN")), NOW);
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ACCESS_KEY_ID);
        assertThat(e.details()).containsEntry("AWSAccessKeyId", "AKIANOTKNOWN");
    }

    @Test
    void hostAndAmzHeadersMustBeSigned() {
        TestRequest noHost = v45(v45Query().replace("X-Amz-SignedHeaders=host", "X-Amz-SignedHeaders=range"))
                .header("Range", "bytes=0-1");
        S3Exception e = failure(noHost, NOW);
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
        assertThat(e.details()).containsEntry("HeadersNotSigned", "host");

        S3Exception amz = failure(v45(v45Query()).header("x-amz-acl", "public-read"), NOW);
        assertThat(amz.errorCode()).isEqualTo(S3ErrorCode.ACCESS_DENIED);
        assertThat(amz.getMessage()).isEqualTo("There were headers present in the request which were not signed");
        assertThat(amz.details()).containsEntry("HeadersNotSigned", "x-amz-acl");
        // Other unsigned headers are fine.
        assertThat(authenticate(v45(v45Query()).header("User-Agent", "curl"), NOW).scheme())
                .isEqualTo(AuthScheme.AWS_V4_PRESIGNED);
    }

    @Test
    void signedAmzHeaderAndSecurityToken() {
        String credential = AK + "%2F20130524%2Fus-east-1%2Fs3%2Faws4_request";
        String query = "X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=" + credential + "&X-Amz-Date=" + TS
                + "&X-Amz-Expires=60&X-Amz-Security-Token=tok%2Fen%3D&X-Amz-SignedHeaders=host%3Bx-amz-acl";
        String canonical = "PUT\n/k\n" + query + "\nhost:" + HOST + "\nx-amz-acl:public-read\n\nhost;x-amz-acl\n"
                + "UNSIGNED-PAYLOAD";
        TestRequest r = TestRequest.of("PUT", "/k?" + query + "&X-Amz-Signature="
                        + TestKeys.v4Sign(canonical, TS, "us-east-1"))
                .header("Host", HOST)
                .header("x-amz-acl", "public-read");
        assertThat(authenticate(r, NOW).scheme()).isEqualTo(AuthScheme.AWS_V4_PRESIGNED);
        assertThat(failure(r.replacing("x-amz-acl", "private"), NOW).errorCode())
                .isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
    }

    @Test
    void contentSha256Parameter() {
        String hash = "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072";
        TestRequest r = presigned("/k", "/k", "X-Amz-Content-Sha256=" + hash, "60", "us-east-1", hash);
        Authentication a = authenticate(r, NOW);
        assertThat(a.payload()).isEqualTo(PayloadRequirement.sha256(hash));
        TestRequest unsigned = presigned("/k", "/k", "X-Amz-Content-Sha256=UNSIGNED-PAYLOAD", "60", "us-east-1",
                "UNSIGNED-PAYLOAD");
        assertThat(authenticate(unsigned, NOW).payload()).isEqualTo(PayloadRequirement.unsigned());
        S3Exception streaming = failure(presigned("/k", "/k",
                "X-Amz-Content-Sha256=STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "60", "us-east-1",
                "STREAMING-AWS4-HMAC-SHA256-PAYLOAD"), NOW);
        assertThat(streaming.errorCode()).isEqualTo(S3ErrorCode.INVALID_REQUEST);
        S3Exception junk = failure(presigned("/k", "/k", "X-Amz-Content-Sha256=junk", "60", "us-east-1", "junk"),
                NOW);
        assertThat(junk.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void rawPathIsTheFallbackForEncodedSlashes() {
        // The WOS/OBS SDKs sign their already-encoded path verbatim.
        TestRequest raw = presigned("/dir%2Fmine-type.mp4", "/dir%2Fmine-type.mp4", "", "60", "us-east-1",
                "UNSIGNED-PAYLOAD");
        assertThat(authenticate(raw, NOW).scheme()).isEqualTo(AuthScheme.AWS_V4_PRESIGNED);
        TestRequest decoded = presigned("/dir%2Fmine-type.mp4", "/dir/mine-type.mp4", "", "60", "us-east-1",
                "UNSIGNED-PAYLOAD");
        assertThat(authenticate(decoded, NOW).scheme()).isEqualTo(AuthScheme.AWS_V4_PRESIGNED);
        // Sub-resources and other parameters are signed.
        TestRequest withQuery = presigned("/k", "/k", "response-content-type=text%2Fplain&versionId=v1", "60",
                "us-east-1", "UNSIGNED-PAYLOAD");
        assertThat(authenticate(withQuery, NOW).scheme()).isEqualTo(AuthScheme.AWS_V4_PRESIGNED);
    }
}
