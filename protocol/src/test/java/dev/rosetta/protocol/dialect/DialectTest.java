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

    private static String render(Dialect d) {
        return new String(d.render(new InitiateMultipartUploadResult("bucket01", "objectkey",
                "DCD2FC98B4F70000013DF578ACA318E7")), StandardCharsets.UTF_8);
    }

    private final DialectCatalog catalog = new DialectCatalog(DialectCatalog.Namespaces.defaults("cn-north-4"));

    @Test
    void obsNativeAnswersWithStandaloneDeclarationAndRegionNamespace() {
        Dialect obs = catalog.byName("OBS");
        assertThat(render(obs)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                + "<InitiateMultipartUploadResult xmlns=\"http://obs.cn-north-4.myhuaweicloud.com/doc/2015-06-30/\">"
                + "<Bucket>bucket01</Bucket><Key>objectkey</Key><UploadId>DCD2FC98B4F70000013DF578ACA318E7</UploadId>"
                + "</InitiateMultipartUploadResult>");
        assertThat(obs.requestIdHeader()).isEqualTo("x-obs-request-id");
        assertThat(obs.id2Header()).isEqualTo("x-obs-id-2");
        assertThat(obs.metadataPrefix()).isEqualTo("x-obs-meta-");
        Dialect s3Mode = catalog.byName("OBS-S3");
        assertThat(s3Mode.requestIdHeader()).isEqualTo("x-amz-request-id");
        assertThat(s3Mode.metadataPrefix()).isEqualTo("x-amz-meta-");
        assertThat(render(s3Mode)).isEqualTo(render(obs));
    }

    @Test
    void cosAnswersWithoutDeclarationOrNamespace() {
        Dialect cos = catalog.byName("COS");
        assertThat(render(cos)).isEqualTo("<InitiateMultipartUploadResult><Bucket>bucket01</Bucket>"
                + "<Key>objectkey</Key><UploadId>DCD2FC98B4F70000013DF578ACA318E7</UploadId>"
                + "</InitiateMultipartUploadResult>");
        assertThat(cos.requestIdHeader()).isEqualTo("x-cos-request-id");
        assertThat(cos.id2Header()).isNull();
        assertThat(cos.errorTraceHeader()).isEqualTo("x-cos-trace-id");
        assertThat(cos.errorDeclaration()).isEqualTo("<?xml version='1.0' encoding='utf-8' ?>");
        assertThat(cos.errorHostIdElement()).isEqualTo("TraceId");
        Dialect cosS3 = catalog.byName("COS-S3");
        assertThat(render(cosS3)).isEqualTo(render(Dialect.AWS));
        assertThat(cosS3.extraRequestIdHeaders()).containsExactly("x-cos-request-id");
    }

    @Test
    void wosAndWcsDifferOnlyInTheirNamespace() {
        assertThat(render(catalog.byName("WCS"))).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
                        + "<InitiateMultipartUploadResult xmlns=\"http://wcs.chinanetcenter.com/document\">"
                        + "<Bucket>bucket01</Bucket><Key>objectkey</Key>"
                        + "<UploadId>DCD2FC98B4F70000013DF578ACA318E7</UploadId></InitiateMultipartUploadResult>");
        assertThat(render(catalog.byName("WOS"))).contains("xmlns=\"https://www.wangsu.com/document\"");
        assertThat(catalog.byName("WOS").requestIdHeader()).isEqualTo("x-wos-request-id");
        assertThat(catalog.byName("WOS").id2Header()).isNull();
        assertThat(catalog.byName("WCS-S3").requestIdHeader()).isEqualTo("x-wos-request-id");
        assertThat(catalog.byName("WCS-S3").metadataPrefix()).isEqualTo("x-amz-meta-");
    }

    @Test
    void namespacesAreConfigurable() {
        DialectCatalog custom = new DialectCatalog(new DialectCatalog.Namespaces("http://obs.example/doc/2015-06-30/",
                "urn:wos", "urn:wcs"));
        assertThat(custom.byName("OBS").namespace()).isEqualTo("http://obs.example/doc/2015-06-30/");
        assertThat(custom.byName("WOS").namespace()).isEqualTo("urn:wos");
        assertThat(custom.byName("WCS").namespace()).isEqualTo("urn:wcs");
    }

    @Test
    void aVendorSchemeDecidesByItself() {
        for (EndpointStyle endpoint : EndpointStyle.values()) {
            assertThat(catalog.resolve(endpoint, SigningFamily.OBS, false, false).name()).isEqualTo("OBS");
            assertThat(catalog.resolve(endpoint, SigningFamily.COS, false, false).name()).isEqualTo("COS");
            assertThat(catalog.resolve(endpoint, SigningFamily.WOS, false, false).name())
                    .isEqualTo(endpoint == EndpointStyle.WCS ? "WCS" : "WOS");
        }
    }

    @Test
    void awsFamilySignaturesTakeTheEndpointStyle() {
        assertThat(catalog.resolve(EndpointStyle.AWS, SigningFamily.AWS, false, true).name()).isEqualTo("AWS");
        assertThat(catalog.resolve(EndpointStyle.JD, SigningFamily.AWS, false, true).name()).isEqualTo("JD");
        assertThat(catalog.resolve(EndpointStyle.OBS, SigningFamily.AWS, false, true).name()).isEqualTo("OBS-S3");
        assertThat(catalog.resolve(EndpointStyle.COS, SigningFamily.AWS, false, true).name()).isEqualTo("COS-S3");
        assertThat(catalog.resolve(EndpointStyle.WOS, SigningFamily.AWS, false, true).name()).isEqualTo("WOS-S3");
        assertThat(catalog.resolve(EndpointStyle.WCS, SigningFamily.AWS, false, true).name()).isEqualTo("WCS-S3");
        for (EndpointStyle endpoint : EndpointStyle.values()) {
            assertThat(catalog.resolve(endpoint, SigningFamily.AWS, true, false).headerPrefix()).isEqualTo("x-amz-");
        }
    }

    @Test
    void anonymousRequestsTakeTheEndpointStyle() {
        assertThat(catalog.resolve(EndpointStyle.AWS, SigningFamily.ANONYMOUS, false, false).name()).isEqualTo("AWS");
        assertThat(catalog.resolve(EndpointStyle.COS, SigningFamily.ANONYMOUS, false, false).name()).isEqualTo("COS");
        assertThat(catalog.resolve(EndpointStyle.OBS, SigningFamily.ANONYMOUS, false, false).name()).isEqualTo("OBS");
        assertThat(catalog.resolve(EndpointStyle.OBS, SigningFamily.ANONYMOUS, false, true).name()).isEqualTo("OBS-S3");
        assertThat(catalog.resolve(EndpointStyle.OBS, SigningFamily.ANONYMOUS, true, true).name()).isEqualTo("OBS");
        assertThat(catalog.resolve(EndpointStyle.WCS, SigningFamily.ANONYMOUS, false, false).name()).isEqualTo("WCS");
    }

    @Test
    void endpointStylesParseCaseInsensitively() {
        assertThat(EndpointStyle.parse("wcs")).isEqualTo(EndpointStyle.WCS);
        assertThat(EndpointStyle.parse(" Jd ")).isEqualTo(EndpointStyle.JD);
        assertThat(EndpointStyle.parse("minio")).isNull();
    }
}
