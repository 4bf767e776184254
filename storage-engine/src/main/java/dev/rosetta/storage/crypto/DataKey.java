package dev.rosetta.storage.crypto;

import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key one blob's bytes are encrypted with: 256 random bits and a random 16-byte initial counter block,
 * used with AES-256-CTR, so that byte {@code n} of the plaintext is byte {@code n} of the file and a read can
 * start anywhere ({@link #cipherAt}). Made fresh for every blob and every inline body (never reused for other
 * bytes); a copy that keeps the same ciphertext keeps the same data key under another {@link Envelope}.
 * Never printed.
 */
public final class DataKey {
    public static final int KEY_BYTES = 32;
    public static final int IV_BYTES = 16;
    static final String CTR = "AES/CTR/NoPadding";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final BigInteger COUNTER_SPACE = BigInteger.ONE.shiftLeft(128);

    private final byte[] key;
    private final byte[] iv;
    private final Envelope envelope;

    DataKey(byte[] key, byte[] iv, Envelope envelope) {
        if (key.length != KEY_BYTES || iv.length != IV_BYTES) {
            throw new IllegalArgumentException("a data key has " + KEY_BYTES + " key and " + IV_BYTES + " IV bytes");
        }
        this.key = key.clone();
        this.iv = iv.clone();
        this.envelope = Objects.requireNonNull(envelope, "envelope");
    }

    static byte[] randomKey() {
        byte[] k = new byte[KEY_BYTES];
        RANDOM.nextBytes(k);
        return k;
    }

    static byte[] randomIv() {
        byte[] v = new byte[IV_BYTES];
        RANDOM.nextBytes(v);
        return v;
    }

    byte[] keyBytes() {
        return key.clone();
    }

    byte[] ivBytes() {
        return iv.clone();
    }

    /** How this key is stored with its blob. */
    public Envelope envelope() {
        return envelope;
    }

    /**
     * A fresh AES-256-CTR cipher positioned at byte {@code position} of the stream: the counter block is the
     * IV plus {@code position / 16}, and {@code position % 16} key-stream bytes are skipped. Encrypts and
     * decrypts alike; its {@code update} returns as many bytes as it is given.
     */
    public Cipher cipherAt(long position) {
        if (position < 0) {
            throw new IllegalArgumentException("negative position " + position);
        }
        try {
            Cipher c = Cipher.getInstance(CTR);
            c.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(counter(position >>> 4)));
            int skip = (int) (position & 15);
            if (skip > 0) {
                c.update(new byte[skip]);
            }
            return c;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CTR unavailable", e);
        }
    }

    /** The IV plus {@code blocks}, as a 128-bit big-endian counter (wrapping as the cipher's own counter does). */
    private byte[] counter(long blocks) {
        if (blocks == 0) {
            return iv.clone();
        }
        byte[] sum = new BigInteger(1, iv).add(BigInteger.valueOf(blocks)).mod(COUNTER_SPACE).toByteArray();
        byte[] out = new byte[IV_BYTES];
        int n = Math.min(sum.length, IV_BYTES);
        System.arraycopy(sum, sum.length - n, out, IV_BYTES - n, n);
        return out;
    }

    /** Encrypts (or decrypts) {@code length} bytes of {@code src} from {@code offset}, which sit at stream position {@code position}. */
    public byte[] crypt(byte[] src, int offset, int length, long position) {
        Cipher c = cipherAt(position);
        byte[] out = new byte[length];
        try {
            int n = c.update(src, offset, length, out, 0);
            if (n != length) {
                throw new IllegalStateException("CTR cipher returned " + n + " of " + length + " bytes");
            }
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    /** Runs every remaining byte of {@code in} through {@code cipher} into {@code out} (which must have room). */
    public static void update(Cipher cipher, ByteBuffer in, ByteBuffer out) {
        int n = in.remaining();
        try {
            int written = cipher.update(in, out);
            if (written != n) {
                throw new IllegalStateException("CTR cipher returned " + written + " of " + n + " bytes");
            }
        } catch (ShortBufferException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Overwrites the key bytes held here (best effort). */
    public void destroy() {
        Arrays.fill(key, (byte) 0);
    }

    @Override
    public String toString() {
        return "DataKey[" + envelope + "]";
    }
}
