package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;
import java.util.List;

/**
 * ListObjectsV2's answer (root element {@code ListBucketResult}, as S3 names it). KeyCount is the
 * number of objects and common prefixes on the page. With {@code encoding-type=url} Key, Prefix,
 * Delimiter, StartAfter and the common prefixes are percent-encoded; tokens never are.
 *
 * @param startAfter            echoed when the request sent one, else null
 * @param continuationToken     echoed when the request sent one, else null
 * @param nextContinuationToken when truncated, else null
 * @param delimiter             null for none
 */
public record ListBucketV2Result(
        String bucket,
        String prefix,
        String startAfter,
        String continuationToken,
        String nextContinuationToken,
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

    /** Objects and common prefixes on this page. */
    public int keyCount() {
        return contents.size() + commonPrefixes.size();
    }

    @Override
    public void writeContent(XmlWriter w) {
        w.element("Name", bucket);
        w.element("Prefix", ListedObject.encode(prefix, urlEncoded));
        if (startAfter != null) {
            w.element("StartAfter", ListedObject.encode(startAfter, urlEncoded));
        }
        w.optional("ContinuationToken", continuationToken);
        w.optional("NextContinuationToken", nextContinuationToken);
        w.element("KeyCount", keyCount());
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
