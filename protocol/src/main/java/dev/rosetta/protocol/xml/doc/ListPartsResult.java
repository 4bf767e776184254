package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.http.PercentCodec;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * ListParts' answer. With {@code encoding-type=url} the Key is percent-encoded.
 *
 * @param nextPartNumberMarker written only when the page is truncated
 * @param storageClass         in the dialect's names
 * @param checksumAlgorithm    the upload's algorithm, or null
 * @param checksumType         the upload's checksum type ({@code COMPOSITE}, {@code FULL_OBJECT}), or null
 */
public record ListPartsResult(
        String bucket,
        String key,
        String uploadId,
        int partNumberMarker,
        Integer nextPartNumberMarker,
        int maxParts,
        boolean truncated,
        List<Part> parts,
        Owner initiator,
        Owner owner,
        String storageClass,
        String checksumAlgorithm,
        String checksumType,
        boolean urlEncoded) implements XmlDocument {

    /**
     * One uploaded part.
     *
     * @param etag      hex MD5 without quotes (written quoted)
     * @param checksums algorithm name to base64 value; may be empty
     */
    public record Part(int partNumber, Instant lastModified, String etag, long size, Map<String, String> checksums) {
    }

    @Override
    public String rootElement() {
        return "ListPartsResult";
    }

    @Override
    public void writeContent(XmlWriter w) {
        w.element("Bucket", bucket);
        w.element("Key", urlEncoded ? PercentCodec.uriEncodePath(key) : key);
        w.element("UploadId", uploadId);
        w.element("PartNumberMarker", partNumberMarker);
        if (nextPartNumberMarker != null) {
            w.element("NextPartNumberMarker", nextPartNumberMarker);
        }
        w.element("MaxParts", maxParts);
        w.element("IsTruncated", truncated);
        for (Part p : parts) {
            w.start("Part");
            w.element("PartNumber", p.partNumber());
            w.element("LastModified", p.lastModified());
            w.element("ETag", "\"" + p.etag() + "\"");
            w.element("Size", p.size());
            Checksums.write(w, p.checksums());
            w.end();
        }
        w.start("Initiator").element("ID", initiator.id()).element("DisplayName", initiator.displayName()).end();
        w.start("Owner").element("ID", owner.id()).element("DisplayName", owner.displayName()).end();
        w.element("StorageClass", storageClass);
        w.optional("ChecksumAlgorithm", checksumAlgorithm);
        w.optional("ChecksumType", checksumType);
        if (urlEncoded) {
            w.element("EncodingType", "url");
        }
    }
}
