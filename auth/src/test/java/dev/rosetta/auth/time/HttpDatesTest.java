package dev.rosetta.auth.time;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HttpDatesTest {
    private static final Instant T = Instant.parse("1994-11-06T08:49:37Z");

    @ParameterizedTest
    @ValueSource(strings = {
        "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 08:49:37 +0000",
        "Sun, 06 Nov 1994 09:49:37 +0100",
        "Sun, 06 Nov 1994 03:49:37 -0500",
        "Sun, 6 Nov 1994 08:49:37 UTC",
        "Sunday, 06-Nov-94 08:49:37 GMT",
        "Sun Nov  6 08:49:37 1994",
        "Sun Nov 06 08:49:37 1994",
        "19941106T084937Z",
        "  Sun, 06 Nov 1994 08:49:37 GMT ",
        "06 Nov 1994 08:49:37 GMT",
        "Mon, 06 Nov 1994 08:49:37 GMT", // weekday not checked
    })
    void parsesEveryAcceptedFormat(String value) {
        assertThat(HttpDates.parse(value)).isEqualTo(T);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "yesterday", "Sun, 06 Nov 1994 08:49:37", "Sun, 06 Nov 1994 08:49:37 EST",
        "Sun, 32 Nov 1994 08:49:37 GMT", "Sun, 06 Foo 1994 08:49:37 GMT", "Sun, 06 Nov 1994 25:49:37 GMT",
        "19941106T084937", "19941306T084937Z", "1994-11-06T08:49:37Z", "Sun, 06 Nov 1994 08:49:37 GMT x",
        "Sun Nov  6 08:49:37 94"})
    void rejectsTheRest(String value) {
        assertThat(HttpDates.parse(value)).isNull();
    }

    @Test
    void nullIsNull() {
        assertThat(HttpDates.parse(null)).isNull();
        assertThat(HttpDates.parseIsoBasic(null)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"19941106T084937Z", " 19941106T084937Z ", "Sun, 06 Nov 1994 08:49:37 GMT",
        "Sun, 06 Nov 1994 09:49:37 +0100"})
    void theV4FormOfAParsedValueIsTheValueItselfOrItsFormatting(String value) {
        assertThat(HttpDates.isoBasicForm(value, HttpDates.parse(value))).isEqualTo("19941106T084937Z");
    }

    @Test
    void formats() {
        assertThat(HttpDates.formatIsoBasic(T)).isEqualTo("19941106T084937Z");
        assertThat(HttpDates.formatIsoExtended(T.plusMillis(999))).isEqualTo("1994-11-06T08:49:37Z");
        assertThat(HttpDates.parseIsoBasic("20130524T000000Z")).isEqualTo(Instant.parse("2013-05-24T00:00:00Z"));
        assertThat(HttpDates.parse("Sunday, 06-Nov-69 08:49:37 GMT")).isEqualTo(Instant.parse("2069-11-06T08:49:37Z"));
    }
}
