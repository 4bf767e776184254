package dev.rosetta.protocol.xml.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.Tag;
import dev.rosetta.protocol.xml.XmlRequestParser;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaggingTest {

    private static List<Tag> parse(String xml) {
        return XmlRequestParser.parse(xml.getBytes(StandardCharsets.UTF_8), "Tagging", TaggingRequest.class).tags();
    }

    private static void assertMalformed(String xml) {
        assertThatThrownBy(() -> parse(xml)).as(xml).isInstanceOfSatisfying(S3Exception.class,
                e -> assertThat(e.errorCode()).isEqualTo(S3ErrorCode.MALFORMED_XML));
    }

    @Test
    void responseIsExact() {
        Tagging t = new Tagging(List.of(new Tag("project", "rosetta"), new Tag("a&b", "")));
        assertThat(new String(Dialect.AWS.render(t), StandardCharsets.UTF_8)).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet>"
                        + "<Tag><Key>project</Key><Value>rosetta</Value></Tag>"
                        + "<Tag><Key>a&amp;b</Key><Value></Value></Tag>"
                        + "</TagSet></Tagging>");
    }

    @Test
    void noTagsIsAnEmptyTagSet() {
        assertThat(ListBucketResultTest.content(new Tagging(List.of()))).isEqualTo("<TagSet></TagSet>");
    }

    @Test
    void requestTagsParseInOrderWithAnyOrNoNamespace() {
        assertThat(parse("<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><TagSet>"
                + "<Tag><Key>k1</Key><Value>v1</Value></Tag><Tag><Value>v 2</Value><Key>k 2</Key></Tag>"
                + "</TagSet></Tagging>"))
                .containsExactly(new Tag("k1", "v1"), new Tag("k 2", "v 2"));
        assertThat(parse("<Tagging><TagSet><Tag><Key>only</Key><Value>one</Value></Tag></TagSet></Tagging>"))
                .containsExactly(new Tag("only", "one"));
    }

    @Test
    void emptyValuesAndEmptyTagSetsAreAllowed() {
        assertThat(parse("<Tagging><TagSet><Tag><Key>k</Key><Value></Value></Tag></TagSet></Tagging>"))
                .containsExactly(new Tag("k", ""));
        assertThat(parse("<Tagging><TagSet><Tag><Key>k</Key><Value/></Tag></TagSet></Tagging>"))
                .containsExactly(new Tag("k", ""));
        assertThat(parse("<Tagging><TagSet></TagSet></Tagging>")).isEmpty();
        assertThat(parse("<Tagging><TagSet/></Tagging>")).isEmpty();
    }

    @Test
    void structuralProblemsAreMalformedXml() {
        assertMalformed("<Tagging></Tagging>");
        assertMalformed("<Tagging/>");
        assertMalformed("<Tagging><TagSet><Tag><Key>k</Key></Tag></TagSet></Tagging>");
        assertMalformed("<Tagging><TagSet><Tag><Value>v</Value></Tag></TagSet></Tagging>");
        assertMalformed("<Tagging><TagSet><Tag><Key>k</Key><Value>v</Value></Tag>");
        assertMalformed("<Other><TagSet/></Other>");
        assertMalformed("not xml at all");
    }
}
