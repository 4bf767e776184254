package dev.rosetta.auth.chunked;

import static dev.rosetta.auth.TestKeys.AK;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.TestKeys;
import dev.rosetta.auth.TestRequest;
import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** aws-chunked decoding, dialects.md §2.6–2.8 and vectors V4-7, V4-8, V4-9. */
class AwsChunkedDecoderTest {
    static final String TS = "20130524T000000Z";
    static final String NOW = "2013-05-24T00:00:00Z";
    static final String SCOPE = "20130524/us-east-1/s3/aws4_request";
    static final String SIGNED = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD";
    static final String SIGNED_TRAILER = "STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER";
    static final String UNSIGNED_TRAILER = "STREAMING-UNSIGNED-PAYLOAD-TRAILER";
    static final String CRC32C = "x-amz-checksum-crc32c";
    static final byte[] OBJECT = new byte[66560];
    static final List<String> DECLARED = List.of(CRC32C);

    static {
        Arrays.fill(OBJECT, (byte) 'a');
    }

    // ---- the vectors' requests and bodies

    /** The vectors' PUT, authenticated by the header verifier: its Streaming requirement is the decoder's input. */
    static PayloadRequirement.Streaming streaming(String marker, String contentLength, String signedHeaders,
            String seed, boolean trailer) {
        TestRequest r = TestRequest.of("PUT", "/examplebucket/chunkObject.txt")
                .header("Host", "s3.amazonaws.com")
                .header("x-amz-date", TS)
                .header("x-amz-storage-class", "REDUCED_REDUNDANCY")
                .header("x-amz-content-sha256", marker)
                .header("Content-Encoding", "aws-chunked")
                .header("x-amz-decoded-content-length", "66560")
                .header("Content-Length", contentLength);
        if (trailer) {
            r.header("x-amz-trailer", CRC32C);
        }
        r.header("Authorization", "AWS4-HMAC-SHA256 Credential=" + AK + "/" + SCOPE + ",SignedHeaders="
                + signedHeaders + ",Signature=" + seed);
        Authentication a = TestKeys.authenticator("us-east-1", NOW).authenticate(r, null);
        return (PayloadRequirement.Streaming) a.payload();
    }

    static PayloadRequirement.Streaming v47() {
        return streaming(SIGNED, "66824", "content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;"
                + "x-amz-decoded-content-length;x-amz-storage-class",
                "4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9", false);
    }

    static PayloadRequirement.Streaming v48() {
        return streaming(SIGNED_TRAILER, "66946", "content-encoding;host;x-amz-content-sha256;x-amz-date;"
                + "x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer",
                "106e2a8a18243abcf37539882f36619c00e2dfc72633413f02d3b74544bfeb8e", true);
    }

    static final String V49_HEADERS = "content-encoding;content-length;host;x-amz-content-sha256;x-amz-date;"
            + "x-amz-decoded-content-length;x-amz-storage-class;x-amz-trailer";

    static PayloadRequirement.Streaming v49Signed() {
        return streaming(SIGNED_TRAILER, "66858", V49_HEADERS,
                "4d62cc37b71577cd32e805baf5ed730b0373046d4e0893997c52d05da204e4f1", true);
    }

    static PayloadRequirement.Streaming v49Unsigned() {
        return streaming(UNSIGNED_TRAILER, "66606", V49_HEADERS,
                "7999655f723bd6371ee004d5d2d1942f0cdfc5dd23c609b2b62c699bce970def", true);
    }

