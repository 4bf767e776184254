package dev.rosetta.server.http;

import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Checks a whole (small) body against what the request promised: the signed SHA-256 of SigV4 and
 * the Content-MD5 header. Streaming bodies are checked while they stream, elsewhere.
 */
public final class PayloadChecks {
    private PayloadChecks() {
    }

    public static void verify(RequestHead head, PayloadRequirement payload, byte[] body) {
        checkContentMd5(head.header("content-md5"), body);
        if (payload instanceof PayloadRequirement.Sha256 sha) {
            String computed = HexFormat.of().formatHex(digest("SHA-256", body));
            if (!MessageDigest.isEqual(computed.getBytes(), sha.hex().getBytes())) {
                throw new S3Exception(S3ErrorCode.X_AMZ_CONTENT_SHA256_MISMATCH)
                        .with("ClientComputedContentSHA256", sha.hex())
                        .with("S3ComputedContentSHA256", computed);
            }
        } else if (payload instanceof PayloadRequirement.Streaming) {
            throw new S3Exception(S3ErrorCode.NOT_IMPLEMENTED,
                    "aws-chunked request bodies are not accepted for this operation.");
        }
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
