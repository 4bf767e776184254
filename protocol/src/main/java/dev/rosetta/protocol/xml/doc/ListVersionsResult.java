package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;
import java.util.List;

/**
 * ListObjectVersions' answer. With {@code encoding-type=url} Key, Prefix, Delimiter, KeyMarker,
 * NextKeyMarker and the common prefixes are percent-encoded; version ids never are.
 *
 * @param keyMarker           the request's key-marker, or null (written empty)
 * @param versionIdMarker     the request's version-id-marker, or null (written empty)
 * @param nextKeyMarker       when truncated, else null
 * @param nextVersionIdMarker when truncated on a version, else null
 * @param delimiter           null for none
 */
public record ListVersionsResult(
        String bucket,
        String prefix,
        String keyMarker,
        String versionIdMarker,
        String nextKeyMarker,
        String nextVersionIdMarker,
        int maxKeys,
        String delimiter,
        boolean urlEncoded,
        boolean truncated,
        List<Version> versions,
        List<String> commonPrefixes) implements XmlDocument {

    /** One version of an object. */
    public record Version(ListedObject object, String versionId, boolean latest) {
    }

    @Override
    public String rootElement() {
        return "ListVersionsResult";
    }

    @Override
    public void writeContent(XmlWriter w) {
        w.element("Name", bucket);
        w.element("Prefix", ListedObject.encode(prefix, urlEncoded));
        w.element("KeyMarker", ListedObject.encode(keyMarker, urlEncoded));
        w.element("VersionIdMarker", versionIdMarker == null ? "" : versionIdMarker);
        if (nextKeyMarker != null) {
            w.element("NextKeyMarker", ListedObject.encode(nextKeyMarker, urlEncoded));
        }
        w.optional("NextVersionIdMarker", nextVersionIdMarker);
        w.element("MaxKeys", maxKeys);
        if (delimiter != null) {
            w.element("Delimiter", ListedObject.encode(delimiter, urlEncoded));
        }
        if (urlEncoded) {
            w.element("EncodingType", "url");
        }
        w.element("IsTruncated", truncated);
        for (Version v : versions) {
            w.start("Version");
            v.object().writeFields(w, urlEncoded, v.versionId(), v.latest());
            w.end();
        }
        ListedObject.writeCommonPrefixes(w, commonPrefixes, urlEncoded);
    }
}
