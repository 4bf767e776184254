package dev.rosetta.auth.v4;

import dev.rosetta.auth.PayloadRequirement.Streaming;
import dev.rosetta.auth.crypto.Hex;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;

/** Classifies the {@code x-amz-content-sha256} header (dialects.md §2.5). */
public final class ContentSha256 {
    public static final String HEADER = "x-amz-content-sha256";
    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    static final String SIGV4A_PAYLOAD = "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD";
    static final String SIGV4A_PAYLOAD_TRAILER = "STREAMING-AWS4-ECDSA-P256-SHA256-PAYLOAD-TRAILER";
    static final String EVENTS = "STREAMING-AWS4-HMAC-SHA256-EVENTS";

    private ContentSha256() {
    }

    /** What the header value announces. */
    public enum Kind {
        /** 64 hex digits: the SHA-256 of the whole body. */
        SHA256,
        /** {@code UNSIGNED-PAYLOAD}. */
        UNSIGNED,
        /** One of the three supported {@code STREAMING-*} markers. */
        STREAMING
    }

    /**
     * @param value the header value (trimmed), or null when absent
     * @throws S3Exception {@code 400 InvalidRequest} when absent or a SigV4a / event-stream marker;
     *                     {@code 400 InvalidArgument} when not a recognised value
     */
    public static Kind classify(String value) {
        if (value == null) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                    "Missing required header for this request: x-amz-content-sha256");
        }
        if (Hex.isHex(value, 64)) {
            return Kind.SHA256;
        }
        switch (value) {
            case UNSIGNED_PAYLOAD:
                return Kind.UNSIGNED;
            case Streaming.STREAMING_SIGNED:
            case Streaming.STREAMING_SIGNED_TRAILER:
            case Streaming.STREAMING_UNSIGNED_TRAILER:
                return Kind.STREAMING;
            case SIGV4A_PAYLOAD:
            case SIGV4A_PAYLOAD_TRAILER:
                throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                        "The SigV4a payload signing mode " + value + " is not supported.");
            case EVENTS:
                throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                        "The payload signing mode " + value + " is not supported for this request.");
            default:
                throw S3Exception.invalidArgument("x-amz-content-sha256 must be UNSIGNED-PAYLOAD,"
                        + " STREAMING-UNSIGNED-PAYLOAD-TRAILER, STREAMING-AWS4-HMAC-SHA256-PAYLOAD,"
                        + " STREAMING-AWS4-HMAC-SHA256-PAYLOAD-TRAILER or a valid sha256 value.", HEADER, value);
        }
    }
}
