package dev.rosetta.protocol.xml.doc;

import static dev.rosetta.protocol.xml.XmlTestSupport.childNames;
import static dev.rosetta.protocol.xml.XmlTestSupport.childText;
import static dev.rosetta.protocol.xml.XmlTestSupport.children;
import static dev.rosetta.protocol.xml.doc.ListBucketResultTest.OWNER;
import static dev.rosetta.protocol.xml.doc.ListBucketResultTest.content;
import static dev.rosetta.protocol.xml.doc.ListBucketResultTest.object;
import static dev.rosetta.protocol.xml.doc.ListBucketResultTest.root;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ListVersionsResultTest {

    private static ListVersionsResult.Version version(String key) {
        return new ListVersionsResult.Version(object(key, OWNER, null), "null", true);
    }

    @Test
    void fullDocumentIsExact() {
        ListVersionsResult r = new ListVersionsResult("bucket", "my", "a", "null", "my-image.jpg", "null", 1, "/",
                false, true, List.of(version("my-image.jpg")), List.of());
        assertThat(content(r)).isEqualTo("<Name>bucket</Name><Prefix>my</Prefix><KeyMarker>a</KeyMarker>"
                + "<VersionIdMarker>null</VersionIdMarker><NextKeyMarker>my-image.jpg</NextKeyMarker>"
                + "<NextVersionIdMarker>null</NextVersionIdMarker><MaxKeys>1</MaxKeys><Delimiter>/</Delimiter>"
                + "<IsTruncated>true</IsTruncated>"
                + "<Version><Key>my-image.jpg</Key><VersionId>null</VersionId><IsLatest>true</IsLatest>"
                + "<LastModified>2009-10-12T17:50:30.000Z</LastModified>"
                + "<ETag>\"fba9dede5f27731c9771645a39863328\"</ETag><Size>434234</Size>"
                + "<Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f</ID><DisplayName>owner-name</DisplayName></Owner>"
                + "<StorageClass>STANDARD</StorageClass></Version>");
    }

    @Test
    void emptyListingWritesEmptyMarkers() {
        ListVersionsResult r = new ListVersionsResult("b", null, null, null, null, null, 1000, null, false, false,
                List.of(), List.of());
        assertThat(content(r)).isEqualTo("<Name>b</Name><Prefix></Prefix><KeyMarker></KeyMarker>"
                + "<VersionIdMarker></VersionIdMarker><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>");
    }

    @Test
    void elementOrderAndUrlEncoding() {
        ListVersionsResult r = new ListVersionsResult("b", "p q/", "k m", null, "p q/z z/", null, 2, "/", true,
                true, List.of(version("p q/a+b")), List.of("p q/z z/"));
        Element root = root(r, "ListVersionsResult");
        assertThat(childNames(root)).containsExactly("Name", "Prefix", "KeyMarker", "VersionIdMarker",
                "NextKeyMarker", "MaxKeys", "Delimiter", "EncodingType", "IsTruncated", "Version",
                "CommonPrefixes");
        assertThat(childText(root, "KeyMarker")).isEqualTo("k%20m");
        assertThat(childText(root, "NextKeyMarker")).isEqualTo("p%20q/z%20z/");
        Element v = children(root, "Version").get(0);
        assertThat(childNames(v)).containsExactly("Key", "VersionId", "IsLatest", "LastModified", "ETag", "Size",
                "Owner", "StorageClass");
        assertThat(childText(v, "Key")).isEqualTo("p%20q/a%2Bb");
        assertThat(childText(children(root, "CommonPrefixes").get(0), "Prefix")).isEqualTo("p%20q/z%20z/");
    }
}
