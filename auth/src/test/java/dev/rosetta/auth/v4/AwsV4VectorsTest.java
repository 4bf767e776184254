package dev.rosetta.auth.v4;

import static dev.rosetta.auth.TestKeys.AK;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.TestKeys;
import dev.rosetta.auth.TestRequest;
import dev.rosetta.auth.crypto.Hex;
import dev.rosetta.auth.crypto.Sha256;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** dialects.md §2.10. */
class AwsV4VectorsTest {
    static final String TS = "20130524T000000Z";
    static final String NOW = "2013-05-24T00:00:00Z";
    static final String EMPTY = Sha256.EMPTY_HEX;
    static final String SCOPE = "20130524/us-east-1/s3/aws4_request";

    static String credential(String region) {
        return "AWS4-HMAC-SHA256 Credential=" + AK + "/20130524/" + region + "/s3/aws4_request";
    }

    static Authentication authenticate(TestRequest r) {
        return TestKeys.authenticator("us-east-1", NOW).authenticate(r, "examplebucket");
    }

    @Test
    void signingKeyVector() {
        byte[] key = V4Signer.deriveSigningKey("AWS4", TestKeys.SK, new V4Scope("20130524", "us-east-1", "s3",
                "aws4_request"));
        assertThat(Hex.encode(key)).isEqualTo("dbb893acc010964918f1fd433add87c70e8b0db6be30c1fbeafefa5ec6ba8378");
    }

