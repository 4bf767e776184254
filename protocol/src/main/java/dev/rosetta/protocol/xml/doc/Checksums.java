package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import dev.rosetta.protocol.xml.XmlWriter;
import java.util.Map;

/** Writes an object's or a part's {@code Checksum<ALG>} elements, in S3's order (CRC32 to SHA256). */
final class Checksums {
    private Checksums() {
    }

    /**
     * @param checksums algorithm name ({@code CRC32}, ...) to base64 value; null or empty writes nothing;
     *                  names that are not an algorithm are skipped
     */
    static void write(XmlWriter w, Map<String, String> checksums) {
        if (checksums == null || checksums.isEmpty()) {
            return;
        }
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            String value = checksums.get(a.name());
            if (value != null) {
                w.element("Checksum" + a.name(), value);
            }
        }
    }
}
