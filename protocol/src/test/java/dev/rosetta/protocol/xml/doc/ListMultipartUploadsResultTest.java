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

class ListMultipartUploadsResultTest {

    private static final Owner OWNER = new Owner("75aa57f09aa0c8caeab4f8c24e99d10f", "owner-name");
    private static final Owner INITIATOR = new Owner("arn:aws:iam::111122223333:user/u", "u");
    private static final Instant INITIATED = Instant.parse("2010-11-10T20:48:33Z");

    private static String content(ListMultipartUploadsResult r) {
        XmlWriter w = new XmlWriter();
        r.writeContent(w);
        return new String(w.toBytes(), StandardCharsets.UTF_8);
    }

    private static Element root(ListMultipartUploadsResult r) {
        Element root = XmlTestSupport.parse(Dialect.AWS.render(r)).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("ListMultipartUploadsResult");
        assertThat(root.getNamespaceURI()).isEqualTo(Dialect.AWS_NAMESPACE);
        return root;
    }

    @Test
    void fullDocumentIsExact() {
        ListMultipartUploadsResult r = new ListMultipartUploadsResult("bucket", "a", "u0", "my-movie.m2ts", "u9",
                "my", "/", 3, true, false,
                List.of(new ListMultipartUploadsResult.Upload("my-movie.m2ts", "u9", INITIATOR, OWNER, "STANDARD",
                        INITIATED, "CRC32")),
                List.of("photos/"));
        assertThat(content(r)).isEqualTo("<Bucket>bucket</Bucket><KeyMarker>a</KeyMarker>"
                + "<UploadIdMarker>u0</UploadIdMarker><NextKeyMarker>my-movie.m2ts</NextKeyMarker>"
                + "<Prefix>my</Prefix><Delimiter>/</Delimiter><NextUploadIdMarker>u9</NextUploadIdMarker>"
                + "<MaxUploads>3</MaxUploads><IsTruncated>true</IsTruncated>"
                + "<Upload><Key>my-movie.m2ts</Key><UploadId>u9</UploadId>"
                + "<Initiator><ID>arn:aws:iam::111122223333:user/u</ID><DisplayName>u</DisplayName></Initiator>"
                + "<Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f</ID><DisplayName>owner-name</DisplayName></Owner>"
                + "<StorageClass>STANDARD</StorageClass><Initiated>2010-11-10T20:48:33.000Z</Initiated>"
                + "<ChecksumAlgorithm>CRC32</ChecksumAlgorithm></Upload>"
                + "<CommonPrefixes><Prefix>photos/</Prefix></CommonPrefixes>");
    }

    @Test
    void elementOrderWithSeveralUploadsAndPrefixes() {
        ListMultipartUploadsResult r = new ListMultipartUploadsResult("b", null, null, null, null, null, "/",
                1000, false, true,
                List.of(upload("k1", null), upload("k2", "SHA256")),
                List.of("p1/", "p2/"));
        Element root = root(r);
        assertThat(childNames(root)).containsExactly("Bucket", "KeyMarker", "UploadIdMarker", "Prefix", "Delimiter",
                "MaxUploads", "IsTruncated", "Upload", "Upload", "CommonPrefixes", "CommonPrefixes", "EncodingType");
        List<Element> uploads = children(root, "Upload");
        assertThat(childNames(uploads.get(0))).containsExactly("Key", "UploadId", "Initiator", "Owner",
                "StorageClass", "Initiated");
        assertThat(childNames(uploads.get(1))).containsExactly("Key", "UploadId", "Initiator", "Owner",
                "StorageClass", "Initiated", "ChecksumAlgorithm");
        assertThat(childNames(children(uploads.get(0), "Initiator").get(0))).containsExactly("ID", "DisplayName");
        assertThat(childNames(children(uploads.get(0), "Owner").get(0))).containsExactly("ID", "DisplayName");
        assertThat(childText(uploads.get(1), "Key")).isEqualTo("k2");
        assertThat(children(root, "CommonPrefixes").stream().map(e -> childText(e, "Prefix")).toList())
                .containsExactly("p1/", "p2/");
        assertThat(childText(root, "MaxUploads")).isEqualTo("1000");
        assertThat(childText(root, "IsTruncated")).isEqualTo("false");
    }