    static byte[] concat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object p : parts) {
            byte[] b = p instanceof byte[] bytes ? bytes : p.toString().getBytes(StandardCharsets.UTF_8);
            out.writeBytes(b);
        }
        return out.toByteArray();
    }

    static byte[] as(int n) {
        return Arrays.copyOf(OBJECT, n);
    }

    static byte[] v47Body() {
        return concat("10000;chunk-signature=ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648\r\n",
                as(65536), "\r\n",
                "400;chunk-signature=0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497\r\n",
                as(1024), "\r\n",
                "0;chunk-signature=b6c6ea8a5354eaf15b3cb7646744f4275b71ea724fed81ceb9323e279d449df9\r\n",
                "\r\n");
    }

    static byte[] v48Body() {
        return concat("10000;chunk-signature=b474d8862b1487a5145d686f57f013e54db672cee1c953b3010fb58501ef5aa2\r\n",
                as(65536), "\r\n",
                "400;chunk-signature=1c1344b170168f8e65b41376b44b20fe354e373826ccbbe2c1d40a8cae51e5c7\r\n",
                as(1024), "\r\n",
                "0;chunk-signature=2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992\r\n",
                "x-amz-checksum-crc32c:sOO8/Q==\r\n",
                "x-amz-trailer-signature:d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435\r\n",
                "\r\n");
    }

    /** The V4-9 signed chunk signature, computed test-side (the document prints only its first 16 digits). */
    static String v49ChunkSignature() {
        String seed = "4d62cc37b71577cd32e805baf5ed730b0373046d4e0893997c52d05da204e4f1";
        String sts = "AWS4-HMAC-SHA256-PAYLOAD\n" + TS + "\n" + SCOPE + "\n" + seed + "\n"
                + "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\n" + sha256Hex(OBJECT);
        return HexFormat.of().formatHex(hmac(signingKey(), sts.getBytes(StandardCharsets.UTF_8)));
    }

    static byte[] v49SignedBody() {
        return concat("10400;chunk-signature=" + v49ChunkSignature() + "\r\n", OBJECT, "\r\n",
                "0;chunk-signature=f7ff92d1da547c0053e766526b345442be427f8f5579b59cced7621b63020844\r\n",
                "x-amz-checksum-crc32c:sOO8/Q==\r\n",
                "x-amz-trailer-signature:bd7383df5f74788b105c3149d5a547ed0401dbd28b08537a46b037db0d769115\r\n",
                "\r\n");
    }

    static byte[] v49UnsignedBody() {
        return concat("10400\r\n", OBJECT, "\r\n0\r\nx-amz-checksum-crc32c:sOO8/Q==\r\n\r\n");
    }

    static byte[] signingKey() {
        byte[] k = hmac(("AWS4" + TestKeys.SK).getBytes(StandardCharsets.UTF_8), bytes("20130524"));
        k = hmac(k, bytes("us-east-1"));
        k = hmac(k, bytes("s3"));
        return hmac(k, bytes("aws4_request"));
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- feeding

    /** What a decode produced. */
    record Result(byte[] data, Trailers trailers) {
    }

    /** How the raw body is cut into feeds. */
    enum Feeding {
        WHOLE, ONE_BYTE, RANDOM, DIRECT_RANDOM
    }

    static Result decode(PayloadRequirement.Streaming req, List<String> declared, long length, byte[] body,
            Feeding feeding, long seed) {
        AwsChunkedDecoder decoder = new AwsChunkedDecoder(req, declared, length);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Random random = new Random(seed);
        int off = 0;
        while (off < body.length) {
            int n = switch (feeding) {
                case WHOLE -> body.length;
                case ONE_BYTE -> 1;
                case RANDOM, DIRECT_RANDOM -> 1 + random.nextInt(random.nextBoolean() ? 100 : 20_000);
            };
            n = Math.min(n, body.length - off);
            ByteBuffer raw;
            if (feeding == Feeding.DIRECT_RANDOM) {
                raw = ByteBuffer.allocateDirect(n + 10);
                raw.position(5);
                raw.put(body, off, n);
                raw.flip().position(5);
            } else {
                raw = ByteBuffer.wrap(body, off, n);
            }
            decoder.feed(raw, b -> {
                byte[] copy = new byte[b.remaining()];
                b.get(copy);
                out.writeBytes(copy);
            });
            assertThat(raw.hasRemaining()).isFalse();
            off += n;
        }
        Trailers t = decoder.finish();
        assertThat(decoder.decodedBytes()).isEqualTo(length);
        assertThat(decoder.encodedBytes()).isEqualTo(body.length);
        return new Result(out.toByteArray(), t);
    }

    static Result decode(PayloadRequirement.Streaming req, List<String> declared, byte[] body) {
        return decode(req, declared, OBJECT.length, body, Feeding.WHOLE, 0);
    }

    static S3Exception failure(PayloadRequirement.Streaming req, List<String> declared, long length, byte[] body,
            Feeding feeding) {
        S3Exception e = catchThrowableOfType(S3Exception.class,
                () -> decode(req, declared, length, body, feeding, 1));
        assertThat(e).as("expected an S3Exception").isNotNull();
        return e;
    }

    static S3Exception failure(PayloadRequirement.Streaming req, List<String> declared, byte[] body) {
        return failure(req, declared, OBJECT.length, body, Feeding.WHOLE);
    }

    static byte[] replace(byte[] body, String from, String to) {
        String s = new String(body, StandardCharsets.ISO_8859_1);
        assertThat(s).contains(from);
        return s.replace(from, to).getBytes(StandardCharsets.ISO_8859_1);
    }

    static byte[] flip(byte[] body, int index) {
        byte[] copy = body.clone();
        copy[index] ^= 1;
        return copy;
    }

    // ---- vectors

    @Nested
    class Vectors {
        @ParameterizedTest
        @EnumSource(Feeding.class)
        void v4_7_signedChunks(Feeding feeding) {
            byte[] body = v47Body();
            assertThat(body).hasSize(66824);
            for (long seed = 0; seed < (feeding == Feeding.RANDOM ? 20 : 1); seed++) {
                Result r = decode(v47(), List.of(), OBJECT.length, body, feeding, seed);
                assertThat(r.data()).isEqualTo(OBJECT);
                assertThat(r.trailers().isEmpty()).isTrue();
                assertThat(r.trailers().checksumAlgorithm()).isNull();
            }
        }

        @ParameterizedTest
        @EnumSource(Feeding.class)
        void v4_8_signedChunksAndSignedTrailer(Feeding feeding) {
            byte[] body = v48Body();
            assertThat(body).hasSize(66946);
            for (long seed = 0; seed < (feeding == Feeding.RANDOM ? 20 : 1); seed++) {
                Result r = decode(v48(), DECLARED, OBJECT.length, body, feeding, seed);
                assertThat(r.data()).isEqualTo(OBJECT);
                assertThat(r.trailers().asMap()).containsExactly(Map.entry(CRC32C, "sOO8/Q=="));
                assertThat(r.trailers().get("X-Amz-Checksum-CRC32C")).isEqualTo("sOO8/Q==");
                assertThat(r.trailers().checksumAlgorithm()).isEqualTo(ChecksumAlgorithm.CRC32C);
                assertThat(r.trailers().checksumValue()).isEqualTo(ChecksumAlgorithm.CRC32C.base64(r.data()));
            }
        }

        @ParameterizedTest
        @EnumSource(Feeding.class)
        void v4_9_sdkSignedTrailer(Feeding feeding) {
            assertThat(v49ChunkSignature()).startsWith("ef9f9a0c58d6f61a");
            byte[] body = v49SignedBody();
            assertThat(body).hasSize(66858);
            for (long seed = 0; seed < (feeding == Feeding.RANDOM ? 20 : 1); seed++) {
                Result r = decode(v49Signed(), DECLARED, OBJECT.length, body, feeding, seed);
                assertThat(r.data()).isEqualTo(OBJECT);
                assertThat(r.trailers().asMap()).containsExactly(Map.entry(CRC32C, "sOO8/Q=="));
            }
        }

        @ParameterizedTest
        @EnumSource(Feeding.class)
        void v4_9_sdkUnsignedTrailer(Feeding feeding) {
            byte[] body = v49UnsignedBody();
            assertThat(body).hasSize(66606);
            for (long seed = 0; seed < (feeding == Feeding.RANDOM ? 20 : 1); seed++) {
                Result r = decode(v49Unsigned(), DECLARED, OBJECT.length, body, feeding, seed);
                assertThat(r.data()).isEqualTo(OBJECT);
                assertThat(r.trailers().asMap()).containsExactly(Map.entry(CRC32C, "sOO8/Q=="));
                assertThat(r.trailers().checksumValue()).isEqualTo(ChecksumAlgorithm.CRC32C.base64(r.data()));
            }
        }

        @Test
        void forRequestReadsTheHeaders() {
            TestRequest head = TestRequest.of("PUT", "/examplebucket/chunkObject.txt")
                    .header("x-amz-decoded-content-length", "66560")
                    .header("x-amz-trailer", "X-Amz-Checksum-CRC32C")
                    .header("Content-Encoding", "aws-chunked");
            AwsChunkedDecoder decoder = AwsChunkedDecoder.forRequest(head, v48());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            decoder.feed(ByteBuffer.wrap(v48Body()), b -> out.writeBytes(toArray(b)));
            assertThat(decoder.isComplete()).isTrue();
            assertThat(decoder.finish().get(CRC32C)).isEqualTo("sOO8/Q==");
            assertThat(out.toByteArray()).isEqualTo(OBJECT);
            // finish() is idempotent; feeding afterwards is a bug of the caller.
            assertThat(decoder.finish().get(CRC32C)).isEqualTo("sOO8/Q==");
            assertThatThrownBy(() -> decoder.feed(ByteBuffer.allocate(1), b -> { }))
                    .isInstanceOf(IllegalStateException.class);
        }

        @Test
        void emptyObject() {
            PayloadRequirement.Streaming req = v47();
            // The final chunk's signature chained directly on the seed.
            String seed = req.seedSignature();
            String sts = "AWS4-HMAC-SHA256-PAYLOAD\n" + TS + "\n" + SCOPE + "\n" + seed + "\n"
                    + sha256Hex(new byte[0]) + "\n" + sha256Hex(new byte[0]);
            String sig = HexFormat.of().formatHex(hmac(signingKey(), bytes(sts)));
            byte[] body = concat("0;chunk-signature=" + sig + "\r\n\r\n");
            assertThat(body).hasSize(86);
            assertThat(decode(req, List.of(), 0, body, Feeding.ONE_BYTE, 0).data()).isEmpty();
        }
    }

    static byte[] toArray(ByteBuffer b) {
        byte[] copy = new byte[b.remaining()];
        b.get(copy);
        return copy;
    }

    // ---- tolerance

    @Nested
    class Leniency {
        @Test
        void bareLineFeeds() {
            for (Feeding f : Feeding.values()) {
                byte[] v47 = replace(v47Body(), "\r\n", "\n");
                assertThat(decode(v47(), List.of(), OBJECT.length, v47, f, 3).data()).isEqualTo(OBJECT);
                byte[] v48 = replace(v48Body(), "\r\n", "\n");
                assertThat(decode(v48(), DECLARED, OBJECT.length, v48, f, 3).trailers().get(CRC32C))
                        .isEqualTo("sOO8/Q==");
                byte[] v49 = replace(v49UnsignedBody(), "\r\n", "\n");
                assertThat(decode(v49Unsigned(), DECLARED, OBJECT.length, v49, f, 3).data()).isEqualTo(OBJECT);
            }
        }

        @Test
        void extensionsCaseAndBlanks() {
            byte[] body = replace(v47Body(), "10000;chunk-signature=", "0010000 ; x-ext=1;Chunk-Signature= ");
            body = replace(body, "400;chunk-signature=0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497",
                    "400;chunk-signature=0055627C9E194CB4542BAE2AA5492E3C1575BBB81B612B7D234B86A503EF5497;flag");
            assertThat(decode(v47(), List.of(), body).data()).isEqualTo(OBJECT);
            // Unsigned chunks can be re-cut freely: upper-case sizes, leading zeros, extensions.
            byte[] unsigned = concat("FFFF;ext=v\r\n", as(65535), "\r\n", "0000401\r\n", as(1025), "\r\n",
                    "0;x=y\r\n", "X-Amz-Checksum-Crc32c : sOO8/Q==  \r\n", "\r\n");
            Result r = decode(v49Unsigned(), DECLARED, unsigned);
            assertThat(r.data()).isEqualTo(OBJECT);
            assertThat(r.trailers().asMap()).containsExactly(Map.entry(CRC32C, "sOO8/Q=="));
        }

        @Test
        void missingClosingLineAtTheEnd() {
            byte[] v47 = v47Body();
            assertThat(decode(v47(), List.of(), Arrays.copyOf(v47, v47.length - 2)).data()).isEqualTo(OBJECT);
            byte[] v48 = v48Body();
            assertThat(decode(v48(), DECLARED, Arrays.copyOf(v48, v48.length - 2)).trailers().get(CRC32C))
                    .isEqualTo("sOO8/Q==");
            // Even the last trailer line's CRLF.
            assertThat(decode(v48(), DECLARED, Arrays.copyOf(v48, v48.length - 4)).trailers().get(CRC32C))
                    .isEqualTo("sOO8/Q==");
            byte[] v49 = v49UnsignedBody();
            assertThat(decode(v49Unsigned(), DECLARED, Arrays.copyOf(v49, v49.length - 4)).trailers().get(CRC32C))
                    .isEqualTo("sOO8/Q==");
        }

        @Test
        void noTrailerDeclaredInATrailerMode() {
            byte[] body = concat("10400\r\n", OBJECT, "\r\n0\r\n\r\n");
            assertThat(decode(v49Unsigned(), List.of(), body).trailers().isEmpty()).isTrue();
        }

        @Test
        void trailerSignatureInTheUnsignedModeIsIgnored() {
            byte[] body = replace(v49UnsignedBody(), "sOO8/Q==\r\n", "sOO8/Q==\r\nx-amz-trailer-signature:00\r\n");
            assertThat(decode(v49Unsigned(), DECLARED, body).trailers().asMap()).containsOnlyKeys(CRC32C);
        }
    }

    // ---- errors

    @Nested
    class Errors {
        @Test
        void flippedDataByteIsDetectedWhenItsChunkEnds() {
            byte[] body = flip(v47Body(), 100);
            AwsChunkedDecoder decoder = new AwsChunkedDecoder(v47(), List.of(), OBJECT.length);
            long[] emitted = {0};
            // Everything up to the chunk's last byte is accepted (and emitted) ...
            int chunkEnd = 88 + 65536; // "10000;chunk-signature=<64>\r\n" is 88 bytes
            decoder.feed(ByteBuffer.wrap(body, 0, chunkEnd - 1), b -> emitted[0] += b.remaining());
            assertThat(emitted[0]).isEqualTo(65535);
            // ... the last byte fails the chunk.
            S3Exception e = catchThrowableOfType(S3Exception.class,
                    () -> decoder.feed(ByteBuffer.wrap(body, chunkEnd - 1, 1), b -> emitted[0] += b.remaining()));
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.details()).containsEntry("SignatureProvided",
                    "ad80c730a21e5b8d04586a2213dd63b9a0e99e0e2307b0ade35a65485a288648");
            assertThat(e.details().get("StringToSign")).startsWith("AWS4-HMAC-SHA256-PAYLOAD\n" + TS + "\n" + SCOPE
                    + "\n4f232c4386841ef735655705268965c44a0e4690baa4adea153f7db9fa80a0a9\n");
            // The decoder stays failed.
            assertThat(catchThrowableOfType(S3Exception.class, decoder::finish)).isSameAs(e);
            assertThat(catchThrowableOfType(S3Exception.class,
                    () -> decoder.feed(ByteBuffer.allocate(1), b -> { }))).isSameAs(e);

            for (Feeding f : Feeding.values()) {
                assertThat(failure(v48(), DECLARED, OBJECT.length, flip(v48Body(), 70_000 - 4000), f).errorCode())
                        .isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
                assertThat(failure(v49Signed(), DECLARED, OBJECT.length, flip(v49SignedBody(), 500), f).errorCode())
                        .isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
            }
        }

        @Test
        void unsignedModeLeavesIntegrityToTheChecksumTrailer() {
            Result r = decode(v49Unsigned(), DECLARED, flip(v49UnsignedBody(), 500));
            assertThat(r.trailers().checksumValue()).isEqualTo("sOO8/Q==")
                    .isNotEqualTo(ChecksumAlgorithm.CRC32C.base64(r.data()));
        }

        @Test
        void flippedSignatures() {
            // A chunk signature.
            byte[] chunk = replace(v47Body(), "chunk-signature=0055627c", "chunk-signature=1055627c");
            assertThat(failure(v47(), List.of(), chunk).errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
            // The final chunk's signature.
            byte[] last = replace(v47Body(), "chunk-signature=b6c6ea8a", "chunk-signature=b6c6ea8b");
            assertThat(failure(v47(), List.of(), last).errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
            // Not hex, or too short.
            byte[] junk = replace(v47Body(), "chunk-signature=0055627c", "chunk-signature=zz55627c");
            S3Exception e = failure(v47(), List.of(), junk);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
            assertThat(e.details().get("SignatureProvided")).startsWith("zz55627c");
            byte[] shortSig = replace(v47Body(), "chunk-signature=0055627c", "chunk-signature=55627c");
            assertThat(failure(v47(), List.of(), shortSig).errorCode())
                    .isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
            // The trailer signature.
            byte[] reordered = replace(v48Body(), "x-amz-trailer-signature:d81f", "x-amz-trailer-signature:d81e");
            S3Exception trailer = failure(v48(), DECLARED, reordered);
            assertThat(trailer.errorCode()).isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
            assertThat(trailer.details().get("StringToSign")).isEqualTo("AWS4-HMAC-SHA256-TRAILER\n" + TS + "\n"
                    + SCOPE + "\n2ca2aba2005185cf7159c6277faf83795951dd77a3a99e6e65d5c9f85863f992\n"
                    + "1e376db7e1a34a8ef1c4bcee131a2d60a1cb62503747488624e10995f448d774");
            // The trailer value changed under a valid signature.
            byte[] value = replace(v49SignedBody(), "sOO8/Q==", "sOO8/Q==x");
            assertThat(failure(v49Signed(), DECLARED, value).errorCode())
                    .isEqualTo(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH);
        }

        @Test
        void wrongDecodedLength() {
            S3Exception more = failure(v47(), List.of(), 66561, v47Body(), Feeding.RANDOM);
            assertThat(more.errorCode()).isEqualTo(S3ErrorCode.INCOMPLETE_BODY);
            assertThat(more.details()).containsEntry("NumberBytesExpected", "66561")
                    .containsEntry("NumberBytesProvided", "66560");
            S3Exception less = failure(v47(), List.of(), 66559, v47Body(), Feeding.RANDOM);
            assertThat(less.errorCode()).isEqualTo(S3ErrorCode.INCOMPLETE_BODY);
            assertThat(failure(v49Unsigned(), DECLARED, 0, v49UnsignedBody(), Feeding.WHOLE).errorCode())
                    .isEqualTo(S3ErrorCode.INCOMPLETE_BODY);
        }

        @Test
        void missingFinalChunk() {
            byte[] v47 = v47Body();
            int end = v47.length - 86; // before "0;chunk-signature=...\r\n\r\n"
            for (int cut : new int[] {end, end - 2, end + 10, 0, 50}) {
                S3Exception e = failure(v47(), List.of(), OBJECT.length, Arrays.copyOf(v47, cut), Feeding.RANDOM);
                assertThat(e.errorCode()).as("cut at %d", cut).isEqualTo(S3ErrorCode.INCOMPLETE_BODY);
            }
            byte[] v49 = v49UnsignedBody();
            S3Exception e = failure(v49Unsigned(), DECLARED, OBJECT.length, Arrays.copyOf(v49, 7 + 66560 + 2),
                    Feeding.WHOLE);
            assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INCOMPLETE_BODY);
            assertThat(e.getMessage()).contains("final 0-length chunk");
        }

        @Test
        void missingOrUnexpectedTrailers() {
            // A declared trailer that never comes.
            S3Exception missing = failure(v49Unsigned(), List.of(CRC32C, "x-amz-checksum-sha256"),
                    v49UnsignedBody());
            assertThat(missing.errorCode()).isEqualTo(S3ErrorCode.MALFORMED_TRAILER_ERROR);
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.getMessage()).contains("x-amz-checksum-sha256");
            byte[] noTrailer = concat("10400\r\n", OBJECT, "\r\n0\r\n\r\n");
            assertThat(failure(v49Unsigned(), DECLARED, noTrailer).errorCode())
                    .isEqualTo(S3ErrorCode.MALFORMED_TRAILER_ERROR);
            // An undeclared one.
            assertThat(failure(v49Unsigned(), List.of("x-amz-checksum-crc32"), v49UnsignedBody()).errorCode())
                    .isEqualTo(S3ErrorCode.MALFORMED_TRAILER_ERROR);
            // Trailer lines where the mode has none.
            byte[] v47WithTrailer = replace(v47Body(), "9df9\r\n\r\n", "9df9\r\nx-amz-checksum-crc32c:sOO8/Q==\r\n\r\n");
            assertThat(failure(v47(), DECLARED, v47WithTrailer).errorCode())
                    .isEqualTo(S3ErrorCode.MALFORMED_TRAILER_ERROR);
            // Twice.
            byte[] twice = replace(v49UnsignedBody(), "sOO8/Q==\r\n", "sOO8/Q==\r\nx-amz-checksum-crc32c:sOO8/Q==\r\n");
            assertThat(failure(v49Unsigned(), DECLARED, twice).errorCode())
                    .isEqualTo(S3ErrorCode.MALFORMED_TRAILER_ERROR);
            // No colon.
            byte[] noColon = replace(v49UnsignedBody(), "x-amz-checksum-crc32c:", "x-amz-checksum-crc32c=");
            assertThat(failure(v49Unsigned(), DECLARED, noColon).errorCode())
                    .isEqualTo(S3ErrorCode.MALFORMED_TRAILER_ERROR);
            // The signed-trailer mode without its signature.
            byte[] unsignedTrailer = replace(v48Body(),
                    "x-amz-trailer-signature:d81f82fc3505edab99d459891051a732e8730629a2e4a59689829ca17fe2e435\r\n", "");
            S3Exception noSig = failure(v48(), DECLARED, unsignedTrailer);
            assertThat(noSig.errorCode()).isEqualTo(S3ErrorCode.MALFORMED_TRAILER_ERROR);
        }

        @Test
        void malformedFraming() {
            // Bad hex size.
            assertFraming(v47(), List.of(), replace(v47Body(), "400;chunk", "4g0;chunk"));
            assertFraming(v47(), List.of(), replace(v47Body(), "400;chunk", ";chunk"));
            assertFraming(v49Unsigned(), DECLARED, replace(v49UnsignedBody(), "10400\r\n", "0x10400\r\n"));
            assertFraming(v49Unsigned(), DECLARED, replace(v49UnsignedBody(), "10400\r\n", "\r\n"));
            // Missing chunk-signature in a signed mode.
            assertFraming(v47(), List.of(), replace(v47Body(), "400;chunk-signature=", "400;chunk-signatur="));
            assertFraming(v47(), List.of(), replace(v47Body(),
                    "400;chunk-signature=0055627c9e194cb4542bae2aa5492e3c1575bbb81b612b7d234b86a503ef5497", "400"));
            // Garbage after the data instead of CRLF.
            byte[] v47 = v47Body();
            byte[] garbage = v47.clone();
            garbage[88 + 65536] = 'x';
            assertFraming(v47(), List.of(), garbage);
            byte[] crOnly = v47.clone();
            crOnly[88 + 65536 + 1] = 'x';
            assertFraming(v47(), List.of(), crOnly);
            // A chunk longer than declared.
            assertFraming(v49Unsigned(), DECLARED, replace(v49UnsignedBody(), "10400\r\n", "10401\r\n"));
            assertFraming(v49Unsigned(), DECLARED, replace(v49UnsignedBody(), "10400\r\n", "fffffffffffffffff\r\n"));
            // Bytes after the end.
            assertFraming(v47(), List.of(), concat(v47, "x"));
            assertFraming(v49Unsigned(), DECLARED, concat(v49UnsignedBody(), "\r\n"));
            // An endless header line.
            assertFraming(v49Unsigned(), DECLARED, concat("1" + "0".repeat(5000)));
        }

        private void assertFraming(PayloadRequirement.Streaming req, List<String> declared, byte[] body) {
            for (Feeding f : Feeding.values()) {
                S3Exception e = failure(req, declared, OBJECT.length, body, f);
                assertThat(e.errorCode()).as(f.toString()).isEqualTo(S3ErrorCode.INCOMPLETE_BODY);
                assertThat(e.status()).isEqualTo(400);
            }
        }

        @Test
        void overlongTrailerLine() {
            byte[] body = replace(v49UnsignedBody(), "sOO8/Q==", "sOO8/Q==" + " ".repeat(5000));
            assertThat(failure(v49Unsigned(), DECLARED, body).errorCode())
                    .isEqualTo(S3ErrorCode.MALFORMED_TRAILER_ERROR);
        }

        @Test
        void constructorArguments() {
            assertThatThrownBy(() -> new AwsChunkedDecoder(v47(), List.of(), -1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new AwsChunkedDecoder(v47(), null, 1)).isInstanceOf(NullPointerException.class);
        }
    }

    // ---- headers

    @Nested
    class Headers {
        @Test
        void validate() {
            TestRequest head = TestRequest.of("PUT", "/b/k")
                    .header("x-amz-decoded-content-length", " 66560 ")
                    .header("x-amz-trailer", "x-amz-checksum-crc32c, X-Amz-Checksum-SHA256")
                    .header("Content-Encoding", "aws-chunked,gzip");
            AwsChunkedHeaders h = AwsChunkedHeaders.validate(head, v48());
            assertThat(h.decodedContentLength()).isEqualTo(66560);
            assertThat(h.declaredTrailers()).containsExactly(CRC32C, "x-amz-checksum-sha256");
            assertThat(h.storedContentEncoding()).isEqualTo("gzip");
            // No trailers in the mode without trailer; aws-chunked alone leaves no encoding.
            AwsChunkedHeaders plain = AwsChunkedHeaders.validate(head.replacing("Content-Encoding", "aws-chunked"),
                    v47());
            assertThat(plain.declaredTrailers()).isEmpty();
            assertThat(plain.storedContentEncoding()).isNull();
            // Content-Encoding is tolerated absent.
            assertThat(AwsChunkedHeaders.validate(head.without("Content-Encoding"), v47()).storedContentEncoding())
                    .isNull();
            assertThat(AwsChunkedHeaders.validate(head.replacing("Content-Encoding", "gzip, AWS-CHUNKED"), v47())
                    .storedContentEncoding()).isEqualTo("gzip");
        }

        @Test
        void decodedContentLengthIsRequired() {
            TestRequest head = TestRequest.of("PUT", "/b/k").header("Content-Encoding", "aws-chunked");
            S3Exception missing = catchThrowableOfType(S3Exception.class,
                    () -> AwsChunkedHeaders.validate(head, v47()));
            assertThat(missing.errorCode()).isEqualTo(S3ErrorCode.MISSING_CONTENT_LENGTH);
            assertThat(missing.status()).isEqualTo(411);
            assertThat(catchThrowableOfType(S3Exception.class, () -> AwsChunkedDecoder.forRequest(head, v47()))
                    .errorCode()).isEqualTo(S3ErrorCode.MISSING_CONTENT_LENGTH);
            for (String bad : new String[] {"", "-1", "1e3", "12345678901234567890", "0x10"}) {
                S3Exception e = catchThrowableOfType(S3Exception.class, () -> AwsChunkedHeaders.validate(
                        head.replacing("x-amz-decoded-content-length", bad), v47()));
                assertThat(e.errorCode()).as(bad).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
            }
        }
    }

    @Test
    void neverShowsTheSigningKey() {
        String key = HexFormat.of().formatHex(signingKey());
        AwsChunkedDecoder decoder = new AwsChunkedDecoder(v48(), DECLARED, OBJECT.length);
        assertThat(decoder.toString()).doesNotContain(key);
        assertThat(new ChunkSignatureChain(v48()).toString()).doesNotContain(key);
        S3Exception e = failure(v48(), DECLARED, flip(v48Body(), 100));
        for (String v : e.details().values()) {
            assertThat(v).doesNotContain(key).doesNotContain(TestKeys.SK);
        }
        assertThat(e.getMessage()).doesNotContain(key);
    }
}
