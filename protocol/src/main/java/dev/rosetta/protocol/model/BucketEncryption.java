package dev.rosetta.protocol.model;

import java.util.Objects;

/**
 * A bucket's default encryption (PutBucketEncryption): what an object written without encryption headers is
 * encrypted with.
 *
 * @param algorithm        {@code AES256}, {@code aws:kms} or {@code aws:kms:dsse} (internal names)
 * @param kmsKeyId         the KMS key id for a KMS algorithm, or null (the default key)
 * @param bucketKeyEnabled the bucket-key flag as configured, or null when not given
 */
public record BucketEncryption(String algorithm, String kmsKeyId, Boolean bucketKeyEnabled) {
    public BucketEncryption {
        Objects.requireNonNull(algorithm, "algorithm");
    }

    /** The encryption a request asks for when it asks for this one by its headers. */
    public ServerSideEncryption asRequested() {
        return new ServerSideEncryption(algorithm, kmsKeyId, null, bucketKeyEnabled, null, null);
    }
}