    static TestRequest v41() {
        return TestRequest.of("GET", "/test.txt")
                .header("Host", "examplebucket.s3.amazonaws.com")
                .header("Range", "bytes=0-9")
                .header("x-amz-content-sha256", EMPTY)
                .header("x-amz-date", TS)
                .header("Authorization", credential("us-east-1")
                        + ", SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                        + " Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41");
    }

    @Test
    void v4_1_getObject() {
        TestRequest r = v41();
        StringBuilder headers = new StringBuilder();
        assertThat(V4CanonicalRequest.appendCanonicalHeaders(headers, r,
                List.of("host", "range", "x-amz-content-sha256", "x-amz-date"))).isTrue();
        String canonical = V4CanonicalRequest.assemble("GET", V4CanonicalRequest.canonicalUri(r.rawPath()),
                V4CanonicalRequest.canonicalQuery(r.rawQuery(), false, null), headers,
                "host;range;x-amz-content-sha256;x-amz-date", EMPTY);
        assertThat(canonical).isEqualTo("GET\n/test.txt\n\nhost:examplebucket.s3.amazonaws.com\nrange:bytes=0-9\n"
                + "x-amz-content-sha256:" + EMPTY + "\nx-amz-date:" + TS + "\n\n"
                + "host;range;x-amz-content-sha256;x-amz-date\n" + EMPTY);
        assertThat(Sha256.hex(canonical)).isEqualTo("7344ae5b7ee6c3e7e6b0fe0640412a37625d1fbfff95c48bbb2dc43964946972");

        Authentication a = authenticate(r);
        assertThat(a.scheme()).isEqualTo(AuthScheme.AWS_V4);
        assertThat(a.credential()).isEqualTo(TestKeys.CREDENTIAL);
        assertThat(a.payload()).isEqualTo(PayloadRequirement.sha256(EMPTY));
    }

    @Test
    void v4_1_signatureHexCaseAndSeparatorsWithoutSpaces() {
        TestRequest r = v41().replacing("Authorization", credential("us-east-1")
                + ",SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,"
                + "Signature=F0E8BDB87C964420E857BD35B5D6ED310BD44F0170ABA48DD91039C6036BDB41");
        assertThat(authenticate(r).scheme()).isEqualTo(AuthScheme.AWS_V4);
        // Components in another order, parsed by key.
        TestRequest reordered = v41().replacing("Authorization", "AWS4-HMAC-SHA256 "
                + "Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41, "
                + "SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, Credential=" + AK
                + "/20130524/us-east-1/s3/aws4_request");
        assertThat(authenticate(reordered).scheme()).isEqualTo(AuthScheme.AWS_V4);
    }

    static TestRequest v42(String path) {
        return TestRequest.of("PUT", path)
                .header("Date", "Fri, 24 May 2013 00:00:00 GMT")
                .header("Host", "examplebucket.s3.amazonaws.com")
                .header("x-amz-date", TS)
                .header("x-amz-storage-class", "REDUCED_REDUNDANCY")
                .header("x-amz-content-sha256", "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072")
                .header("Authorization", credential("us-east-1")
                        + ",SignedHeaders=date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class,"
                        + "Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd");
    }

    @Test
    void v4_2_putObject() {
        TestRequest r = v42("/test%24file.text");
        StringBuilder headers = new StringBuilder();
        V4CanonicalRequest.appendCanonicalHeaders(headers, r,
                List.of("date", "host", "x-amz-content-sha256", "x-amz-date", "x-amz-storage-class"));
        String canonical = V4CanonicalRequest.assemble("PUT", V4CanonicalRequest.canonicalUri(r.rawPath()), "",
                headers, "date;host;x-amz-content-sha256;x-amz-date;x-amz-storage-class",
                "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072");
        assertThat(Sha256.hex(canonical)).isEqualTo("9e0e90d9c76de8fa5b200d8c849cd5b8dc7a3be3951ddb7f6a76b4158342019d");

        Authentication a = authenticate(r);
        assertThat(a.payload()).isEqualTo(PayloadRequirement.sha256(
                "44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072"));
        // A client sending the '$' raw: decoded and re-encoded, it is the same canonical URI.
        assertThat(authenticate(v42("/test$file.text")).scheme()).isEqualTo(AuthScheme.AWS_V4);
    }

    @Test
    void v4_3_getBucketLifecycle() {
        TestRequest r = TestRequest.of("GET", "/?lifecycle")
                .header("Host", "examplebucket.s3.amazonaws.com")
                .header("x-amz-date", TS)
                .header("x-amz-content-sha256", EMPTY)
                .header("Authorization", credential("us-east-1") + ",SignedHeaders=host;x-amz-content-sha256;x-amz-date,"
                        + "Signature=fea454ca298b7da1c68078a5d1bdbfbbe0d65c699e0f91ac7a200a0136783543");
        assertThat(V4CanonicalRequest.canonicalQuery(r.rawQuery(), false, null)).isEqualTo("lifecycle=");
        assertThat(authenticate(r).scheme()).isEqualTo(AuthScheme.AWS_V4);
    }

    @Test
    void v4_4_listObjects() {
        TestRequest r = TestRequest.of("GET", "/?max-keys=2&prefix=J")
                .header("Host", "examplebucket.s3.amazonaws.com")
                .header("x-amz-date", TS)
                .header("x-amz-content-sha256", EMPTY)
                .header("Authorization", credential("us-east-1") + ",SignedHeaders=host;x-amz-content-sha256;x-amz-date,"
                        + "Signature=34b48302e7b5fa45bde8084f4b7868a86f0a534bc59db6670ed5711ef69dc6f7");
        assertThat(V4CanonicalRequest.canonicalQuery(r.rawQuery(), false, null)).isEqualTo("max-keys=2&prefix=J");
        assertThat(authenticate(r).scheme()).isEqualTo(AuthScheme.AWS_V4);
        // Parameter order on the wire does not matter.
        TestRequest reordered = TestRequest.of("GET", "/?prefix=J&max-keys=2");
        r.headerEntries().forEach(h -> reordered.header(h.getKey(), h.getValue()));
        assertThat(authenticate(reordered).scheme()).isEqualTo(AuthScheme.AWS_V4);
    }

    @Test
    void v4_5_presignedCanonicalRequest() {
        TestRequest r = TestRequest.of("GET", "/test.txt?X-Amz-Expires=86400&X-Amz-Date=20130524T000000Z"
                        + "&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-SignedHeaders=host"
                        + "&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524%2Fus-east-1%2Fs3%2Faws4_request"
                        + "&X-Amz-Signature=aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404")
                .header("Host", "examplebucket.s3.amazonaws.com");
        String query = V4CanonicalRequest.canonicalQuery(r.rawQuery(), false, "X-Amz-Signature");
        assertThat(query).isEqualTo("X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20130524"
                + "%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Date=20130524T000000Z&X-Amz-Expires=86400"
                + "&X-Amz-SignedHeaders=host");
        StringBuilder headers = new StringBuilder();
        V4CanonicalRequest.appendCanonicalHeaders(headers, r, List.of("host"));
        assertThat(headers.toString()).isEqualTo("host:examplebucket.s3.amazonaws.com\n");
        String canonical = V4CanonicalRequest.assemble("GET", V4CanonicalRequest.canonicalUri(r.rawPath()), query,
                headers, "host", "UNSIGNED-PAYLOAD");
        assertThat(Sha256.hex(canonical)).isEqualTo("3bfa292879f6447bbcda7001decf97f4a54dc650c8942174ae0a9121cf58ad04");
        byte[] key = V4Signer.deriveSigningKey("AWS4", TestKeys.SK, new V4Scope("20130524", "us-east-1", "s3",
                "aws4_request"));
        String sts = V4Signer.stringToSign("AWS4-HMAC-SHA256", TS, SCOPE, Sha256.hex(canonical));
        assertThat(Hex.encode(V4Signer.sign(key, sts)))
                .isEqualTo("aeeed9bbccd4d02ee5c0109b86d86835f995330da4c265957d157751f604d404");
    }

    static TestRequest v46() {
        return TestRequest.of("GET", "/my-bucket/photos/2024/%C3%BCml%20aut%2B%281%29.txt"
                        + "?response-content-disposition=attachment%3B%20filename%3D%22a%20b.txt%22&versionId=v~1%2A&acl")
                .header("Host", "127.0.0.1:9000")
                .header("Content-Type", "text/plain")
                .header("X-Amz-Meta-Note", "   two   spaces   ")
                .header("x-amz-content-sha256", "UNSIGNED-PAYLOAD")
                .header("X-Amz-Date", "20240102T030405Z")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=" + AK + "/20240102/cn-north-4/s3/aws4_request, "
                        + "SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date;x-amz-meta-note, "
                        + "Signature=64f7bb1528a70394f62542055e667b029a2b25931a528e9b71baea15664253ca");
    }