    private static ListMultipartUploadsResult.Upload upload(String key, String checksum) {
        return new ListMultipartUploadsResult.Upload(key, "id-" + key, INITIATOR, OWNER, "STANDARD_IA", INITIATED,
                checksum);
    }

    @Test
    void emptyListingWritesEmptyMarkersAndOmitsAbsentOptionals() {
        ListMultipartUploadsResult r = new ListMultipartUploadsResult("b", null, null, null, null, null, null,
                1000, false, false, List.of(), List.of());
        assertThat(content(r)).isEqualTo("<Bucket>b</Bucket><KeyMarker></KeyMarker><UploadIdMarker></UploadIdMarker>"
                + "<Prefix></Prefix><MaxUploads>1000</MaxUploads><IsTruncated>false</IsTruncated>");
    }

    @Test
    void urlEncodingEncodesKeyLikeElementsWithPercent20AndKeepsSlash() {
        String key = "my dir/a+b*~é&.txt";
        String encodedKey = "my%20dir/a%2Bb%2A~%C3%A9%26.txt";
        ListMultipartUploadsResult r = new ListMultipartUploadsResult("b", "key marker/é", "upload id+1",
                "next key/ü", "next+id", "pre fix/", " ", 2, true, true,
                List.of(new ListMultipartUploadsResult.Upload(key, "up/load+id", INITIATOR, OWNER, "STANDARD",
                        INITIATED, null)),
                List.of("pre fix/sub dir "));
        Element root = root(r);
        assertThat(childText(root, "KeyMarker")).isEqualTo("key%20marker/%C3%A9");
        assertThat(childText(root, "NextKeyMarker")).isEqualTo("next%20key/%C3%BC");
        assertThat(childText(root, "Prefix")).isEqualTo("pre%20fix/");
        assertThat(childText(root, "Delimiter")).isEqualTo("%20");
        assertThat(childText(root, "EncodingType")).isEqualTo("url");
        Element upload = children(root, "Upload").get(0);
        assertThat(childText(upload, "Key")).isEqualTo(encodedKey);
        assertThat(childText(children(root, "CommonPrefixes").get(0), "Prefix")).isEqualTo("pre%20fix/sub%20dir%20");
        // upload ids are not key-like and are never encoded
        assertThat(childText(root, "UploadIdMarker")).isEqualTo("upload id+1");
        assertThat(childText(root, "NextUploadIdMarker")).isEqualTo("next+id");
        assertThat(childText(upload, "UploadId")).isEqualTo("up/load+id");
        // nor are the bucket, owner or storage class
        assertThat(childText(root, "Bucket")).isEqualTo("b");
    }

    @Test
    void withoutUrlEncodingKeysAreXmlEscapedVerbatim() {
        String key = "my dir/a+b*~é&<.txt";
        ListMultipartUploadsResult r = new ListMultipartUploadsResult("b", key, null, key, null, "pre fix", "/", 2,
                false, false,
                List.of(new ListMultipartUploadsResult.Upload(key, "u", INITIATOR, OWNER, "STANDARD", INITIATED,
                        null)),
                List.of("pre fix/"));
        Element root = root(r);
        assertThat(childText(root, "KeyMarker")).isEqualTo(key);
        assertThat(childText(root, "NextKeyMarker")).isEqualTo(key);
        assertThat(childText(root, "Prefix")).isEqualTo("pre fix");
        assertThat(childText(children(root, "Upload").get(0), "Key")).isEqualTo(key);
        assertThat(childText(children(root, "CommonPrefixes").get(0), "Prefix")).isEqualTo("pre fix/");
        assertThat(children(root, "EncodingType")).isEmpty();
        assertThat(content(r)).contains("<Key>my dir/a+b*~é&amp;&lt;.txt</Key>");
    }

    @Test
    void urlEncodingOfAControlCharacterKey() {
        ListMultipartUploadsResult r = new ListMultipartUploadsResult("b", null, null, null, null, null, null, 1,
                false, true,
                List.of(new ListMultipartUploadsResult.Upload("a\u0001b\n", "u", INITIATOR, OWNER, "STANDARD",
                        INITIATED, null)),
                List.of());
        assertThat(content(r)).contains("<Key>a%01b%0A</Key>");
    }

    @Test
    void rootElementName() {
        assertThat(new ListMultipartUploadsResult("b", null, null, null, null, null, null, 1, false, false,
                List.of(), List.of()).rootElement()).isEqualTo("ListMultipartUploadsResult");
    }
}
