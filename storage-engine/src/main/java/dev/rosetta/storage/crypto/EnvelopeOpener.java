package dev.rosetta.storage.crypto;

/**
 * Gives the data key of an envelope, with whatever key-encryption keys one request may use (the customer key
 * it presented, the master key, the KMS key store). Readers of object bodies call it once per encrypted blob.
 */
@FunctionalInterface
public interface EnvelopeOpener {
    /** For bodies known to be unencrypted: asking it for a key is a bug. */
    EnvelopeOpener NONE = envelope -> {
        throw new IllegalStateException("no key to open " + envelope);
    };

    /**
     * @throws RuntimeException what the request should be answered when the key is missing or wrong
     *                          (the server's opener throws S3 errors)
     */
    DataKey open(Envelope envelope);
}