    @Test
    void v4_6_encodingAndTrimming() {
        TestRequest r = v46();
        assertThat(V4CanonicalRequest.canonicalUri(r.rawPath()))
                .isEqualTo("/my-bucket/photos/2024/%C3%BCml%20aut%2B%281%29.txt");
        assertThat(V4CanonicalRequest.canonicalQuery(r.rawQuery(), false, null)).isEqualTo(
                "acl=&response-content-disposition=attachment%3B%20filename%3D%22a%20b.txt%22&versionId=v~1%2A");
        StringBuilder headers = new StringBuilder();
        V4CanonicalRequest.appendCanonicalHeaders(headers, r, List.of("x-amz-meta-note"));
        assertThat(headers.toString()).isEqualTo("x-amz-meta-note:two spaces\n");

        Authentication a = TestKeys.authenticator("cn-north-4", "2024-01-02T03:04:05Z").authenticate(r, null);
        assertThat(a.scheme()).isEqualTo(AuthScheme.AWS_V4);
        assertThat(a.payload()).isEqualTo(PayloadRequirement.unsigned());
    }

    @Test
    void v4_6_clientEncodingVariantsOfTheSamePathVerify() {
        // Unreserved characters sent encoded, reserved ones raw: decoding then re-encoding yields the signed URI.
        TestRequest r = TestRequest.of("GET", "/my-bucket/photos/2024/%C3%BCml%20aut+(1).txt"
                + "?versionId=v%7E1*&response-content-disposition=attachment%3B%20filename%3D%22a%20b.txt%22&acl=");
        v46().headerEntries().forEach(h -> r.header(h.getKey(), h.getValue()));
        assertThat(TestKeys.authenticator("cn-north-4", "2024-01-02T03:04:05Z").authenticate(r, null).scheme())
                .isEqualTo(AuthScheme.AWS_V4);
    }

    // ---- Streaming seeds (V4-7, V4-8, V4-9): the Authorization seed verifies and the payload carries the chain.

    static TestRequest streaming(String marker, String contentLength, String signedHeaders, String seed,
            boolean trailer) {
        TestRequest r = TestRequest.of("PUT", "/examplebucket/chunkObject.txt")
                .header("Host", "s3.amazonaws.com")
                .header("x-amz-date", TS)
                .header("x-amz-storage-class", "REDUCED_REDUNDANCY")
                .header("x-amz-content-sha256", marker)
                .header("Content-Encoding", "aws-chunked")
                .header("x-amz-decoded-content-length", "66560")
                .header("Content-Length", contentLength);
        if (trailer) {
            r.header("x-amz-trailer", "x-amz-checksum-crc32c");
        }
        return r.header("Authorization", credential("us-east-1") + ",SignedHeaders=" + signedHeaders
                + ",Signature=" + seed);
    }

    static PayloadRequirement.Streaming assertStreaming(TestRequest r, String marker, String seed) {
        Authentication a = TestKeys.authenticator("us-east-1", NOW).authenticate(r, null);
        assertThat(a.scheme()).isEqualTo(AuthScheme.AWS_V4);
        assertThat(a.payload()).isInstanceOf(PayloadRequirement.Streaming.class);
        PayloadRequirement.Streaming s = (PayloadRequirement.Streaming) a.payload();
        assertThat(s.mode()).isEqualTo(marker);
        assertThat(s.seedSignature()).isEqualTo(seed);
        assertThat(s.timestamp()).isEqualTo(TS);
        assertThat(s.scope()).isEqualTo(SCOPE);
        assertThat(Hex.encode(s.signingKey()))
                .isEqualTo("dbb893acc010964918f1fd433add87c70e8b0db6be30c1fbeafefa5ec6ba8378");
        return s;
    }

