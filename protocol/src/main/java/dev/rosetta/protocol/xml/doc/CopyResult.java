package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;
import java.time.Instant;
import java.util.Map;

/**
 * The answer to CopyObject ({@code CopyObjectResult}) and to UploadPartCopy ({@code CopyPartResult}):
 * LastModified, ETag, then the checksums.
 *
 * @param etag         without quotes (written quoted)
 * @param checksums    algorithm name to base64 value; may be empty
 * @param checksumType {@code COMPOSITE}, {@code FULL_OBJECT}, or null (CopyObject only)
 */
public record CopyResult(String rootElement, Instant lastModified, String etag, Map<String, String> checksums,
                         String checksumType) implements XmlDocument {

    public static CopyResult object(Instant lastModified, String etag, Map<String, String> checksums,
                                    String checksumType) {
        return new CopyResult("CopyObjectResult", lastModified, etag, checksums, checksumType);
    }

    public static CopyResult part(Instant lastModified, String etag, Map<String, String> checksums) {
        return new CopyResult("CopyPartResult", lastModified, etag, checksums, null);
    }

    @Override
    public void writeContent(XmlWriter w) {
        w.element("LastModified", lastModified);
        w.element("ETag", "\"" + etag + "\"");
        w.optional("ChecksumType", checksumType);
        Checksums.write(w, checksums);
    }
}
