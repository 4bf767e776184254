package dev.rosetta.protocol.xml.doc;

import static dev.rosetta.protocol.xml.XmlTestSupport.childNames;
import static dev.rosetta.protocol.xml.XmlTestSupport.children;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlTestSupport;
import dev.rosetta.protocol.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** The exact shapes of ListPartsResult, CompleteMultipartUploadResult, CopyObjectResult and CopyPartResult. */
class MultipartDocumentsTest {
    private static final Owner OWNER = new Owner("75aa57f09aa0c8caeab4f8c24e99d10f", "owner-name");
    private static final Owner INITIATOR = new Owner("arn:aws:iam::111122223333:user/u", "u");
    private static final Instant T = Instant.parse("2010-11-10T20:48:34Z");

    private static String content(XmlDocument d) {
        XmlWriter w = new XmlWriter();
        d.writeContent(w);
        return new String(w.toBytes(), StandardCharsets.UTF_8);
    }

    private static Element root(XmlDocument d) {
        Element root = XmlTestSupport.parse(Dialect.AWS.render(d)).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo(d.rootElement());
        assertThat(root.getNamespaceURI()).isEqualTo(Dialect.AWS_NAMESPACE);
        return root;
    }

    @Test
    void listPartsIsExact() {
        ListPartsResult r = new ListPartsResult("bucket", "a&b<c", "UP", 1, 3, 2, true,
                List.of(new ListPartsResult.Part(2, T, "7778aef83f66abc1fa1e8477f296d394", 10485760,
                                Map.of("CRC32", "AAAAAA==")),
                        new ListPartsResult.Part(3, T, "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 5, Map.of())),
                INITIATOR, OWNER, "STANDARD", "CRC32", "COMPOSITE", false);
        assertThat(content(r)).isEqualTo("<Bucket>bucket</Bucket><Key>a&amp;b&lt;c</Key><UploadId>UP</UploadId>"
                + "<PartNumberMarker>1</PartNumberMarker><NextPartNumberMarker>3</NextPartNumberMarker>"
                + "<MaxParts>2</MaxParts><IsTruncated>true</IsTruncated>"
                + "<Part><PartNumber>2</PartNumber><LastModified>2010-11-10T20:48:34.000Z</LastModified>"
                + "<ETag>\"7778aef83f66abc1fa1e8477f296d394\"</ETag><Size>10485760</Size>"
                + "<ChecksumCRC32>AAAAAA==</ChecksumCRC32></Part>"
                + "<Part><PartNumber>3</PartNumber><LastModified>2010-11-10T20:48:34.000Z</LastModified>"
                + "<ETag>\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"</ETag><Size>5</Size></Part>"
                + "<Initiator><ID>arn:aws:iam::111122223333:user/u</ID><DisplayName>u</DisplayName></Initiator>"
                + "<Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f</ID><DisplayName>owner-name</DisplayName></Owner>"
                + "<StorageClass>STANDARD</StorageClass><ChecksumAlgorithm>CRC32</ChecksumAlgorithm>"
                + "<ChecksumType>COMPOSITE</ChecksumType>");
    }

    @Test
    void listPartsWithoutPartsOrChecksumsAndUrlEncoded() {
        ListPartsResult r = new ListPartsResult("b", "dir/a b+c", "UP", 0, null, 1000, false, List.of(),
                INITIATOR, OWNER, "STANDARD", null, null, true);
        Element root = root(r);
        assertThat(childNames(root)).containsExactly("Bucket", "Key", "UploadId", "PartNumberMarker", "MaxParts",
                "IsTruncated", "Initiator", "Owner", "StorageClass", "EncodingType");
        assertThat(XmlTestSupport.childText(root, "Key")).isEqualTo("dir/a%20b%2Bc");
    }

    @Test
    void checksumsAreWrittenInAlgorithmOrder() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("SHA256", "s256");
        all.put("CRC64NVME", "c64");
        all.put("SHA1", "s1");
        all.put("CRC32C", "c32c");
        all.put("CRC32", "c32");
        ListPartsResult r = new ListPartsResult("b", "k", "UP", 0, null, 1, false,
                List.of(new ListPartsResult.Part(1, T, "e", 1, all)), INITIATOR, OWNER, "STANDARD", null, null, false);
        Element part = children(root(r), "Part").get(0);
        assertThat(childNames(part)).containsExactly("PartNumber", "LastModified", "ETag", "Size", "ChecksumCRC32",
                "ChecksumCRC32C", "ChecksumCRC64NVME", "ChecksumSHA1", "ChecksumSHA256");
    }

    @Test
    void completeResultIsExact() {
        CompleteMultipartUploadResult r = new CompleteMultipartUploadResult("http://h:9000/b/k%20x", "b", "k x",
                "3858f62230ac3c915f300c664312c11f-9", Map.of("CRC32C", "sOO8/Q==-9"), "COMPOSITE");
        assertThat(content(r)).isEqualTo("<Location>http://h:9000/b/k%20x</Location><Bucket>b</Bucket>"
                + "<Key>k x</Key><ETag>\"3858f62230ac3c915f300c664312c11f-9\"</ETag>"
                + "<ChecksumCRC32C>sOO8/Q==-9</ChecksumCRC32C><ChecksumType>COMPOSITE</ChecksumType>");
        CompleteMultipartUploadResult plain = new CompleteMultipartUploadResult("l", "b", "k", "e-1", Map.of(), null);
        assertThat(childNames(root(plain))).containsExactly("Location", "Bucket", "Key", "ETag");
    }

    @Test
    void copyResultsAreExact() {
        assertThat(content(CopyResult.object(T, "9b2cf535f27731c974343645a3985328", Map.of(), null)))
                .isEqualTo("<LastModified>2010-11-10T20:48:34.000Z</LastModified>"
                        + "<ETag>\"9b2cf535f27731c974343645a3985328\"</ETag>");
        CopyResult object = CopyResult.object(T, "e-2", Map.of("CRC32", "x==-2"), "COMPOSITE");
        assertThat(object.rootElement()).isEqualTo("CopyObjectResult");
        assertThat(childNames(root(object))).containsExactly("LastModified", "ETag", "ChecksumType", "ChecksumCRC32");
        CopyResult part = CopyResult.part(T, "e", Map.of("SHA256", "s"));
        assertThat(part.rootElement()).isEqualTo("CopyPartResult");
        assertThat(content(part)).isEqualTo("<LastModified>2010-11-10T20:48:34.000Z</LastModified>"
                + "<ETag>\"e\"</ETag><ChecksumSHA256>s</ChecksumSHA256>");
    }
}