    static String chunkSignature(PayloadRequirement.Streaming s, String previous, byte[] data) {
        String sts = "AWS4-HMAC-SHA256-PAYLOAD\n" + s.timestamp() + "\n" + s.scope() + "\n" + previous + "\n"
                + Sha256.EMPTY_HEX + "\n" + Hex.encode(Sha256.digest(data));
        return Hex.encode(V4Signer.sign(s.signingKey(), sts));
    }

    static byte[] as(int n) {
        byte[] b = new byte[n];
        Arrays.fill(b, (byte) 'a');
        return b;
    }

    @Test
    void v4_7_signedChunksSeed() {
        String seed = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
        PayloadRequirement.Streaming s = assertStreaming(streaming("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "66824",
                "content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;"
                        + "x-amz-storage-class", seed, false), "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", seed);
        assertThat(s.chunksSigned()).isTrue();
        assertThat(s.hasTrailer()).isFalse();
        // What the next issue's decoder will do with it: the documented chain.
        String c1 = chunkSignature(s, s.seedSignature(), as(65536));
        assertThat(c1).isEqualTo("ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648");
        String c2 = chunkSignature(s, c1, as(1024));
        assertThat(c2).isEqualTo("0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497");
        assertThat(chunkSignature(s, c2, new byte[0]))
                .isEqualTo("b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9");
    }

    @Test
    void v4_8_signedChunksWithTrailerSeed() {
        String seed = "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e";
        PayloadRequirement.Streaming s = assertStreaming(streaming("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
                "66946", "content-encoding;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;"
                        + "x-amz-storage-class;x-amz-trailer", seed, true),
                "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", seed);
        assertThat(s.chunksSigned()).isTrue();
        assertThat(s.trailerSigned()).isTrue();
        assertThat(chunkSignature(s, s.seedSignature(), as(65536)))
                .isEqualTo("b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2");
        String trailerSts = "AWS4-HMAC-SHA256-TRAILER\n" + TS + "\n" + SCOPE + "\n"
                + "2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992\n"
                + Sha256.hex("x-amz-checksum-crc32c:sOO8/Q==\n");
        assertThat(Hex.encode(V4Signer.sign(s.signingKey(), trailerSts)))
                .isEqualTo("d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435");
    }

    static final String V49_SIGNED_HEADERS = "content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;"
            + "x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer";

    @Test
    void v4_9_sdkSignedTrailerSeed() {
        String seed = "4d62cc37b71577cd32e805baf5ed730b0373046d4e0893997c52d05da204e4f1";
        PayloadRequirement.Streaming s = assertStreaming(streaming("STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER",
                "66858", V49_SIGNED_HEADERS, seed, true), "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER", seed);
        String chunk = chunkSignature(s, seed, as(66560));
        assertThat(chunk).startsWith("ef9f9a0c58d6f61a");
        assertThat(chunkSignature(s, chunk, new byte[0]))
                .isEqualTo("f7ff92d1da547c0053e766526b345442be427f8f5579b59cced7621b63020844");
    }

    @Test
    void v4_9_sdkUnsignedTrailerSeed() {
        String seed = "7999655f723bd6371ee004d5d2d1942f0cdfc5dd23c609b2b62c699bce970def";
        PayloadRequirement.Streaming s = assertStreaming(streaming("STREAMING-UNSIGNED-PAYLOAD-TRAILER", "66606",
                V49_SIGNED_HEADERS, seed, true), "STREAMING-UNSIGNED-PAYLOAD-TRAILER", seed);
        assertThat(s.chunksSigned()).isFalse();
        assertThat(s.hasTrailer()).isTrue();
        assertThat(s.trailerSigned()).isFalse();
    }

    @Test
    void streamingSeedIsLowerCased() {
        String seed = "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9";
        TestRequest r = streaming("STREAMING-AWS4-HMAC-SHA256-PAYLOAD", "66824",
                "content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;x-amz-decoded-content-length;"
                        + "x-amz-storage-class", seed.toUpperCase(java.util.Locale.ROOT), false);
        assertStreaming(r, "STREAMING-AWS4-HMAC-SHA256-PAYLOAD", seed);
    }
}
