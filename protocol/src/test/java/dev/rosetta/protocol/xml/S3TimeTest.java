package dev.rosetta.protocol.xml;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class S3TimeTest {

    @ParameterizedTest
    @CsvSource({
            "2024-01-02T03:04:05Z,             2024-01-02T03:04:05.000Z",
            "2024-01-02T03:04:05.678Z,         2024-01-02T03:04:05.678Z",
            "2024-12-31T23:59:59.007Z,         2024-12-31T23:59:59.007Z",
            "2024-12-31T23:59:59.070Z,         2024-12-31T23:59:59.070Z",
            "2024-02-29T12:00:00.123456789Z,   2024-02-29T12:00:00.123Z",
            "2024-02-29T12:00:00.999999999Z,   2024-02-29T12:00:00.999Z",
            "1970-01-01T00:00:00Z,             1970-01-01T00:00:00.000Z",
            "0999-03-04T05:06:07Z,             0999-03-04T05:06:07.000Z",
    })
    void iso8601WithMillisecondsInUtc(String instant, String expected) {
        assertThat(S3Time.iso8601(Instant.parse(instant))).isEqualTo(expected);
    }

    @Test
    void iso8601IsTwentyFourCharactersAndRoundTrips() {
        Instant t = Instant.parse("2010-11-10T20:48:33.123Z");
        String s = S3Time.iso8601(t);
        assertThat(s).hasSize(24);
        assertThat(Instant.parse(s)).isEqualTo(t);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024-01-02T03:04:05Z     | Tue, 02 Jan 2024 03:04:05 GMT",
            "1994-11-06T08:49:37Z     | Sun, 06 Nov 1994 08:49:37 GMT",
            "2023-12-25T23:59:59.999Z | Mon, 25 Dec 2023 23:59:59 GMT",
            "1970-01-01T00:00:00Z     | Thu, 01 Jan 1970 00:00:00 GMT",
    })
    void rfc1123WithTwoDigitDayAndGmt(String instant, String expected) {
        assertThat(S3Time.rfc1123(Instant.parse(instant))).isEqualTo(expected);
    }

    @Test
    void rfc1123IsIndependentOfTheDefaultLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(S3Time.rfc1123(Instant.parse("2024-05-07T10:00:00Z"))).isEqualTo("Tue, 07 May 2024 10:00:00 GMT");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void rfc1123AgreesWithTheJdkFormatterForTwoDigitDays() {
        Instant t = Instant.parse("2021-10-15T01:02:03Z");
        assertThat(S3Time.rfc1123(t)).isEqualTo(DateTimeFormatter.RFC_1123_DATE_TIME.format(t.atZone(ZoneOffset.UTC)));
    }

    @Test
    void rfc1123AgreesWithThePatternFormatterAcrossCenturies() {
        DateTimeFormatter pattern = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
                .withZone(ZoneOffset.UTC);
        SplittableRandom random = new java.util.SplittableRandom(42);
        long from = Instant.parse("0001-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
        for (int i = 0; i < 20_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(from, to + 1), random.nextInt(1_000_000_000));
            assertThat(S3Time.rfc1123(t)).as(t.toString()).isEqualTo(pattern.format(t));
        }
        Instant far = Instant.parse("+12345-06-07T08:09:10Z");
        assertThat(S3Time.rfc1123(far)).isEqualTo(pattern.format(far));
    }
}
