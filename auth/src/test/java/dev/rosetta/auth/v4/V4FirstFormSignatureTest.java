package dev.rosetta.auth.v4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.auth.TestKeys;
import dev.rosetta.auth.TestRequest;
import dev.rosetta.auth.v4.V4SignatureCheck.PathFirst;
import dev.rosetta.protocol.error.S3Exception;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The byte-built first form agrees with the string-built canonical request it replaces on the fast path. */
class V4FirstFormSignatureTest {
    private static final String TS = "20240102T030405Z";
    private static final String REGION = "us-east-1";
    private static final V4Scope SCOPE = new V4Scope("20240102", REGION, "s3", "aws4_request");
    private static final byte[] KEY = V4Signer.deriveSigningKey("AWS4", TestKeys.SK, SCOPE);
    private static final String SIGNED = "host;x-amz-content-sha256;x-amz-date;x-amz-meta-note";

    @Test
    void theDocumentedVectorsMatchInBytes() {
        byte[] key = V4Signer.deriveSigningKey("AWS4", TestKeys.SK,
                new V4Scope("20130524", REGION, "s3", "aws4_request"));
        TestRequest get = AwsV4VectorsTest.v41();
        TestRequest put = AwsV4VectorsTest.v42("/test%24file.text");
        assertThat(fast(get, key, AwsV4VectorsTest.TS, PathFirst.ENCODED)).isTrue();
        assertThat(fast(put, key, AwsV4VectorsTest.TS, PathFirst.ENCODED)).isTrue();
    }

    @Test
    void theRawPathFormDiffersWhereTheRawPathIsNotCanonical() {
        TestRequest signed = signedOverFirstForm(base("/bucket/a%2ab"), PathFirst.ENCODED); // canonical: %2A
        assertThat(fast(signed, KEY, TS, PathFirst.ENCODED)).isTrue();
        assertThat(fast(signed, KEY, TS, PathFirst.RAW)).isFalse();
        V4SignatureCheck.verify(signed, auth(signed), V4Authorization.ALGORITHM, TS, KEY, "UNSIGNED-PAYLOAD", null,
                PathFirst.RAW);
    }

