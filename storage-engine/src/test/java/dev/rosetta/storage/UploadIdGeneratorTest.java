package dev.rosetta.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UploadIdGeneratorTest {
    private final UploadIdGenerator ids = new UploadIdGenerator();

    @Test
    void shapeTimeAndUniqueness() {
        long t = 1_700_000_000_123L;
        String id = ids.next(t);
        assertThat(id).hasSize(32).matches("[0-9A-F]{32}");
        assertThat(id).startsWith(String.format("%012X", t));
        assertThat(UploadIdGenerator.epochMillisOf(id)).isEqualTo(t);
        assertThat(UploadIdGenerator.isWellFormed(id)).isTrue();
        assertThat(UploadIdGenerator.isWellFormed(id.toLowerCase())).isFalse();
        assertThat(UploadIdGenerator.isWellFormed(id.substring(1))).isFalse();

        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            assertThat(seen.add(ids.next(t))).isTrue();
        }
    }

    @Test
    void idsSortByTime() {
        String prev = ids.next(0);
        assertThat(prev).startsWith("000000000000");
        for (long t : new long[] {1, 15, 16, 4095, 1_700_000_000_000L, (1L << 48) - 1}) {
            String next = ids.next(t);
            assertThat(next.compareTo(prev)).isPositive();
            prev = next;
        }
        assertThat(prev).startsWith("FFFFFFFFFFFF");
    }
}
