package dev.rosetta.bench.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class UnitsTest {
    @Test
    void sizes() {
        assertThat(Units.parseSize("4KiB")).isEqualTo(4096);
        assertThat(Units.parseSize("4k")).isEqualTo(4096);
        assertThat(Units.parseSize("4KB")).isEqualTo(4000);
        assertThat(Units.parseSize("1.5MiB")).isEqualTo(1_572_864);
        assertThat(Units.parseSize("1GiB")).isEqualTo(1L << 30);
        assertThat(Units.parseSize("123")).isEqualTo(123);
        assertThat(Units.parseSize("0")).isZero();
        assertThatThrownBy(() -> Units.parseSize("4 parsecs")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Units.formatSize(4096)).isEqualTo("4 KiB");
        assertThat(Units.formatSize(1_572_864)).isEqualTo("1.5 MiB");
        assertThat(Units.formatSize(100)).isEqualTo("100 B");
    }

    @Test
    void durations() {
        assertThat(Units.parseDuration("15s")).isEqualTo(15_000_000_000L);
        assertThat(Units.parseDuration("500ms")).isEqualTo(500_000_000L);
        assertThat(Units.parseDuration("2m")).isEqualTo(120_000_000_000L);
        assertThat(Units.parseDuration("1.5s")).isEqualTo(1_500_000_000L);
        assertThat(Units.parseDuration("3")).isEqualTo(3_000_000_000L);
        assertThat(Units.formatDuration(15_000_000_000L)).isEqualTo("15s");
        assertThat(Units.formatDuration(500_000_000L)).isEqualTo("500ms");
    }

    @Test
    void lists() {
        assertThat(Units.parseIntList("1,16,64")).containsExactly(1, 16, 64);
        assertThat(Units.parseLongList("123, 456")).isEqualTo(List.of(123L, 456L));
    }
}
