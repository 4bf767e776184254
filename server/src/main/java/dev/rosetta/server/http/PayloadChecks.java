package dev.rosetta.server.http;

import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.chunked.AwsChunkedDecoder;
import dev.rosetta.auth.chunked.Trailers;
import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import dev.rosetta.server.body.ChecksumRequest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Checks a whole (small) document body against what the request promised: aws-chunked framing and
 * signatures, the signed SHA-256 of SigV4, the Content-MD5 header and a flexible checksum
 * ({@code x-amz-checksum-*} header or trailer). Streamed bodies are checked while they stream, by
 * {@code body.StreamingBody}.
 */
public final class PayloadChecks {
    private PayloadChecks() {
    }

    /**
     * Checks a whole body and returns it decoded: an aws-chunked body has its framing, chunk signatures
     * and trailer checked and removed; any other body is returned as it is.
     */
    public static byte[] verify(RequestHead head, PayloadRequirement payload, byte[] body) {
        if (payload instanceof PayloadRequirement.Streaming streaming) {
            AwsChunkedDecoder decoder = AwsChunkedDecoder.forRequest(head, streaming);
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
            decoder.feed(ByteBuffer.wrap(body), b -> {
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.writeBytes(chunk);
            });
            Trailers trailers = decoder.finish();
            byte[] decoded = out.toByteArray();
            checkContentMd5(head.header("content-md5"), decoded);
            checkChecksum(head, trailers, decoded);
            return decoded;
        }
        checkContentMd5(head.header("content-md5"), body);
        checkChecksum(head, null, body);
        if (payload instanceof PayloadRequirement.Sha256 sha) {
            String computed = HexFormat.of().formatHex(digest("SHA-256", body));
            if (!MessageDigest.isEqual(computed.getBytes(), sha.hex().getBytes())) {
                throw new S3Exception(S3ErrorCode.X_AMZ_CONTENT_SHA256_MISMATCH)
                        .with("ClientComputedContentSHA256", sha.hex())
                        .with("S3ComputedContentSHA256", computed);
            }
        }
        return body;
    }

    /** InvalidDigest when the header is not a base64 MD5, BadDigest when it does not match. */
    public static void checkContentMd5(String contentMd5, byte[] body) {
        if (contentMd5 == null) {
            return;
        }
        byte[] expected = decodeMd5(contentMd5);
        if (!MessageDigest.isEqual(expected, digest("MD5", body))) {
            throw new S3Exception(S3ErrorCode.BAD_DIGEST).with("ExpectedDigest", contentMd5.trim());
        }
    }

    /**
     * BadDigest when the body does not match the flexible checksum the request sent (as a header, or as
     * a trailer of an aws-chunked body). CompleteMultipartUpload is exempt: its {@code x-amz-checksum-*}
     * headers are the whole object's checksum, not its XML body's.
     *
     * @param trailers the aws-chunked trailers, or null for a body without framing
     */
    public static void checkChecksum(RequestHead head, Trailers trailers, byte[] body) {
        if (head.method().equals("POST") && head.query().has("uploadId")) {
            return;
        }
        ChecksumRequest request = ChecksumRequest.of(head);
        ChecksumAlgorithm algorithm = request.algorithm();
        if (algorithm == null) {
            return;
        }
        String expected = request.headerValue();
        if (request.fromTrailer() && trailers != null) {
            expected = trailers.get(algorithm.headerName());
            if (expected == null) {
                throw new S3Exception(S3ErrorCode.MALFORMED_TRAILER_ERROR);
            }
        }
        if (expected != null && !expected.strip().equals(algorithm.base64(body))) {
            throw new S3Exception(S3ErrorCode.BAD_DIGEST, "The " + algorithm.name()
                    + " you specified did not match the calculated checksum.");
        }
    }

    /** The 16 bytes of a Content-MD5 header; InvalidDigest when it is not base64 of 16 bytes. */
    public static byte[] decodeMd5(String contentMd5) {
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(contentMd5.trim());
        } catch (IllegalArgumentException e) {
            expected = null;
        }
        if (expected == null || expected.length != 16) {
            throw new S3Exception(S3ErrorCode.INVALID_DIGEST).with("Content-MD5", contentMd5);
        }
        return expected;
    }

    private static byte[] digest(String algorithm, byte[] body) {
        try {
            return MessageDigest.getInstance(algorithm).digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
