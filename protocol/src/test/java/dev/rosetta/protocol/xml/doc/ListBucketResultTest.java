package dev.rosetta.protocol.xml.doc;

import static dev.rosetta.protocol.xml.XmlTestSupport.childNames;
import static dev.rosetta.protocol.xml.XmlTestSupport.childText;
import static dev.rosetta.protocol.xml.XmlTestSupport.children;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.xml.XmlTestSupport;
import dev.rosetta.protocol.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ListBucketResultTest {
    static final Owner OWNER = new Owner("75aa57f09aa0c8caeab4f8c24e99d10f", "owner-name");
    static final Instant MODIFIED = Instant.parse("2009-10-12T17:50:30Z");

    static ListedObject object(String key, Owner owner, String checksum) {
        return new ListedObject(key, MODIFIED, "fba9dede5f27731c9771645a39863328", 434234, "STANDARD", owner,
                checksum, checksum == null ? null : "FULL_OBJECT");
    }

    static String content(dev.rosetta.protocol.xml.XmlDocument d) {
        XmlWriter w = new XmlWriter();
        d.writeContent(w);
        return new String(w.toBytes(), StandardCharsets.UTF_8);
    }

    static Element root(dev.rosetta.protocol.xml.XmlDocument d, String name) {
        Element root = XmlTestSupport.parse(Dialect.AWS.render(d)).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo(name);
        assertThat(root.getNamespaceURI()).isEqualTo(Dialect.AWS_NAMESPACE);
        return root;
    }

    @Test
    void fullDocumentIsExact() {
        ListBucketResult r = new ListBucketResult("bucket", "my", "a", "photos/", 2, "/", false, true,
                List.of(object("my-image.jpg", OWNER, null)), List.of("photos/"));
        assertThat(content(r)).isEqualTo("<Name>bucket</Name><Prefix>my</Prefix><Marker>a</Marker>"
                + "<NextMarker>photos/</NextMarker><MaxKeys>2</MaxKeys><Delimiter>/</Delimiter>"
                + "<IsTruncated>true</IsTruncated>"
                + "<Contents><Key>my-image.jpg</Key><LastModified>2009-10-12T17:50:30.000Z</LastModified>"
                + "<ETag>\"fba9dede5f27731c9771645a39863328\"</ETag><Size>434234</Size>"
                + "<Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f</ID><DisplayName>owner-name</DisplayName></Owner>"
                + "<StorageClass>STANDARD</StorageClass></Contents>"
                + "<CommonPrefixes><Prefix>photos/</Prefix></CommonPrefixes>");
    }

    @Test
    void emptyListingHasEmptyPrefixAndMarkerAndNoOptionals() {
        ListBucketResult r = new ListBucketResult("b", null, null, null, 1000, null, false, false, List.of(),
                List.of());
        assertThat(content(r)).isEqualTo("<Name>b</Name><Prefix></Prefix><Marker></Marker><MaxKeys>1000</MaxKeys>"
                + "<IsTruncated>false</IsTruncated>");
    }

    @Test
    void checksumAlgorithmAndTypeFollowTheETag() {
        ListBucketResult r = new ListBucketResult("b", null, null, null, 1000, null, false, false,
                List.of(object("k", OWNER, "CRC32")), List.of());
        Element contents = children(root(r, "ListBucketResult"), "Contents").get(0);
        assertThat(childNames(contents)).containsExactly("Key", "LastModified", "ETag", "ChecksumAlgorithm",
                "ChecksumType", "Size", "Owner", "StorageClass");
        assertThat(childText(contents, "ChecksumAlgorithm")).isEqualTo("CRC32");
        assertThat(childText(contents, "ChecksumType")).isEqualTo("FULL_OBJECT");
    }

    @Test
    void elementOrderWithEntriesAndPrefixes() {
        ListBucketResult r = new ListBucketResult("b", "", "m", "z/", 3, "/", true, true,
                List.of(object("k1", OWNER, null), object("k2", OWNER, null)), List.of("z/"));
        Element root = root(r, "ListBucketResult");
        assertThat(childNames(root)).containsExactly("Name", "Prefix", "Marker", "NextMarker", "MaxKeys",
                "Delimiter", "EncodingType", "IsTruncated", "Contents", "Contents", "CommonPrefixes");
        assertThat(childText(root, "EncodingType")).isEqualTo("url");
    }

    @Test
    void urlEncodingEncodesKeyLikeElementsOnly() {
        String key = "my dir/a+b%c*~é&.txt";
        ListBucketResult r = new ListBucketResult("b", "my dir/", "mark er+", "next é", 5, " ", true, true,
                List.of(object(key, OWNER, null)), List.of("my dir/sub dir "));
        Element root = root(r, "ListBucketResult");
        assertThat(childText(root, "Prefix")).isEqualTo("my%20dir/");
        assertThat(childText(root, "Marker")).isEqualTo("mark%20er%2B");
        assertThat(childText(root, "NextMarker")).isEqualTo("next%20%C3%A9");
        assertThat(childText(root, "Delimiter")).isEqualTo("%20");
        Element contents = children(root, "Contents").get(0);
        assertThat(childText(contents, "Key")).isEqualTo("my%20dir/a%2Bb%25c%2A~%C3%A9%26.txt");
        assertThat(childText(contents, "ETag")).isEqualTo("\"fba9dede5f27731c9771645a39863328\"");
        assertThat(childText(children(root, "CommonPrefixes").get(0), "Prefix")).isEqualTo("my%20dir/sub%20dir%20");
        assertThat(childText(root, "Name")).isEqualTo("b");
    }

    @Test
    void withoutUrlEncodingKeysAreEscapedVerbatim() {
        String key = "a<b>&c\"d\te\nf";
        ListBucketResult r = new ListBucketResult("b", null, null, null, 1000, null, false, false,
                List.of(object(key, OWNER, null)), List.of());
        assertThat(content(r)).contains("<Key>a&lt;b&gt;&amp;c\"d&#9;e&#10;f</Key>");
        Element contents = children(root(r, "ListBucketResult"), "Contents").get(0);
        assertThat(childText(contents, "Key")).isEqualTo(key);
    }
}
