package dev.rosetta.protocol.xml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ErrorDocumentTest {

    private static String render(Dialect d, S3Exception e, String resource, String requestId, String hostId) {
        return new String(ErrorDocument.render(d, e, resource, requestId, hostId), StandardCharsets.UTF_8);
    }

    @Test
    void awsShapeIsExact() {
        S3Exception e = new S3Exception(S3ErrorCode.NO_SUCH_KEY).with("Key", "photos/a&b.jpg");
        assertThat(render(Dialect.AWS, e, "/bucket/photos/a&b.jpg", "4442587FB7D0A2F9", "host/id+="))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>"
                        + "<Key>photos/a&amp;b.jpg</Key><Resource>/bucket/photos/a&amp;b.jpg</Resource>"
                        + "<RequestId>4442587FB7D0A2F9</RequestId><HostId>host/id+=</HostId></Error>");
    }

    @Test
    void hasNoNamespaceAndIsWellFormed() {
        S3Exception e = S3Exception.invalidArgument("bad <thing>", "x-amz-acl", "a\"b");
        byte[] xml = ErrorDocument.render(Dialect.AWS, e, "/b", "R", "H");
        assertThat(new String(xml, StandardCharsets.UTF_8)).doesNotContain("xmlns");
        Document doc = XmlTestSupport.parse(xml);
        Element root = doc.getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("Error");
        assertThat(root.getNamespaceURI()).isNull();
        assertThat(XmlTestSupport.childNames(root)).containsExactly(
                "Code", "Message", "ArgumentName", "ArgumentValue", "Resource", "RequestId", "HostId");
        assertThat(XmlTestSupport.childText(root, "Code")).isEqualTo("InvalidArgument");
        assertThat(XmlTestSupport.childText(root, "Message")).isEqualTo("bad <thing>");
        assertThat(XmlTestSupport.childText(root, "ArgumentValue")).isEqualTo("a\"b");
    }

    @Test
    void detailsKeepInsertionOrderAndNullDetailsAreDropped() {
        S3Exception e = new S3Exception(S3ErrorCode.METADATA_TOO_LARGE)
                .with("Size", "3000")
                .with("Ignored", null)
                .with("MaxSizeAllowed", "2048");
        Element root = XmlTestSupport.parse(ErrorDocument.render(Dialect.AWS, e, null, "R", "H")).getDocumentElement();
        assertThat(XmlTestSupport.childNames(root))
                .containsExactly("Code", "Message", "Size", "MaxSizeAllowed", "RequestId", "HostId");
    }

    @Test
    void resourceIsOmittedWhenNull() {
        String xml = render(Dialect.AWS, new S3Exception(S3ErrorCode.ACCESS_DENIED), null, "R", "H");
        assertThat(xml).endsWith("<Error><Code>AccessDenied</Code><Message>Access Denied</Message>"
                + "<RequestId>R</RequestId><HostId>H</HostId></Error>");
    }

    @Test
    void customMessageReplacesTheDefault() {
        String xml = render(Dialect.AWS, new S3Exception(S3ErrorCode.INVALID_REQUEST, "Missing part"), null, "R", "H");
        assertThat(xml).contains("<Message>Missing part</Message>").doesNotContain("Invalid Request");
    }

    @Test
    void dialectChoosesDeclarationAndHostIdElement() {
        Dialect cosLike = new Dialect("COS-like", dev.rosetta.protocol.dialect.HeaderFamily.COS,
                dev.rosetta.protocol.dialect.WireStyle.AWS.toBuilder("COS-like")
                        .errorDeclaration(null)
                        .errorHostIdElement("TraceId")
                        .build());
        String xml = render(cosLike, new S3Exception(S3ErrorCode.NO_SUCH_BUCKET), "/b", "R", "T");
        assertThat(xml).isEqualTo("<Error><Code>NoSuchBucket</Code><Message>The specified bucket does not exist"
                + "</Message><Resource>/b</Resource><RequestId>R</RequestId><TraceId>T</TraceId></Error>");

        Dialect noHost = new Dialect("plain", dev.rosetta.protocol.dialect.HeaderFamily.AMZ,
                dev.rosetta.protocol.dialect.WireStyle.AWS.toBuilder("plain").errorHostIdElement(null).build());
        assertThat(render(noHost, new S3Exception(S3ErrorCode.NO_SUCH_BUCKET), null, "R", "H"))
                .doesNotContain("HostId").doesNotContain("<H").endsWith("<RequestId>R</RequestId></Error>");
    }

    @Test
    void cosErrorsHaveTheSingleQuotedDeclarationAndTraceId() {
        Dialect cos = new dev.rosetta.protocol.dialect.DialectCatalog(
                dev.rosetta.protocol.dialect.DialectCatalog.Namespaces.defaults("r")).byName("COS");
        assertThat(render(cos, new S3Exception(S3ErrorCode.NO_SUCH_KEY), "b/k", "R", "T")).isEqualTo(
                "<?xml version='1.0' encoding='utf-8' ?>\n<Error><Code>NoSuchKey</Code><Message>The specified key"
                        + " does not exist.</Message><Resource>b/k</Resource><RequestId>R</RequestId>"
                        + "<TraceId>T</TraceId></Error>");
    }
}
