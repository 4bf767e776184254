package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.http.PercentCodec;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;
import java.time.Instant;
import java.util.List;

/**
 * ListMultipartUploads' answer. With {@code encoding-type=url} the key-like elements (Key, Prefix,
 * Delimiter, KeyMarker, NextKeyMarker, CommonPrefixes) are percent-encoded.
 */
public record ListMultipartUploadsResult(
        String bucket,
        String keyMarker,
        String uploadIdMarker,
        String nextKeyMarker,
        String nextUploadIdMarker,
        String prefix,
        String delimiter,
        int maxUploads,
        boolean truncated,
        boolean urlEncoded,
        List<Upload> uploads,
        List<String> commonPrefixes) implements XmlDocument {

    /** One upload in the listing. */
    public record Upload(String key, String uploadId, Owner initiator, Owner owner, String storageClass,
                         Instant initiated, String checksumAlgorithm) {
    }

    @Override
    public String rootElement() {
        return "ListMultipartUploadsResult";
    }

    @Override
    public void writeContent(XmlWriter w) {
        w.element("Bucket", bucket);
        w.element("KeyMarker", encode(keyMarker));
        w.element("UploadIdMarker", uploadIdMarker);
        if (nextKeyMarker != null) {
            w.element("NextKeyMarker", encode(nextKeyMarker));
        }
        w.element("Prefix", encode(prefix));
        if (delimiter != null) {
            w.element("Delimiter", encode(delimiter));
        }
        if (nextUploadIdMarker != null) {
            w.element("NextUploadIdMarker", nextUploadIdMarker);
        }
        w.element("MaxUploads", maxUploads);
        w.element("IsTruncated", truncated);
        for (Upload u : uploads) {
            w.start("Upload");
            w.element("Key", encode(u.key()));
            w.element("UploadId", u.uploadId());
            w.start("Initiator").element("ID", u.initiator().id())
                    .element("DisplayName", u.initiator().displayName()).end();
            w.start("Owner").element("ID", u.owner().id()).element("DisplayName", u.owner().displayName()).end();
            w.element("StorageClass", u.storageClass());
            w.element("Initiated", u.initiated());
            w.optional("ChecksumAlgorithm", u.checksumAlgorithm());
            w.end();
        }
        for (String p : commonPrefixes) {
            w.start("CommonPrefixes").element("Prefix", encode(p)).end();
        }
        if (urlEncoded) {
            w.element("EncodingType", "url");
        }
    }

    private String encode(String s) {
        if (s == null) {
            return "";
        }
        return urlEncoded ? PercentCodec.uriEncodePath(s) : s;
    }
}
