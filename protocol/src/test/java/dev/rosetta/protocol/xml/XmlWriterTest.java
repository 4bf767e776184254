package dev.rosetta.protocol.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class XmlWriterTest {

    private static String text(XmlWriter w) {
        return new String(w.toBytes(), StandardCharsets.UTF_8);
    }

    @Test
    void escapesMarkupCharactersInText() {
        XmlWriter w = new XmlWriter().element("Key", "a&b<c>d");
        assertThat(text(w)).isEqualTo("<Key>a&amp;b&lt;c&gt;d</Key>");
    }

    @Test
    void quotesAreLiteralInTextButEscapedInAttributes() {
        XmlWriter w = new XmlWriter()
                .startWithAttributes("Grantee", "xmlns:xsi", "http://www.w3.org/2001/XMLSchema-instance",
                        "xsi:type", "a\"b'<&>")
                .element("ID", "say \"hi\" it's")
                .end();
        assertThat(text(w)).isEqualTo("<Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\""
                + " xsi:type=\"a&quot;b'&lt;&amp;&gt;\"><ID>say \"hi\" it's</ID></Grantee>");
    }

    @Test
    void startWithoutAttributesWritesPlainTag() {
        assertThat(text(new XmlWriter().startWithAttributes("A").end())).isEqualTo("<A></A>");
    }

    @Test
    void controlCharactersBecomeNumericReferences() {
        XmlWriter w = new XmlWriter().element("Key", "a\u0001b\tc\nd\re\u007Ff\u001F");
        assertThat(text(w)).isEqualTo("<Key>a&#1;b&#9;c&#10;d&#13;e&#127;f&#31;</Key>");
    }

    @Test
    void nonAsciiTextIsWrittenAsUtf8() {
        XmlWriter w = new XmlWriter().element("Key", "é日\uD83D\uDE00");
        assertThat(w.toBytes()).isEqualTo("<Key>é日\uD83D\uDE00</Key>".getBytes(StandardCharsets.UTF_8));
        assertThat(w.toBytes()).hasSize("<Key></Key>".length() + 2 + 3 + 4);
    }

    @Test
    void nestsElementsAndClosesInReverseOrder() {
        XmlWriter w = new XmlWriter(8)
                .start("A")
                .start("B")
                .element("C", "x")
                .end()
                .start("D")
                .text("t&")
                .end()
                .end();
        assertThat(text(w)).isEqualTo("<A><B><C>x</C></B><D>t&amp;</D></A>");
    }

    @Test
    void namespaceIsWrittenOnlyWhenGiven() {
        assertThat(text(new XmlWriter().start("R", "urn:x").end())).isEqualTo("<R xmlns=\"urn:x\"></R>");
        assertThat(text(new XmlWriter().start("R", null).end())).isEqualTo("<R></R>");
        assertThat(text(new XmlWriter().start("R", "").end())).isEqualTo("<R></R>");
        assertThat(text(new XmlWriter().start("R", "urn:\"q\"&").end()))
                .isEqualTo("<R xmlns=\"urn:&quot;q&quot;&amp;\"></R>");
    }

    @Test
    void nullTextIsAnEmptyElementAndOptionalSkipsIt() {
        XmlWriter w = new XmlWriter()
                .element("A", (String) null)
                .optional("B", null)
                .optional("C", "")
                .optional("D", "d<");
        assertThat(text(w)).isEqualTo("<A></A><C></C><D>d&lt;</D>");
    }

    @Test
    void writesNumbersBooleansAndTimes() {
        XmlWriter w = new XmlWriter()
                .element("Size", 5_000_000_000L)
                .element("Neg", -1L)
                .element("IsTruncated", true)
                .element("Other", false)
                .element("LastModified", Instant.parse("2024-01-02T03:04:05.678Z"));
        assertThat(text(w)).isEqualTo("<Size>5000000000</Size><Neg>-1</Neg><IsTruncated>true</IsTruncated>"
                + "<Other>false</Other><LastModified>2024-01-02T03:04:05.678Z</LastModified>");
    }

    @Test
    void rawIsNotEscaped() {
        XmlWriter w = new XmlWriter().raw("<?xml version=\"1.0\"?>\n").element("A", "&");
        assertThat(text(w)).isEqualTo("<?xml version=\"1.0\"?>\n<A>&amp;</A>");
    }

    @Test
    void toBytesRefusesUnclosedElements() {
        XmlWriter w = new XmlWriter().start("Outer").start("Inner");
        assertThatThrownBy(w::toBytes).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Inner").hasMessageContaining("Outer");
        w.end();
        assertThatThrownBy(w::toBytes).isInstanceOf(IllegalStateException.class).hasMessageContaining("Outer");
        w.end();
        assertThat(text(w)).isEqualTo("<Outer><Inner></Inner></Outer>");
    }

    @Test
    void namespacedAndAttributedStartsAreTrackedForClosing() {
        XmlWriter ns = new XmlWriter().start("R", "urn:x");
        assertThatThrownBy(ns::toBytes).isInstanceOf(IllegalStateException.class);
        XmlWriter attr = new XmlWriter().startWithAttributes("G", "a", "b");
        assertThatThrownBy(attr::toBytes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void endWithoutOpenElementFails() {
        XmlWriter w = new XmlWriter().element("A", "x");
        assertThatThrownBy(w::end).isInstanceOf(RuntimeException.class);
    }

    @Test
    void toStringShowsContentSoFarEvenWhenUnclosed() {
        XmlWriter w = new XmlWriter().start("A").text("x");
        assertThat(w.toString()).isEqualTo("<A>x");
    }
}
