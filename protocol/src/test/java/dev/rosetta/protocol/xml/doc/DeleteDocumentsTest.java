package dev.rosetta.protocol.xml.doc;

import static dev.rosetta.protocol.xml.XmlTestSupport.childNames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.xml.XmlRequestParser;
import dev.rosetta.protocol.xml.XmlTestSupport;
import dev.rosetta.protocol.xml.XmlWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** DeleteObjects' request (Delete) and answer (DeleteResult). */
class DeleteDocumentsTest {

    private static DeleteRequest parse(String xml) {
        return XmlRequestParser.parse(xml.getBytes(StandardCharsets.UTF_8), "Delete", DeleteRequest.class);
    }

    private static void assertMalformed(Runnable r) {
        S3Exception e = catchThrowableOfType(S3Exception.class, r::run);
        assertThat(e).isNotNull();
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.MALFORMED_XML);
    }

    @Test
    void resultIsExactWithEscapedKeys() {
        DeleteResult r = new DeleteResult(List.of(
                new DeleteResult.Deleted("a&b", null),
                new DeleteResult.Error("c<d", null, "AccessDenied", "Access Denied"),
                new DeleteResult.Deleted("v", "null")), false);
        XmlWriter w = new XmlWriter();
        r.writeContent(w);
        assertThat(new String(w.toBytes(), StandardCharsets.UTF_8)).isEqualTo(
                "<Deleted><Key>a&amp;b</Key></Deleted>"
                        + "<Error><Key>c&lt;d</Key><Code>AccessDenied</Code><Message>Access Denied</Message></Error>"
                        + "<Deleted><Key>v</Key><VersionId>null</VersionId></Deleted>");
        Element root = XmlTestSupport.parse(Dialect.AWS.render(r)).getDocumentElement();
        assertThat(root.getLocalName()).isEqualTo("DeleteResult");
        assertThat(root.getNamespaceURI()).isEqualTo(Dialect.AWS_NAMESPACE);
        assertThat(childNames(root)).containsExactly("Deleted", "Error", "Deleted");
    }

    @Test
    void quietResultIsEmptyAndUrlEncodingEncodesKeys() {
        assertThat(childNames(XmlTestSupport.parse(Dialect.AWS.render(new DeleteResult(List.of(), false)))
                .getDocumentElement())).isEmpty();
        XmlWriter w = new XmlWriter();
        new DeleteResult(List.of(new DeleteResult.Deleted("a b/\u00e9", null)), true).writeContent(w);
        assertThat(w.toString()).isEqualTo("<Deleted><Key>a%20b/%C3%A9</Key></Deleted>");
    }

    @Test
    void requestParsesKeysVersionsAndQuiet() {
        DeleteRequest d = parse("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<Delete xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Quiet>true</Quiet>"
                + "<Object><Key>a&amp;b</Key></Object><Object><Key> spaced </Key><VersionId>null</VersionId></Object>"
                + "</Delete>");
        assertThat(d.quiet()).isTrue();
        assertThat(d.objects()).containsExactly(new DeleteRequest.Target("a&b", null),
                new DeleteRequest.Target(" spaced ", "null"));
        assertThat(parse("<Delete><Object><Key>k</Key></Object></Delete>").quiet()).isFalse();
    }

    @Test
    void objectsSplitByQuietAreAllKept() {
        DeleteRequest d = parse("<Delete><Object><Key>a</Key></Object><Quiet>true</Quiet>"
                + "<Object><Key>b</Key></Object></Delete>");
        assertThat(d.objects()).extracting(DeleteRequest.Target::key).containsExactly("a", "b");
    }

    @Test
    void malformedRequestsAreRefused() {
        assertMalformed(() -> parse("<Delete></Delete>").objects());
        assertMalformed(() -> parse("<Delete><Object><VersionId>x</VersionId></Object></Delete>").objects());
        assertMalformed(() -> parse("<Delete><Quiet>maybe</Quiet><Object><Key>k</Key></Object></Delete>").quiet());
        assertMalformed(() -> parse("<Other><Object><Key>k</Key></Object></Other>"));
        StringBuilder many = new StringBuilder("<Delete>");
        for (int i = 0; i <= DeleteRequest.MAX_KEYS; i++) {
            many.append("<Object><Key>k").append(i).append("</Key></Object>");
        }
        String tooMany = many.append("</Delete>").toString();
        assertMalformed(() -> parse(tooMany).objects());
    }
}
