package dev.rosetta.protocol.xml.doc;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The CompleteMultipartUpload document, as bound by {@link dev.rosetta.protocol.xml.XmlRequestParser}.
 * {@link #parts()} checks its structure.
 */
public final class CompleteMultipartUploadRequest {
    /** S3's largest part number, and so the most parts a request may list. */
    public static final int MAX_PARTS = 10_000;

    private final List<PartElement> parts = new ArrayList<>();

    /** Called once per run of adjacent Part elements: appending keeps every run, not only the last. */
    @JacksonXmlElementWrapper(useWrapping = false)
    @JacksonXmlProperty(localName = "Part")
    public void setParts(List<PartElement> run) {
        if (run != null) {
            parts.addAll(run);
        }
    }

    /** One Part element; numbers are kept as text so that a non-number is MalformedXML, not a binding quirk. */
    public static final class PartElement {
        @JacksonXmlProperty(localName = "PartNumber")
        public String partNumber;
        @JacksonXmlProperty(localName = "ETag")
        public String etag;
        @JacksonXmlProperty(localName = "ChecksumCRC32")
        public String checksumCrc32;
        @JacksonXmlProperty(localName = "ChecksumCRC32C")
        public String checksumCrc32c;
        @JacksonXmlProperty(localName = "ChecksumCRC64NVME")
        public String checksumCrc64nvme;
        @JacksonXmlProperty(localName = "ChecksumSHA1")
        public String checksumSha1;
        @JacksonXmlProperty(localName = "ChecksumSHA256")
        public String checksumSha256;
    }

    /**
     * One listed part.
     *
     * @param etag      as sent (quotes allowed), or null when the element is missing
     * @param checksums algorithm to the base64 value sent; may be empty
     */
    public record Part(int partNumber, String etag, Map<ChecksumAlgorithm, String> checksums) {
    }

    /**
     * The parts in document order.
     *
     * @throws S3Exception MalformedXML for no parts, more than {@link #MAX_PARTS}, or a Part without a
     *                     PartNumber that is an integer
     */
    public List<Part> parts() {
        if (parts.isEmpty() || parts.size() > MAX_PARTS) {
            throw new S3Exception(S3ErrorCode.MALFORMED_XML);
        }
        List<Part> out = new ArrayList<>(parts.size());
        for (PartElement p : parts) {
            if (p == null || p.partNumber == null) {
                throw new S3Exception(S3ErrorCode.MALFORMED_XML);
            }
            int number;
            try {
                number = Integer.parseInt(p.partNumber.strip());
            } catch (NumberFormatException e) {
                throw new S3Exception(S3ErrorCode.MALFORMED_XML);
            }
            Map<ChecksumAlgorithm, String> checksums = new LinkedHashMap<>();
            put(checksums, ChecksumAlgorithm.CRC32, p.checksumCrc32);
            put(checksums, ChecksumAlgorithm.CRC32C, p.checksumCrc32c);
            put(checksums, ChecksumAlgorithm.CRC64NVME, p.checksumCrc64nvme);
            put(checksums, ChecksumAlgorithm.SHA1, p.checksumSha1);
            put(checksums, ChecksumAlgorithm.SHA256, p.checksumSha256);
            out.add(new Part(number, p.etag, checksums));
        }
        return out;
    }

    private static void put(Map<ChecksumAlgorithm, String> map, ChecksumAlgorithm algorithm, String value) {
        if (value != null && !value.isBlank()) {
            map.put(algorithm, value.strip());
        }
    }
}
