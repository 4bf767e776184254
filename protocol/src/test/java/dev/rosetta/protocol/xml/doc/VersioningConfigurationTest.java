package dev.rosetta.protocol.xml.doc;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.dialect.Dialect;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class VersioningConfigurationTest {

    @Test
    void unversionedBucketIsAnEmptyRoot() {
        assertThat(new String(Dialect.AWS.render(VersioningConfiguration.UNVERSIONED), StandardCharsets.UTF_8))
                .isEqualTo("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<VersioningConfiguration"
                        + " xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"></VersioningConfiguration>");
    }

    @Test
    void statusThenMfaDelete() {
        assertThat(ListBucketResultTest.content(new VersioningConfiguration("Enabled", "Disabled")))
                .isEqualTo("<Status>Enabled</Status><MfaDelete>Disabled</MfaDelete>");
        assertThat(ListBucketResultTest.content(new VersioningConfiguration("Suspended", null)))
                .isEqualTo("<Status>Suspended</Status>");
    }
}
