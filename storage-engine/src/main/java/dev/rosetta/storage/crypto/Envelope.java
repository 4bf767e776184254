package dev.rosetta.storage.crypto;

import java.util.Arrays;
import java.util.Objects;

/**
 * How one encrypted blob (or inline body) is to be read: its data key wrapped by a key-encryption key, the
 * initial counter block of its AES-256-CTR stream, and which key-encryption key that is. Stored with the
 * blob's reference in the object, part and manifest records; holds no secret (the data key is wrapped with
 * AES-256-GCM, bound to scheme, key id, context and IV).
 *
 * @param scheme     which kind of key wraps the data key
 * @param keyId      {@link Scheme#CUSTOMER}: the base64 MD5 of the customer key; {@link Scheme#MASTER}: the
 *                   master key's fingerprint; {@link Scheme#KMS}: the KMS key id
 * @param context    the KMS encryption context as sent (base64 JSON), else null
 * @param wrappedKey the wrapped data key ({@link KeyEncryptionKey} layout)
 * @param iv         the 16-byte initial counter block
 */
public record Envelope(Scheme scheme, String keyId, String context, byte[] wrappedKey, byte[] iv) {
    /** The body cipher every envelope so far describes. */
    public static final String CIPHER = "AES256-CTR";

    /** The kinds of key-encryption key. Stored by name: never rename a constant. */
    public enum Scheme {
        /** SSE-C: the key the client presents with every request; never stored. */
        CUSTOMER,
        /** SSE-S3: the server's master key. */
        MASTER,
        /** SSE-KMS: a named key of the local key store. */
        KMS
    }

    public Envelope {
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(wrappedKey, "wrappedKey");
        Objects.requireNonNull(iv, "iv");
        if (iv.length != DataKey.IV_BYTES) {
            throw new IllegalArgumentException("an envelope's IV has " + DataKey.IV_BYTES + " bytes, not " + iv.length);
        }
        wrappedKey = wrappedKey.clone();
        iv = iv.clone();
    }

    @Override
    public byte[] wrappedKey() {
        return wrappedKey.clone();
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Envelope e && scheme == e.scheme && keyId.equals(e.keyId)
                && Objects.equals(context, e.context) && Arrays.equals(wrappedKey, e.wrappedKey)
                && Arrays.equals(iv, e.iv);
    }

    @Override
    public int hashCode() {
        return Objects.hash(scheme, keyId, context, Arrays.hashCode(wrappedKey), Arrays.hashCode(iv));
    }

    @Override
    public String toString() {
        return "Envelope[" + scheme + ", " + keyId + (context == null ? "" : ", context") + "]";
    }
}
