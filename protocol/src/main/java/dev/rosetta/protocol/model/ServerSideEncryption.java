package dev.rosetta.protocol.model;

/**
 * The server-side-encryption request headers of an object or upload. The customer key itself is
 * never stored: only its algorithm and MD5, which later requests must match.
 *
 * @param algorithm        {@code AES256}, {@code aws:kms} or {@code aws:kms:dsse} (OBS {@code kms} and COS
 *                         {@code cos/kms} are read as {@code aws:kms}); null when not asked
 * @param kmsKeyId         the KMS key id, or null (the default key, once stored: the key actually used)
 * @param kmsContext       the base64 JSON encryption context, or null
 * @param bucketKeyEnabled the bucket-key flag, or null when not sent
 * @param customerAlgorithm SSE-C algorithm ({@code AES256}), or null
 * @param customerKeyMd5   base64 MD5 of the SSE-C key, or null
 */
public record ServerSideEncryption(String algorithm, String kmsKeyId, String kmsContext, Boolean bucketKeyEnabled,
                                   String customerAlgorithm, String customerKeyMd5) {

    /** SSE-C: the object is encrypted with a key every read must present. */
    public boolean isCustomerKey() {
        return customerKeyMd5 != null;
    }

    /** SSE-KMS (also dual-layer). */
    public boolean isKms() {
        return "aws:kms".equals(algorithm) || "aws:kms:dsse".equals(algorithm);
    }

    /** SSE-S3: server-managed keys. */
    public boolean isS3Managed() {
        return "AES256".equals(algorithm);
    }

    /** This encryption with another KMS key id. */
    public ServerSideEncryption withKmsKeyId(String keyId) {
        return new ServerSideEncryption(algorithm, keyId, kmsContext, bucketKeyEnabled, customerAlgorithm,
                customerKeyMd5);
    }

    public boolean isEmpty() {
        return algorithm == null && kmsKeyId == null && kmsContext == null && bucketKeyEnabled == null
                && customerAlgorithm == null && customerKeyMd5 == null;
    }
}
