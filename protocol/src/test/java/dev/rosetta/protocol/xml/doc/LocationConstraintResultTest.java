package dev.rosetta.protocol.xml.doc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.dialect.Dialect;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LocationConstraintResultTest {

    private static String render(String location) {
        return new String(Dialect.AWS.render(new LocationConstraintResult(location)), StandardCharsets.UTF_8);
    }

    @Test
    void nullLocationIsAnEmptyRoot() {
        assertThat(render(null)).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></LocationConstraint>");
    }

    @Test
    void locationIsTheRootsText() {
        assertThat(render("eu-west-1")).isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                + "<LocationConstraint xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">eu-west-1</LocationConstraint>");
    }

    @Test
    void locationIsEscaped() {
        assertThat(render("a<b&c")).contains(">a&lt;b&amp;c</LocationConstraint>");
    }
}
