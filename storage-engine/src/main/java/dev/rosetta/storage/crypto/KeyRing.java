package dev.rosetta.storage.crypto;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.storage.CacheOnlyReads;
import dev.rosetta.storage.StorageException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's own key material: the master key (SSE-S3, and the key that wraps the KMS keys) and a local
 * KMS key store of named 256-bit keys (SSE-KMS). Thread-safe.
 *
 * <ul>
 *   <li><b>Master key</b>: read from a configured file (32 raw bytes, or their base64 or hex as text), else
 *       from {@code <data>/sse-master.key}, which the first start generates (base64 text, mode 0600). Its
 *       fingerprint (first 8 bytes of a SHA-256, hex) is the key id in every SSE-S3 envelope, so a different
 *       master key is reported as such rather than as corrupt data.</li>
 *   <li><b>KMS keys</b>: {@code <data>/sse-kms-keys} (mode 0600), one line per key: base64url of the key id and
 *       base64 of the key wrapped by the master key (AES-256-GCM bound to the id). Keys are created on first
 *       use when {@code autoCreate} (the default key {@value #DEFAULT_KMS_KEY_ID} always), or listed in the
 *       configuration; the file is rewritten atomically and fsynced before a new key wraps anything.</li>
 * </ul>
 */
public final class KeyRing {
    private static final Logger LOG = LoggerFactory.getLogger(KeyRing.class);
    /** The KMS key used when a request names none (S3's AWS-managed key alias). */
    public static final String DEFAULT_KMS_KEY_ID = "aws/s3";
    public static final String MASTER_KEY_FILE = "sse-master.key";
    public static final String KMS_KEYS_FILE = "sse-kms-keys";
    private static final String KMS_HEADER = "# Rosetta SSE-KMS key store v1: base64url(key id) base64(key wrapped by the"
            + " master key). Do not edit.";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final byte[] master;
    private final String masterKeyId;
    private final Path kmsFile;
    private final boolean autoCreate;
    private final Map<String, byte[]> kmsKeys = new ConcurrentHashMap<>();

    private KeyRing(byte[] master, Path kmsFile, boolean autoCreate) {
        this.master = master;
        this.masterKeyId = fingerprint(master);
        this.kmsFile = kmsFile;
        this.autoCreate = autoCreate;
    }

    /**
     * Loads (generating what is missing) the master key and the KMS key store of a data directory.
     *
     * @param masterKeyFile      a configured master key, or null for {@code <dataDir>/sse-master.key}
     * @param autoCreateKmsKeys  whether an unknown KMS key id creates a key (else KMS.NotFoundException)
     * @param configuredKmsKeys  KMS key ids to create now if missing
     * @throws StorageException when a key file cannot be read or written, or the KMS keys do not open with
     *                          the master key
     */
    public static KeyRing open(Path dataDir, Path masterKeyFile, boolean autoCreateKmsKeys,
                               Collection<String> configuredKmsKeys) {
        byte[] master = masterKeyFile != null ? readConfiguredMasterKey(masterKeyFile)
                : loadOrCreateMasterKey(dataDir.resolve(MASTER_KEY_FILE));
        KeyRing ring = new KeyRing(master, dataDir.resolve(KMS_KEYS_FILE), autoCreateKmsKeys);
        ring.loadKmsKeys();
        for (String id : configuredKmsKeys) {
            ring.kmsKey(id, true);
        }
        return ring;
    }

    /** The master key's fingerprint: the key id of SSE-S3 envelopes. */
    public String masterKeyId() {
        return masterKeyId;
    }

    /** The master key, for SSE-S3 writes. */
    public KeyEncryptionKey master() {
        return new KeyEncryptionKey(Envelope.Scheme.MASTER, masterKeyId, null, master);
    }

    /**
     * The KMS key {@code keyId} (null: {@link #DEFAULT_KMS_KEY_ID}) bound to {@code context}, for writes; an
     * unknown id is created when the store creates keys on first use.
     *
     * @throws S3Exception 400 KMS.NotFoundException for an unknown id otherwise
     */
    public KeyEncryptionKey kmsForWrite(String keyId, String context) {
        String id = keyId == null ? DEFAULT_KMS_KEY_ID : keyId;
        byte[] key = kmsKey(id, autoCreate || id.equals(DEFAULT_KMS_KEY_ID));
        if (key == null) {
            throw new S3Exception(S3ErrorCode.KMS_NOT_FOUND, "Invalid keyId " + id);
        }
        return new KeyEncryptionKey(Envelope.Scheme.KMS, id, context, key);
    }

    /**
     * The key that opens a server-managed envelope ({@link Envelope.Scheme#MASTER} or {@link Envelope.Scheme#KMS}).
     *
     * @throws WrongKeyException when this ring does not hold it (another master key; a KMS key removed from the store)
     */
    public KeyEncryptionKey forEnvelope(Envelope envelope) {
        switch (envelope.scheme()) {
            case MASTER -> {
                if (!envelope.keyId().equals(masterKeyId)) {
                    throw new WrongKeyException("data encrypted under master key " + envelope.keyId()
                            + ", but the configured master key is " + masterKeyId);
                }
                return master();
            }
            case KMS -> {
                byte[] key = kmsKeys.get(envelope.keyId());
                if (key == null) {
                    throw new WrongKeyException("KMS key '" + envelope.keyId() + "' is not in the key store " + kmsFile);
                }
                return new KeyEncryptionKey(Envelope.Scheme.KMS, envelope.keyId(), envelope.context(), key);
            }
            default -> throw new IllegalArgumentException("a customer key is not held by the key ring: " + envelope);
        }
    }

    /** Whether the store holds KMS key {@code keyId}. */
    public boolean hasKmsKey(String keyId) {
        return kmsKeys.containsKey(keyId);
    }

    /** The KMS key ids held, sorted. */
    public List<String> kmsKeyIds() {
        return new ArrayList<>(new TreeMap<>(kmsKeys).keySet());
    }

    // --- KMS key store ---------------------------------------------------------------------------

    private byte[] kmsKey(String id, boolean create) {
        byte[] key = kmsKeys.get(id);
        if (key != null || !create) {
            return key;
        }
        CacheOnlyReads.checkMayBlock(); // creating a key writes the key store
        synchronized (this) {
            key = kmsKeys.get(id);
            if (key == null) {
                key = DataKey.randomKey();
                Map<String, byte[]> next = new TreeMap<>(kmsKeys);
                next.put(id, key);
                writeKmsKeys(next); // durable before any data is encrypted under it
                kmsKeys.put(id, key);
                LOG.info("Created SSE-KMS key '{}' in {}", id, kmsFile);
            }
            return key;
        }
    }

    private void loadKmsKeys() {
        List<String> lines;
        try {
            lines = Files.readAllLines(kmsFile, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            return;
        } catch (IOException e) {
            throw new StorageException("cannot read the KMS key store " + kmsFile + ": " + e.getMessage(), e);
        }
        KeyEncryptionKey wrapper = master();
        for (String line : lines) {
            String l = line.strip();
            if (l.isEmpty() || l.startsWith("#")) {
                continue;
            }
            String[] fields = l.split(" ");
            try {
                if (fields.length != 2) {
                    throw new IllegalArgumentException("expected two fields");
                }
                String id = new String(Base64.getUrlDecoder().decode(fields[0]), StandardCharsets.UTF_8);
                byte[] key = wrapper.unwrapSecret(Base64.getDecoder().decode(fields[1]), label(id));
                if (key.length != DataKey.KEY_BYTES) {
                    throw new IllegalArgumentException("key of " + key.length + " bytes");
                }
                kmsKeys.put(id, key);
            } catch (IllegalArgumentException e) {
                throw new StorageException("corrupt KMS key store " + kmsFile + ": " + e.getMessage(), e);
            } catch (WrongKeyException e) {
                throw new StorageException("the KMS key store " + kmsFile + " does not open with the configured"
                        + " master key (" + masterKeyId + "): was the master key changed?", e);
            }
        }
    }

    private void writeKmsKeys(Map<String, byte[]> keys) {
        KeyEncryptionKey wrapper = master();
        StringBuilder sb = new StringBuilder(KMS_HEADER).append('\n');
        for (Map.Entry<String, byte[]> e : keys.entrySet()) {
            sb.append(Base64.getUrlEncoder().withoutPadding().encodeToString(e.getKey().getBytes(StandardCharsets.UTF_8)))
                    .append(' ')
                    .append(Base64.getEncoder().encodeToString(wrapper.wrapSecret(e.getValue(), label(e.getKey()))))
                    .append('\n');
        }
        writeSecretFile(kmsFile, sb.toString().getBytes(StandardCharsets.US_ASCII));
    }

    private static String label(String kmsKeyId) {
        return "rosetta-kms-key/v1:" + kmsKeyId;
    }

    // --- master key ------------------------------------------------------------------------------

    private static byte[] readConfiguredMasterKey(Path file) {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new StorageException("SSE master key file not found: " + file, e);
        } catch (IOException e) {
            throw new StorageException("cannot read SSE master key file " + file + ": " + e.getMessage(), e);
        }
        warnIfReadableByOthers(file);
        return parseMasterKey(content, file);
    }

    private static byte[] loadOrCreateMasterKey(Path file) {
        if (Files.exists(file)) {
            return readConfiguredMasterKey(file);
        }
        byte[] key = DataKey.randomKey();
        writeSecretFile(file, (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII));
        LOG.info("Generated the SSE master key into {}", file);
        return key;
    }

    /** 32 raw bytes, or the base64 (44 characters) or hex (64) of 32 bytes, surrounding whitespace ignored. */
    static byte[] parseMasterKey(byte[] content, Path file) {
        if (content.length == DataKey.KEY_BYTES) {
            return content.clone();
        }
        String text = new String(content, StandardCharsets.US_ASCII).strip();
        try {
            byte[] key = text.length() == 64 ? HexFormat.of().parseHex(text) : Base64.getDecoder().decode(text);
            if (key.length == DataKey.KEY_BYTES) {
                return key;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new StorageException("SSE master key file " + file + " must hold 32 bytes: raw, or as base64 or hex text");
    }

    private static String fingerprint(byte[] key) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("rosetta-sse-master-key-id/v1".getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(sha.digest(key), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void warnIfReadableByOthers(Path file) {
        try {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(file);
            if (perms.contains(PosixFilePermission.GROUP_READ) || perms.contains(PosixFilePermission.OTHERS_READ)) {
                LOG.warn("SSE key file {} is readable by other users ({}); make it 0600",
                        file, PosixFilePermissions.toString(perms));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system: nothing to check
        }
    }

    /** Writes {@code content} to {@code file} atomically, mode 0600, fsynced (file and directory). */
    static void writeSecretFile(Path file, byte[] content) {
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = dir.resolve(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(dir);
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
            } catch (UnsupportedOperationException notPosix) {
                Files.createFile(tmp);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                java.nio.ByteBuffer buf = java.nio.ByteBuffer.wrap(content);
                while (buf.hasRemaining()) {
                    ch.write(buf);
                }
                ch.force(true);
            }
            try {
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
            }
            try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
                d.force(true);
            } catch (IOException e) {
                LOG.debug("cannot fsync directory {}: {}", dir, e.toString());
            }
        } catch (FileAlreadyExistsException e) {
            throw new StorageException("cannot write " + file + ": " + e.getMessage(), e);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // best effort
            }
            throw new StorageException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
