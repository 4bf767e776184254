package dev.rosetta.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Data keys (AES-256-CTR seekable at any byte) and their wrapping (AES-256-GCM bound to scheme, id, context, IV). */
class EnvelopeEncryptionTest {
    static final byte[] KEY = bytes(32, 1);
    static final KeyEncryptionKey CUSTOMER = KeyEncryptionKey.customer(KEY, "md5-of-key");

    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 15, 16, 17, 4095, 65_537, 1_000_003})
    void aCipherStartedAtAnyOffsetContinuesTheWholeStream(long offset) throws Exception {
        DataKey key = CUSTOMER.newDataKey();
        byte[] plain = bytes(1_100_000, 7);
        byte[] whole = key.crypt(plain, 0, plain.length, 0);
        int n = (int) Math.min(70_000, plain.length - offset);
        byte[] part = key.crypt(plain, (int) offset, n, offset);
        assertThat(part).isEqualTo(Arrays.copyOfRange(whole, (int) offset, (int) offset + n));
        // and it decrypts: CTR is its own inverse
        assertThat(key.cipherAt(offset).update(part)).isEqualTo(Arrays.copyOfRange(plain, (int) offset, (int) offset + n));
    }

    @Test
    void theCounterCarriesAcrossTheLowBytesOfTheIv() throws Exception {
        // an IV whose low 64 bits are all ones: block n must be IV + n as a 128-bit number, like the JCE counter
        byte[] iv = new byte[16];
        Arrays.fill(iv, 8, 16, (byte) 0xFF);
        DataKey key = new DataKey(KEY, iv, new Envelope(Envelope.Scheme.MASTER, "m", null, new byte[61], iv));
        byte[] plain = bytes(64, 3);
        Cipher reference = Cipher.getInstance("AES/CTR/NoPadding");
        reference.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(KEY, "AES"), new IvParameterSpec(iv));
        byte[] expected = reference.doFinal(plain);
        assertThat(key.crypt(plain, 32, 32, 32)).isEqualTo(Arrays.copyOfRange(expected, 32, 64));
    }

    @Test
    void ciphertextIsNotThePlaintext() {
        byte[] plain = "a distinctive plaintext marker, repeated, repeated".getBytes(StandardCharsets.UTF_8);
        DataKey key = CUSTOMER.newDataKey();
        byte[] sealed = key.crypt(plain, 0, plain.length, 0);
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("distinctive");
        assertThat(CUSTOMER.newDataKey().crypt(plain, 0, plain.length, 0)).isNotEqualTo(sealed);
    }

    @Test
    void anEnvelopeOpensWithItsKeyOnly() {
        DataKey key = CUSTOMER.newDataKey();
        Envelope e = key.envelope();
        assertThat(e.scheme()).isEqualTo(Envelope.Scheme.CUSTOMER);
        assertThat(e.keyId()).isEqualTo("md5-of-key");
        assertThat(e.wrappedKey()).hasSize(KeyEncryptionKey.WRAPPED_BYTES);
        byte[] plain = bytes(100, 9);
        byte[] sealed = key.crypt(plain, 0, 100, 0);
        assertThat(CUSTOMER.open(e).crypt(sealed, 0, 100, 0)).isEqualTo(plain);

        KeyEncryptionKey otherKey = KeyEncryptionKey.customer(bytes(32, 2), "md5-of-key");
        assertThatThrownBy(() -> otherKey.open(e)).isInstanceOf(WrongKeyException.class);
        KeyEncryptionKey otherId = KeyEncryptionKey.customer(KEY, "another-md5");
        assertThatThrownBy(() -> otherId.open(e)).isInstanceOf(WrongKeyException.class);
    }

    @Test
    void theContextAndTheIvAreBoundIntoTheWrap() {
        KeyEncryptionKey kms = new KeyEncryptionKey(Envelope.Scheme.KMS, "alias/k", "eyJhIjoiYiJ9", KEY);
        Envelope e = kms.newDataKey().envelope();
        assertThat(e.context()).isEqualTo("eyJhIjoiYiJ9");
        assertThat(kms.open(e)).isNotNull();
        KeyEncryptionKey otherContext = new KeyEncryptionKey(Envelope.Scheme.KMS, "alias/k", "e30=", KEY);
        assertThatThrownBy(() -> otherContext.open(e)).isInstanceOf(WrongKeyException.class);
        // a record edited to claim another context (or IV) no longer opens
        Envelope forged = new Envelope(e.scheme(), e.keyId(), "e30=", e.wrappedKey(), e.iv());
        assertThatThrownBy(() -> otherContext.open(forged)).isInstanceOf(WrongKeyException.class);
        byte[] iv = e.iv();
        iv[15] ^= 1;
        Envelope otherIv = new Envelope(e.scheme(), e.keyId(), e.context(), e.wrappedKey(), iv);
        assertThatThrownBy(() -> kms.open(otherIv)).isInstanceOf(WrongKeyException.class);
        // a KMS key never opens a master-key envelope, even with the same bytes
        KeyEncryptionKey master = new KeyEncryptionKey(Envelope.Scheme.MASTER, "alias/k", null, KEY);
        assertThatThrownBy(() -> master.open(new Envelope(Envelope.Scheme.MASTER, "alias/k", null, e.wrappedKey(),
                e.iv()))).isInstanceOf(WrongKeyException.class);
    }

    @Test
    void resealingKeepsTheDataKeySoTheSameCiphertextReads() {
        DataKey key = CUSTOMER.newDataKey();
        byte[] plain = bytes(1000, 11);
        byte[] sealed = key.crypt(plain, 0, plain.length, 0);
        KeyEncryptionKey kms = new KeyEncryptionKey(Envelope.Scheme.KMS, "k2", null, bytes(32, 5));
        DataKey moved = kms.reseal(CUSTOMER.open(key.envelope()));
        assertThat(moved.envelope().scheme()).isEqualTo(Envelope.Scheme.KMS);
        assertThat(moved.envelope().iv()).isEqualTo(key.envelope().iv());
        assertThat(kms.open(moved.envelope()).crypt(sealed, 0, sealed.length, 0)).isEqualTo(plain);
    }

    @Test
    void nothingSecretIsPrinted() {
        DataKey key = CUSTOMER.newDataKey();
        assertThat(key.toString()).doesNotContain(java.util.Base64.getEncoder().encodeToString(KEY));
        assertThat(CUSTOMER.toString()).contains("CUSTOMER").doesNotContain("[B@");
    }
}
