package dev.rosetta.server.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The key pair a server makes for itself when none is configured: generated on the first start,
 * kept (mode 0600) in the data directory, and reused on later starts.
 */
public final class GeneratedCredentials {
    public static final String FILE_NAME = "credentials.yml";
    private static final char[] AK_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final char[] SK_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A loaded or freshly generated pair; {@code generated} tells whether this start made it. */
    public record Result(KeyPair keyPair, boolean generated, Path file) {
    }

    private GeneratedCredentials() {
    }

    public static Result loadOrCreate(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        try {
            if (Files.exists(file)) {
                @SuppressWarnings("unchecked")
                Map<String, String> m = yaml.readValue(file.toFile(), Map.class);
                if (m == null) {
                    throw new ConfigException("credentials file " + file + " is empty; remove it to generate a new pair");
                }
                return new Result(new KeyPair(m.get("accessKey"), m.get("secretKey"), null), false, file);
            }
            KeyPair pair = new KeyPair("RS" + random(AK_ALPHABET, 18), random(SK_ALPHABET, 40), null);
            Map<String, String> m = new LinkedHashMap<>();
            m.put("accessKey", pair.accessKey());
            m.put("secretKey", pair.secretKey());
            writeAtomically(file, yaml.writeValueAsBytes(m));
            return new Result(pair, true, file);
        } catch (IOException e) {
            throw new ConfigException("cannot read or write the credentials file " + file + ": " + e.getMessage(), e);
        }
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        Files.createDirectories(file.getParent());
        Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(content));
            ch.force(true);
        }
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
    }

    private static String random(char[] alphabet, int length) {
        char[] out = new char[length];
        for (int i = 0; i < length; i++) {
            out[i] = alphabet[RANDOM.nextInt(alphabet.length)];
        }
        return new String(out);
    }
}
