package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;

/** The answer to {@code POST /key?uploads}. */
public record InitiateMultipartUploadResult(String bucket, String key, String uploadId) implements XmlDocument {
    @Override
    public String rootElement() {
        return "InitiateMultipartUploadResult";
    }

    @Override
    public void writeContent(XmlWriter w) {
        w.element("Bucket", bucket).element("Key", key).element("UploadId", uploadId);
    }
}
