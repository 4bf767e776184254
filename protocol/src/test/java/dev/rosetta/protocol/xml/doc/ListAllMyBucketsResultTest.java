package dev.rosetta.protocol.xml.doc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.xml.XmlTestSupport;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class ListAllMyBucketsResultTest {

    private static String render(ListAllMyBucketsResult r) {
        return new String(Dialect.AWS.render(r), StandardCharsets.UTF_8);
    }

    @Test
    void fullDocumentIsExact() {
        ListAllMyBucketsResult r = new ListAllMyBucketsResult(new Owner("bcaf1ffd86f461ca5fb16fd081034f", "webfile"),
                List.of(new ListAllMyBucketsResult.Entry("quotes", Instant.parse("2006-02-03T16:45:09Z"), "us-east-1"),
                        new ListAllMyBucketsResult.Entry("samples", Instant.parse("2006-02-03T16:41:58.5Z"), null)),
                "token&1", "q");
        assertThat(render(r)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Owner><ID>bcaf1ffd86f461ca5fb16fd081034f</ID><DisplayName>webfile</DisplayName></Owner>"
                + "<Buckets>"
                + "<Bucket><Name>quotes</Name><CreationDate>2006-02-03T16:45:09.000Z</CreationDate>"
                + "<BucketRegion>us-east-1</BucketRegion></Bucket>"
                + "<Bucket><Name>samples</Name><CreationDate>2006-02-03T16:41:58.500Z</CreationDate></Bucket>"
                + "</Buckets>"
                + "<ContinuationToken>token&amp;1</ContinuationToken><Prefix>q</Prefix>"
                + "</ListAllMyBucketsResult>");
    }

    @Test
    void noBucketsAndNoOptionals() {
        ListAllMyBucketsResult r = new ListAllMyBucketsResult(new Owner("id", null), List.of(), null, null);
        assertThat(render(r)).endsWith("<ListAllMyBucketsResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                + "<Owner><ID>id</ID><DisplayName>id</DisplayName></Owner><Buckets></Buckets>"
                + "</ListAllMyBucketsResult>");
    }

    @Test
    void isWellFormedWithBucketsInGivenOrder() {
        ListAllMyBucketsResult r = new ListAllMyBucketsResult(new Owner("id", "n"),
                List.of(new ListAllMyBucketsResult.Entry("zeta", Instant.EPOCH, null),
                        new ListAllMyBucketsResult.Entry("alpha", Instant.EPOCH, "eu-west-1")),
                null, null);
        Element root = XmlTestSupport.parse(Dialect.AWS.render(r)).getDocumentElement();
        assertThat(XmlTestSupport.childNames(root)).containsExactly("Owner", "Buckets");
        Element buckets = XmlTestSupport.children(root, "Buckets").get(0);
        assertThat(XmlTestSupport.children(buckets, "Bucket").stream()
                .map(b -> XmlTestSupport.childText(b, "Name")).toList()).containsExactly("zeta", "alpha");
    }
}
