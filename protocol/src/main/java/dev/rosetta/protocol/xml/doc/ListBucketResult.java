package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;
import java.util.List;

/**
 * ListObjects' (version 1) answer. Every entry carries its Owner. NextMarker is only written when the
 * caller gives one (S3 sends it only for a truncated page of a delimited listing). With
 * {@code encoding-type=url} Key, Prefix, Delimiter, Marker, NextMarker and the common prefixes are
 * percent-encoded.
 *
 * @param marker     the request's marker, or null (written empty)
 * @param nextMarker null for none
 * @param delimiter  null for none
 */
public record ListBucketResult(
        String bucket,
        String prefix,
        String marker,
        String nextMarker,
        int maxKeys,
        String delimiter,
        boolean urlEncoded,
        boolean truncated,
        List<ListedObject> contents,
        List<String> commonPrefixes) implements XmlDocument {

    @Override
    public String rootElement() {
        return "ListBucketResult";
    }

    @Override
    public void writeContent(XmlWriter w) {
        w.element("Name", bucket);
        w.element("Prefix", ListedObject.encode(prefix, urlEncoded));
        w.element("Marker", ListedObject.encode(marker, urlEncoded));
        if (nextMarker != null) {
            w.element("NextMarker", ListedObject.encode(nextMarker, urlEncoded));
        }
        w.element("MaxKeys", maxKeys);
        if (delimiter != null) {
            w.element("Delimiter", ListedObject.encode(delimiter, urlEncoded));
        }
        if (urlEncoded) {
            w.element("EncodingType", "url");
        }
        w.element("IsTruncated", truncated);
        for (ListedObject o : contents) {
            w.start("Contents");
            o.writeFields(w, urlEncoded, null, null);
            w.end();
        }
        ListedObject.writeCommonPrefixes(w, commonPrefixes, urlEncoded);
    }
}
