package dev.rosetta.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.protocol.error.S3Exception;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PreconditionsTest {
    private static final String ETAG = "\"abc123\"";
    private static final Instant MODIFIED = Instant.parse("2024-05-01T10:00:00.750Z");
    private static final String BEFORE = "Wed, 01 May 2024 09:00:00 GMT";
    private static final String SAME_SECOND = "Wed, 01 May 2024 10:00:00 GMT";
    private static final String AFTER = "Wed, 01 May 2024 11:00:00 GMT";

    private static Preconditions.Outcome read(String ifMatch, String ifNoneMatch, String ims, String ius) {
        return Preconditions.evaluateRead(ifMatch, ifNoneMatch, ims, ius, ETAG, MODIFIED);
    }

    @Test
    void ifMatch() {
        assertThat(read("\"abc123\"", null, null, null)).isEqualTo(Preconditions.Outcome.PROCEED);
        assertThat(read("abc123", null, null, null)).isEqualTo(Preconditions.Outcome.PROCEED);
        assertThat(read("\"x\", \"abc123\"", null, null, null)).isEqualTo(Preconditions.Outcome.PROCEED);
        assertThat(read("*", null, null, null)).isEqualTo(Preconditions.Outcome.PROCEED);
        assertThatThrownBy(() -> read("\"other\"", null, null, null)).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.status()).isEqualTo(412);
            assertThat(e.details()).containsEntry("Condition", "If-Match");
        });
    }

    @Test
    void ifMatchWinsOverIfUnmodifiedSince() {
        assertThat(read("\"abc123\"", null, null, BEFORE)).isEqualTo(Preconditions.Outcome.PROCEED);
        assertThatThrownBy(() -> read(null, null, null, BEFORE)).isInstanceOf(S3Exception.class);
        assertThat(read(null, null, null, SAME_SECOND)).isEqualTo(Preconditions.Outcome.PROCEED);
    }

    @Test
    void ifNoneMatchAndIfModifiedSince() {
        assertThat(read(null, "\"abc123\"", null, null)).isEqualTo(Preconditions.Outcome.NOT_MODIFIED);
        assertThat(read(null, "W/\"abc123\"", null, null)).isEqualTo(Preconditions.Outcome.NOT_MODIFIED);
        assertThat(read(null, "\"other\"", null, null)).isEqualTo(Preconditions.Outcome.PROCEED);
        assertThat(read(null, null, SAME_SECOND, null)).isEqualTo(Preconditions.Outcome.NOT_MODIFIED);
        assertThat(read(null, null, AFTER, null)).isEqualTo(Preconditions.Outcome.NOT_MODIFIED);
        assertThat(read(null, null, BEFORE, null)).isEqualTo(Preconditions.Outcome.PROCEED);
        // If-None-Match decides alone when both are sent
        assertThat(read(null, "\"other\"", AFTER, null)).isEqualTo(Preconditions.Outcome.PROCEED);
        assertThat(read(null, null, "not a date", null)).isEqualTo(Preconditions.Outcome.PROCEED);
    }

    @Test
    void copySourceConditionsFailWith412() {
        assertThatThrownBy(() -> Preconditions.evaluateCopySource(null, "\"abc123\"", null, null, ETAG, MODIFIED))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.status()).isEqualTo(412));
        assertThatThrownBy(() -> Preconditions.evaluateCopySource(null, null, AFTER, null, ETAG, MODIFIED))
                .isInstanceOf(S3Exception.class);
        Preconditions.evaluateCopySource("\"abc123\"", null, null, BEFORE, ETAG, MODIFIED);
    }
}