    @Test
    void randomRequestsSignedOverTheFirstStringFormMatchInBytes() {
        Random random = new Random(20261122L);
        for (int i = 0; i < 2_000; i++) {
            String path = "/bucket/" + randomText(random, 1 + random.nextInt(40), true);
            String query = random.nextBoolean() ? "" : "?" + randomText(random, 1 + random.nextInt(12), false) + "="
                    + randomText(random, random.nextInt(12), false) + "&uploads";
            String note = randomSpaces(random) + randomText(random, random.nextInt(20), false) + randomSpaces(random)
                    + randomText(random, random.nextInt(8), false) + randomSpaces(random);
            TestRequest r = TestRequest.of("GET", path + query)
                    .header("Host", "127.0.0.1:9000")
                    .header("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
                    .header("x-amz-date", TS)
                    .header("x-amz-meta-note", note);
            if (random.nextBoolean()) {
                r.header("X-Amz-Meta-Note", randomSpaces(random) + "second" + randomSpaces(random) + "value");
            }
            for (PathFirst first : PathFirst.values()) {
                TestRequest signed = signedOverFirstForm(r, first);
                assertThat(fast(signed, KEY, TS, first)).as("%s %s", first, signed).isTrue();
                V4SignatureCheck.verify(signed, auth(signed), V4Authorization.ALGORITHM, TS, KEY, "UNSIGNED-PAYLOAD",
                        null, first);
            }
        }
    }

    @Test
    void aWrongSignatureDoesNotMatchAndTheStringPathRefusesIt() {
        TestRequest r = signedOverFirstForm(base("/bucket/key"), PathFirst.ENCODED);
        String header = r.header("Authorization");
        char last = header.charAt(header.length() - 1);
        String wrong = header.substring(0, header.length() - 1) + (last == '0' ? '1' : '0');
        TestRequest tampered = r.replacing("Authorization", wrong);
        assertThat(fast(tampered, KEY, TS, PathFirst.ENCODED)).isFalse();
        assertThatThrownBy(() -> V4SignatureCheck.verify(tampered, auth(tampered), V4Authorization.ALGORITHM, TS, KEY,
                "UNSIGNED-PAYLOAD", null, PathFirst.ENCODED))
                .isInstanceOf(S3Exception.class).hasMessageContaining("signature");
    }

    @Test
    void aNonAsciiValueIsLeftToTheStringPathWhichVerifiesIt() {
        TestRequest r = base("/bucket/key").replacing("x-amz-meta-note", "caf\u00e9 \u00fcber");
        TestRequest signed = signedOverFirstForm(r, PathFirst.ENCODED);
        assertThat(fast(signed, KEY, TS, PathFirst.ENCODED)).isFalse();
        V4SignatureCheck.verify(signed, auth(signed), V4Authorization.ALGORITHM, TS, KEY, "UNSIGNED-PAYLOAD", null,
                PathFirst.ENCODED);
    }

    @Test
    void anUntrimmedSignatureIsLeftToTheStringPathWhichFindsTheSecondForm() {
        TestRequest r = base("/bucket/key").replacing("x-amz-meta-note", "  two   spaces ");
        List<String> names = V4SignedHeaders.split(SIGNED);
        String canonical = V4CanonicalRequest.assemble("GET", "/bucket/key", "",
                V4CanonicalRequest.untrimmedHeaders(r, names), SIGNED, "UNSIGNED-PAYLOAD");
        TestRequest signed = r.header("Authorization",
                TestKeys.v4Authorization(TS, REGION, SIGNED, TestKeys.v4Sign(canonical, TS, REGION)));
        assertThat(fast(signed, KEY, TS, PathFirst.ENCODED)).isFalse();
        V4SignatureCheck.verify(signed, auth(signed), V4Authorization.ALGORITHM, TS, KEY, "UNSIGNED-PAYLOAD", null,
                PathFirst.ENCODED);
    }

    @Test
    void anAbsentSignedHeaderOrPayloadLineIsNotTaken() {
        TestRequest signed = signedOverFirstForm(base("/bucket/key"), PathFirst.ENCODED);
        assertThat(fast(signed.without("x-amz-meta-note"), KEY, TS, PathFirst.ENCODED)).isFalse();
        assertThat(V4FirstFormSignature.matches(signed, auth(signed), V4Authorization.ALGORITHM, TS, KEY, null, null,
                PathFirst.ENCODED)).isFalse();
    }

    private static TestRequest base(String path) {
        return TestRequest.of("GET", path)
                .header("Host", "127.0.0.1:9000")
                .header("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
                .header("x-amz-date", TS)
                .header("x-amz-meta-note", "note");
    }

    /** The request with an Authorization header signed, independently of main code, over its first string form. */
    private static TestRequest signedOverFirstForm(TestRequest r, PathFirst first) {
        StringBuilder headers = new StringBuilder();
        V4CanonicalRequest.appendCanonicalHeaders(headers, r, V4SignedHeaders.split(SIGNED));
        String uri = first == PathFirst.RAW ? r.rawPath() : V4CanonicalRequest.canonicalUri(r.rawPath());
        String canonical = V4CanonicalRequest.assemble("GET", uri,
                V4CanonicalRequest.canonicalQuery(r.rawQuery(), false, null), headers, SIGNED, "UNSIGNED-PAYLOAD");
        return r.without("Authorization").header("Authorization",
                TestKeys.v4Authorization(TS, REGION, SIGNED, TestKeys.v4Sign(canonical, TS, REGION)));
    }

    private static boolean fast(TestRequest r, byte[] key, String timestamp, PathFirst first) {
        return V4FirstFormSignature.matches(r, auth(r), V4Authorization.ALGORITHM, timestamp, key,
                r.header("x-amz-content-sha256"), null, first);
    }

    private static V4Authorization auth(TestRequest r) {
        return V4Authorization.parse(r.header("Authorization"), V4Authorization.ALGORITHM);
    }

    /** Unreserved and reserved characters, some percent-escaped (upper or lower case), spaces in values. */
    private static String randomText(Random random, int length, boolean path) {
        String plain = "abcXYZ019-._~!$'()*,;:@" + (path ? "/" : "");
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int pick = random.nextInt(10);
            if (pick < 7) {
                sb.append(plain.charAt(random.nextInt(plain.length())));
            } else if (pick < 9) {
                sb.append(String.format(random.nextBoolean() ? "%%%02X" : "%%%02x", random.nextInt(128)));
            } else {
                sb.append(path ? "%20" : "+");
            }
        }
        return sb.toString();
    }

    private static String randomSpaces(Random random) {
        return " \t  ".substring(0, random.nextInt(5));
    }
}
