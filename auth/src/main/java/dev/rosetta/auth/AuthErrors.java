package dev.rosetta.auth;

import dev.rosetta.auth.crypto.Hex;
import dev.rosetta.auth.time.HttpDates;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** The S3Exceptions the verifiers share. None ever carries a secret. */
public final class AuthErrors {
    private AuthErrors() {
    }

    /** {@code 403 InvalidAccessKeyId} with the AWSAccessKeyId element. */
    public static S3Exception invalidAccessKeyId(String accessKey) {
        return new S3Exception(S3ErrorCode.INVALID_ACCESS_KEY_ID).with("AWSAccessKeyId", accessKey);
    }

    /** {@code 403 SignatureDoesNotMatch} with AWSAccessKeyId, StringToSign, SignatureProvided, StringToSignBytes. */
    public static S3Exception signatureDoesNotMatch(String accessKey, String stringToSign, String signatureProvided) {
        return new S3Exception(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH)
                .with("AWSAccessKeyId", accessKey)
                .with("StringToSign", stringToSign)
                .with("SignatureProvided", signatureProvided)
                .with("StringToSignBytes", Hex.spacedBytes(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    /** As {@link #signatureDoesNotMatch(String, String, String)} plus CanonicalRequest and CanonicalRequestBytes (V4). */
    public static S3Exception signatureDoesNotMatch(String accessKey, String stringToSign, String signatureProvided,
            String canonicalRequest) {
        return signatureDoesNotMatch(accessKey, stringToSign, signatureProvided)
                .with("CanonicalRequest", canonicalRequest)
                .with("CanonicalRequestBytes",
                        Hex.spacedBytes(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * {@code 403 SignatureDoesNotMatch} for an aws-chunked chunk or trailer signature: StringToSign,
     * SignatureProvided, StringToSignBytes (the decoder does not know the access key).
     */
    public static S3Exception chunkSignatureDoesNotMatch(String stringToSign, String signatureProvided) {
        return new S3Exception(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH)
                .with("StringToSign", stringToSign)
                .with("SignatureProvided", signatureProvided)
                .with("StringToSignBytes", Hex.spacedBytes(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * {@code 403 AccessDenied} "Request has expired" for a presigned URL, with S3's elements:
     * {@code X-Amz-Expires} (V4 only; null to omit), {@code Expires} and {@code ServerTime} (ISO 8601).
     */
    public static S3Exception requestExpired(String xAmzExpires, Instant expiresAt, Instant now) {
        return new S3Exception(S3ErrorCode.ACCESS_DENIED, "Request has expired")
                .with("X-Amz-Expires", xAmzExpires)
                .with("Expires", HttpDates.formatIsoExtended(expiresAt))
                .with("ServerTime", HttpDates.formatIsoExtended(now));
    }
}
