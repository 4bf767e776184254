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

class ListBucketV2ResultTest {

    @Test
    void fullDocumentIsExact() {
        ListBucketV2Result r = new ListBucketV2Result("bucket", "E", "ExampleGuide.pdf", "tok", "next-tok", 2, "/",
                false, true, List.of(object("ExampleObject.txt", null, null)), List.of("Examples/"));
        assertThat(content(r)).isEqualTo("<Name>bucket</Name><Prefix>E</Prefix>"
                + "<StartAfter>ExampleGuide.pdf</StartAfter><ContinuationToken>tok</ContinuationToken>"
                + "<NextContinuationToken>next-tok</NextContinuationToken><KeyCount>2</KeyCount>"
                + "<MaxKeys>2</MaxKeys><Delimiter>/</Delimiter><IsTruncated>true</IsTruncated>"
                + "<Contents><Key>ExampleObject.txt</Key><LastModified>2009-10-12T17:50:30.000Z</LastModified>"
                + "<ETag>\"fba9dede5f27731c9771645a39863328\"</ETag><Size>434234</Size>"
                + "<StorageClass>STANDARD</StorageClass></Contents>"
                + "<CommonPrefixes><Prefix>Examples/</Prefix></CommonPrefixes>");
    }

    @Test
    void minimalDocumentHasNoTokensNoStartAfterNoDelimiter() {
        ListBucketV2Result r = new ListBucketV2Result("b", null, null, null, null, 1000, null, false, false,
                List.of(), List.of());
        assertThat(content(r)).isEqualTo("<Name>b</Name><Prefix></Prefix><KeyCount>0</KeyCount>"
                + "<MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>");
    }

    @Test
    void keyCountCountsObjectsAndCommonPrefixes() {
        ListBucketV2Result r = new ListBucketV2Result("b", "", null, null, null, 1000, "/", false, false,
                List.of(object("a", null, null), object("b", null, null)), List.of("c/", "d/", "e/"));
        assertThat(childText(root(r, "ListBucketResult"), "KeyCount")).isEqualTo("5");
    }

    @Test
    void ownerOnlyWhenGiven() {
        ListBucketV2Result r = new ListBucketV2Result("b", "", null, null, null, 1000, null, false, false,
                List.of(object("a", OWNER, null)), List.of());
        Element contents = children(root(r, "ListBucketResult"), "Contents").get(0);
        assertThat(childNames(contents)).containsExactly("Key", "LastModified", "ETag", "Size", "Owner",
                "StorageClass");
    }

    @Test
    void urlEncodingCoversStartAfterButNotTokens() {
        ListBucketV2Result r = new ListBucketV2Result("b", "a b/", "after é", "a+b/c=", "d+e/f=", 1, "/", true,
                true, List.of(object("a b/+", null, null)), List.of());
        Element root = root(r, "ListBucketResult");
        assertThat(childNames(root)).containsExactly("Name", "Prefix", "StartAfter", "ContinuationToken",
                "NextContinuationToken", "KeyCount", "MaxKeys", "Delimiter", "EncodingType", "IsTruncated",
                "Contents");
        assertThat(childText(root, "StartAfter")).isEqualTo("after%20%C3%A9");
        assertThat(childText(root, "Prefix")).isEqualTo("a%20b/");
        assertThat(childText(root, "ContinuationToken")).isEqualTo("a+b/c=");
        assertThat(childText(root, "NextContinuationToken")).isEqualTo("d+e/f=");
        assertThat(childText(children(root, "Contents").get(0), "Key")).isEqualTo("a%20b/%2B");
    }
}
