package dev.rosetta.protocol.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;
import dev.rosetta.protocol.xml.doc.InitiateMultipartUploadResult;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DialectTest {

    @Test
    void awsRendersDeclarationNamespaceAndContentExactly() {
        byte[] xml = Dialect.AWS.render(new InitiateMultipartUploadResult("example-bucket", "example-object",
                "VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA"));
        assertThat(new String(xml, StandardCharsets.UTF_8)).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<InitiateMultipartUploadResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                        + "<Bucket>example-bucket</Bucket><Key>example-object</Key>"
                        + "<UploadId>VXBsb2FkIElEIGZvciA2aWWpbmcncyBteS1tb3ZpZS5tMnRzIHVwbG9hZA</UploadId>"
                        + "</InitiateMultipartUploadResult>");
    }

    @Test
    void renderEscapesContentAndEncodesUtf8() {
        byte[] xml = Dialect.AWS.render(new InitiateMultipartUploadResult("b", "dir/é & <x>", "u"));
        assertThat(xml).isEqualTo(("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<InitiateMultipartUploadResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Bucket>b</Bucket><Key>dir/é &amp; &lt;x&gt;</Key><UploadId>u</UploadId>"
                + "</InitiateMultipartUploadResult>").getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void awsConstants() {
        Dialect d = Dialect.AWS;
        assertThat(d.name()).isEqualTo("AWS");
        assertThat(d).hasToString("AWS");
        assertThat(d.headerPrefix()).isEqualTo("x-amz-");
        assertThat(d.metadataPrefix()).isEqualTo("x-amz-meta-");
        assertThat(d.header("storage-class")).isEqualTo("x-amz-storage-class");
        assertThat(d.requestIdHeader()).isEqualTo("x-amz-request-id");
        assertThat(d.id2Header()).isEqualTo("x-amz-id-2");
        assertThat(d.errorTraceHeader()).isNull();
        assertThat(d.namespace()).isEqualTo("http://s3.amazonaws.com/doc/2006-03-01/").isEqualTo(Dialect.AWS_NAMESPACE);
        assertThat(d.errorDeclaration()).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>");
        assertThat(d.errorHostIdElement()).isEqualTo("HostId");
    }

    @Test
    void toBuilderCopiesEveryFieldAndLeavesTheOriginalUnchanged() {
        Dialect copy = Dialect.AWS.toBuilder("AWS-copy").build();
        assertThat(copy.name()).isEqualTo("AWS-copy");
        assertThat(copy.headerPrefix()).isEqualTo(Dialect.AWS.headerPrefix());
        assertThat(copy.requestIdHeader()).isEqualTo(Dialect.AWS.requestIdHeader());
        assertThat(copy.id2Header()).isEqualTo(Dialect.AWS.id2Header());
        assertThat(copy.errorTraceHeader()).isEqualTo(Dialect.AWS.errorTraceHeader());
        assertThat(copy.namespace()).isEqualTo(Dialect.AWS.namespace());
        assertThat(copy.errorDeclaration()).isEqualTo(Dialect.AWS.errorDeclaration());
        assertThat(copy.errorHostIdElement()).isEqualTo(Dialect.AWS.errorHostIdElement());
        InitiateMultipartUploadResult doc = new InitiateMultipartUploadResult("b", "k", "u");
        assertThat(copy.render(doc)).isEqualTo(Dialect.AWS.render(doc));

        Dialect obs = Dialect.AWS.toBuilder("OBS")
                .headerPrefix("x-obs-")
                .requestIdHeader("x-obs-request-id")
                .id2Header("x-obs-id-2")
                .errorTraceHeader("x-obs-trace")
                .build();
        assertThat(obs.metadataPrefix()).isEqualTo("x-obs-meta-");
        assertThat(obs.header("acl")).isEqualTo("x-obs-acl");
        assertThat(obs.errorTraceHeader()).isEqualTo("x-obs-trace");
        assertThat(Dialect.AWS.headerPrefix()).isEqualTo("x-amz-");
        assertThat(Dialect.AWS.requestIdHeader()).isEqualTo("x-amz-request-id");
    }

    @Test
    void withoutDeclarationOrNamespaceOnlyTheRootIsWritten() {
        Dialect bare = Dialect.builder("bare").build();
        XmlDocument doc = new XmlDocument() {
            @Override
            public String rootElement() {
                return "Root";
            }

            @Override
            public void writeContent(XmlWriter w) {
                w.element("A", "1");
            }
        };
        assertThat(new String(bare.render(doc), StandardCharsets.UTF_8)).isEqualTo("<Root><A>1</A></Root>");
        assertThat(bare.headerPrefix()).isNull();
        assertThat(bare.errorHostIdElement()).isNull();

        Dialect otherNs = Dialect.builder("ns").namespace("http://obs.example/doc/2015-06-30/")
                .successDeclaration("<?xml version=\"1.0\" encoding=\"utf-8\"?>").build();
        assertThat(new String(otherNs.render(doc), StandardCharsets.UTF_8))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n"
                        + "<Root xmlns=\"http://obs.example/doc/2015-06-30/\"><A>1</A></Root>");
    }
}
