package dev.rosetta.storage.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyRingTest {
    @TempDir
    Path dir;

    @Test
    void theMasterKeyIsGeneratedOnceOwnerOnlyAndReused() throws Exception {
        KeyRing first = KeyRing.open(dir, null, true, List.of());
        Path file = dir.resolve(KeyRing.MASTER_KEY_FILE);
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).strip())).hasSize(32);
        DataKey key = first.master().newDataKey();

        KeyRing again = KeyRing.open(dir, null, true, List.of());
        assertThat(again.masterKeyId()).isEqualTo(first.masterKeyId());
        assertThat(again.forEnvelope(key.envelope()).open(key.envelope())).isNotNull();
    }

    @Test
    void aConfiguredMasterKeyMayBeRawBase64OrHex() throws Exception {
        byte[] key = EnvelopeEncryptionTest.bytes(32, 42);
        Path raw = Files.write(dir.resolve("raw.key"), key);
        Path b64 = Files.writeString(dir.resolve("b64.key"), Base64.getEncoder().encodeToString(key) + "\n");
        Path hex = Files.writeString(dir.resolve("hex.key"), HexFormat.of().formatHex(key));
        Path data = Files.createDirectories(dir.resolve("data"));
        String id = KeyRing.open(data, raw, true, List.of()).masterKeyId();
        assertThat(KeyRing.open(data, b64, true, List.of()).masterKeyId()).isEqualTo(id);
        assertThat(KeyRing.open(data, hex, true, List.of()).masterKeyId()).isEqualTo(id);
        assertThat(data.resolve(KeyRing.MASTER_KEY_FILE)).doesNotExist();

        Path bad = Files.writeString(dir.resolve("bad.key"), "too short");
        assertThatThrownBy(() -> KeyRing.open(data, bad, true, List.of())).isInstanceOf(StorageException.class)
                .hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> KeyRing.open(data, dir.resolve("missing"), true, List.of()))
                .isInstanceOf(StorageException.class).hasMessageContaining("not found");
    }

    @Test
    void anotherMasterKeyIsReportedAsSuch() throws Exception {
        Path a = Files.write(dir.resolve("a.key"), EnvelopeEncryptionTest.bytes(32, 1));
        Path b = Files.write(dir.resolve("b.key"), EnvelopeEncryptionTest.bytes(32, 2));
        Path dataA = Files.createDirectories(dir.resolve("a"));
        Path dataB = Files.createDirectories(dir.resolve("b"));
        Envelope e = KeyRing.open(dataA, a, true, List.of()).master().newDataKey().envelope();
        assertThatThrownBy(() -> KeyRing.open(dataB, b, true, List.of()).forEnvelope(e))
                .isInstanceOf(WrongKeyException.class).hasMessageContaining("master key");
    }

    @Test
    void kmsKeysAreCreatedOnFirstUseAndSurviveAReopen() throws Exception {
        KeyRing ring = KeyRing.open(dir, null, true, List.of());
        KeyEncryptionKey k = ring.kmsForWrite("arn:aws:kms:us-east-1:111122223333:key/1234 abc", "e30=");
        Envelope e = k.newDataKey().envelope();
        assertThat(e.keyId()).isEqualTo("arn:aws:kms:us-east-1:111122223333:key/1234 abc");
        assertThat(ring.kmsForWrite(null, null).keyId()).isEqualTo(KeyRing.DEFAULT_KMS_KEY_ID);
        Path store = dir.resolve(KeyRing.KMS_KEYS_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(store))).isEqualTo("rw-------");

        KeyRing reopened = KeyRing.open(dir, null, false, List.of());
        assertThat(reopened.kmsKeyIds()).containsExactlyInAnyOrder(KeyRing.DEFAULT_KMS_KEY_ID,
                "arn:aws:kms:us-east-1:111122223333:key/1234 abc");
        assertThat(reopened.forEnvelope(e).open(e)).isNotNull();
    }

    @Test
    void kmsKeysAreStoredWrappedByTheMasterKey() throws Exception {
        KeyRing ring = KeyRing.open(dir, null, true, List.of());
        ring.kmsForWrite("k1", null);
        String store = Files.readString(dir.resolve(KeyRing.KMS_KEYS_FILE), StandardCharsets.US_ASCII);
        assertThat(store).doesNotContain("k1"); // ids base64url, keys wrapped
        Files.delete(dir.resolve(KeyRing.MASTER_KEY_FILE)); // a new master key is generated...
        assertThatThrownBy(() -> KeyRing.open(dir, null, true, List.of()))
                .isInstanceOf(StorageException.class).hasMessageContaining("master key"); // ...and cannot open them
    }

    @Test
    void withoutAutoCreationAnUnknownKeyIsKmsNotFound() {
        KeyRing ring = KeyRing.open(dir, null, false, List.of("configured"));
        assertThat(ring.kmsForWrite("configured", null).keyId()).isEqualTo("configured");
        assertThat(ring.kmsForWrite(null, null).keyId()).isEqualTo(KeyRing.DEFAULT_KMS_KEY_ID);
        assertThatThrownBy(() -> ring.kmsForWrite("nope", null)).isInstanceOfSatisfying(S3Exception.class,
                e -> {
                    assertThat(e.errorCode().code()).isEqualTo("KMS.NotFoundException");
                    assertThat(e.errorCode().status()).isEqualTo(400);
                });
        assertThat(ring.hasKmsKey("nope")).isFalse();
    }

    @Test
    void aKmsKeyRemovedFromTheStoreIsReported() {
        KeyRing ring = KeyRing.open(dir, null, true, List.of());
        Envelope e = ring.kmsForWrite("gone", null).newDataKey().envelope();
        Envelope unknown = new Envelope(Envelope.Scheme.KMS, "never-made", null, e.wrappedKey(), e.iv());
        assertThatThrownBy(() -> ring.forEnvelope(unknown)).isInstanceOf(WrongKeyException.class)
                .hasMessageContaining("never-made");
    }
}
