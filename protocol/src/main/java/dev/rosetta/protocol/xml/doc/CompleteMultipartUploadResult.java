package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;
import java.util.Map;

/**
 * CompleteMultipartUpload's answer.
 *
 * @param location     the object's URL
 * @param etag         {@code <hex>-<N>} without quotes (written quoted)
 * @param checksums    algorithm name to base64 value (a COMPOSITE value ends in {@code -N}); may be empty
 * @param checksumType {@code COMPOSITE}, {@code FULL_OBJECT}, or null
 */
public record CompleteMultipartUploadResult(String location, String bucket, String key, String etag,
                                            Map<String, String> checksums, String checksumType)
        implements XmlDocument {

    @Override
    public String rootElement() {
        return "CompleteMultipartUploadResult";
    }

    @Override
    public void writeContent(XmlWriter w) {
        w.element("Location", location);
        w.element("Bucket", bucket);
        w.element("Key", key);
        w.element("ETag", "\"" + etag + "\"");
        Checksums.write(w, checksums);
        w.optional("ChecksumType", checksumType);
    }
}
