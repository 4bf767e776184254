package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.http.PercentCodec;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.xml.XmlWriter;
import java.time.Instant;

/**
 * One object as the object listings show it (ListObjects' and ListObjectsV2's {@code Contents},
 * ListObjectVersions' {@code Version}).
 *
 * @param etag              without quotes; written quoted
 * @param storageClass      in the dialect's names
 * @param owner             null when the listing does not show owners (ListObjectsV2 without fetch-owner)
 * @param checksumAlgorithm the object's additional checksum algorithm, or null
 * @param checksumType      {@code FULL_OBJECT} or {@code COMPOSITE} with a checksum algorithm, else null
 */
public record ListedObject(String key, Instant lastModified, String etag, long size, String storageClass,
                           Owner owner, String checksumAlgorithm, String checksumType) {

    /** Key's, LastModified's, ... elements in S3's order, inside the caller's entry element. */
    void writeFields(XmlWriter w, boolean urlEncoded, String versionId, Boolean latest) {
        w.element("Key", encode(key, urlEncoded));
        if (versionId != null) {
            w.element("VersionId", versionId);
            w.element("IsLatest", latest != null && latest);
        }
        w.element("LastModified", lastModified);
        w.element("ETag", "\"" + etag + "\"");
        if (checksumAlgorithm != null) {
            w.element("ChecksumAlgorithm", checksumAlgorithm);
            w.optional("ChecksumType", checksumType);
        }
        w.element("Size", size);
        if (owner != null) {
            w.start("Owner").element("ID", owner.id()).element("DisplayName", owner.displayName()).end();
        }
        w.element("StorageClass", storageClass);
    }

    /** A key-like value as written with and without {@code encoding-type=url}; null is empty. */
    static String encode(String s, boolean urlEncoded) {
        if (s == null) {
            return "";
        }
        return urlEncoded ? PercentCodec.uriEncodePath(s) : s;
    }

    static void writeCommonPrefixes(XmlWriter w, Iterable<String> prefixes, boolean urlEncoded) {
        for (String p : prefixes) {
            w.start("CommonPrefixes").element("Prefix", encode(p, urlEncoded)).end();
        }
    }
}
