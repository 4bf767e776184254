package dev.rosetta.storage.crypto;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A key that wraps data keys: the SSE-C customer key of a request, the server's master key (SSE-S3), or a
 * named KMS key with its encryption context (SSE-KMS). A wrapped data key is
 * {@code 01 || nonce (12) || AES-256-GCM(data key) (32) || tag (16)}, with the scheme, key id, context and the
 * blob's IV as additional authenticated data: a wrapped key opens only under the same key, for the same
 * scheme, id and context, and with its own IV.
 */
public final class KeyEncryptionKey {
    private static final byte WRAP_VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    static final int WRAPPED_BYTES = 1 + NONCE_BYTES + DataKey.KEY_BYTES + TAG_BITS / 8;
    private static final byte[] AAD_LABEL = "rosetta-sse/v1".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Envelope.Scheme scheme;
    private final String keyId;
    private final String context;
    private final SecretKeySpec key;

    KeyEncryptionKey(Envelope.Scheme scheme, String keyId, String context, byte[] key) {
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.keyId = Objects.requireNonNull(keyId, "keyId");
        this.context = context;
        if (key.length != 32) {
            throw new IllegalArgumentException("a key-encryption key has 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    /** The SSE-C key a request presented; {@code keyMd5} is its base64 MD5 (the key id of its envelopes). */
    public static KeyEncryptionKey customer(byte[] key, String keyMd5) {
        return new KeyEncryptionKey(Envelope.Scheme.CUSTOMER, keyMd5, null, key);
    }

    public Envelope.Scheme scheme() {
        return scheme;
    }

    public String keyId() {
        return keyId;
    }

    public String context() {
        return context;
    }

    /** A new random data key for one blob or inline body, wrapped by this key. */
    public DataKey newDataKey() {
        byte[] k = DataKey.randomKey();
        try {
            return seal(k, DataKey.randomIv());
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    /** The same data key (same ciphertext stays readable) wrapped by this key instead: for copies. */
    public DataKey reseal(DataKey dataKey) {
        byte[] k = dataKey.keyBytes();
        try {
            return seal(k, dataKey.ivBytes());
        } finally {
            Arrays.fill(k, (byte) 0);
        }
    }

    private DataKey seal(byte[] dataKey, byte[] iv) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(aad(scheme, keyId, context, iv));
            byte[] sealed = gcm.doFinal(dataKey);
            ByteBuffer out = ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length);
            out.put(WRAP_VERSION).put(nonce).put(sealed);
            return new DataKey(dataKey, iv, new Envelope(scheme, keyId, context, out.array(), iv));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM unavailable", e);
        }
    }

    /**
     * Unwraps an envelope's data key.
     *
     * @throws WrongKeyException when the envelope was not sealed by this key (other scheme, id or context, or
     *                           the authentication tag does not verify)
     */
    public DataKey open(Envelope envelope) {
        if (envelope.scheme() != scheme || !envelope.keyId().equals(keyId)
                || !Objects.equals(envelope.context(), context)) {
            throw new WrongKeyException("envelope " + envelope + " is not sealed by " + this);
        }
        byte[] wrapped = envelope.wrappedKey();
        if (wrapped.length != WRAPPED_BYTES || wrapped[0] != WRAP_VERSION) {
            throw new WrongKeyException("unknown wrapped-key layout in " + envelope);
        }
        byte[] iv = envelope.iv();
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, wrapped, 1, NONCE_BYTES));
            gcm.updateAAD(aad(scheme, keyId, context, iv));
            byte[] dataKey = gcm.doFinal(wrapped, 1 + NONCE_BYTES, wrapped.length - 1 - NONCE_BYTES);
            try {
                return new DataKey(dataKey, iv, envelope);
            } finally {
                Arrays.fill(dataKey, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new WrongKeyException("the data key of " + envelope + " does not open with " + this);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM unavailable", e);
        }
    }

    /** Wraps arbitrary bytes (the KMS key store's keys under the master key), bound to {@code label}. */
    byte[] wrapSecret(byte[] secret, String label) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            gcm.updateAAD(label.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = gcm.doFinal(secret);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(WRAP_VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM unavailable", e);
        }
    }

    /** @throws WrongKeyException when {@code wrapped} was not made by {@link #wrapSecret} with this key and label */
    byte[] unwrapSecret(byte[] wrapped, String label) {
        if (wrapped.length < 1 + NONCE_BYTES + TAG_BITS / 8 || wrapped[0] != WRAP_VERSION) {
            throw new WrongKeyException("unknown wrapped-secret layout");
        }
        try {
            Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
            gcm.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, wrapped, 1, NONCE_BYTES));
            gcm.updateAAD(label.getBytes(StandardCharsets.UTF_8));
            return gcm.doFinal(wrapped, 1 + NONCE_BYTES, wrapped.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new WrongKeyException("secret '" + label + "' does not open with " + this);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-GCM unavailable", e);
        }
    }

    private static byte[] aad(Envelope.Scheme scheme, String keyId, String context, byte[] iv) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        field(out, AAD_LABEL);
        field(out, scheme.name().getBytes(StandardCharsets.US_ASCII));
        field(out, keyId.getBytes(StandardCharsets.UTF_8));
        field(out, context == null ? new byte[0] : context.getBytes(StandardCharsets.UTF_8));
        out.write(context == null ? 0 : 1);
        field(out, iv);
        return out.toByteArray();
    }

    private static void field(ByteArrayOutputStream out, byte[] value) {
        out.write(value.length >>> 24);
        out.write(value.length >>> 16);
        out.write(value.length >>> 8);
        out.write(value.length);
        out.write(value, 0, value.length);
    }

    @Override
    public String toString() {
        return "KeyEncryptionKey[" + scheme + ", " + keyId + (context == null ? "" : ", context") + "]";
    }
}
