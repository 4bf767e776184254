package dev.rosetta.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.protocol.error.S3Exception;
import org.junit.jupiter.api.Test;

class ByteRangeTest {

    @Test
    void ordinaryRanges() {
        assertThat(ByteRange.parse("bytes=0-9", 100)).isEqualTo(new ByteRange(0, 9));
        assertThat(ByteRange.parse("bytes=90-", 100)).isEqualTo(new ByteRange(90, 99));
        assertThat(ByteRange.parse("bytes=-10", 100)).isEqualTo(new ByteRange(90, 99));
        assertThat(ByteRange.parse("BYTES= 5-5 ", 100)).isEqualTo(new ByteRange(5, 5));
        assertThat(ByteRange.parse("bytes=0-9", 100).length()).isEqualTo(10);
        assertThat(ByteRange.parse("bytes=0-9", 100).contentRange(100)).isEqualTo("bytes 0-9/100");
    }

    @Test
    void lenientRules() {
        assertThat(ByteRange.parse("bytes=50-500", 100)).isEqualTo(new ByteRange(50, 99));
        assertThat(ByteRange.parse("bytes=-500", 100)).isEqualTo(new ByteRange(0, 99));
        assertThat(ByteRange.parse("bytes=9-3", 100)).isNull();
        assertThat(ByteRange.parse("bytes=0-1,5-6", 100)).isNull();
        assertThat(ByteRange.parse("items=0-1", 100)).isNull();
        assertThat(ByteRange.parse("bytes=a-b", 100)).isNull();
        assertThat(ByteRange.parse("bytes=-", 100)).isNull();
        assertThat(ByteRange.parse(null, 100)).isNull();
    }

    @Test
    void onlyAStartBeyondTheEndIsUnsatisfiable() {
        for (String h : new String[] {"bytes=100-", "bytes=100-200", "bytes=-0"}) {
            assertThatThrownBy(() -> ByteRange.parse(h, 100)).as(h).isInstanceOfSatisfying(S3Exception.class, e -> {
                assertThat(e.status()).isEqualTo(416);
                assertThat(e.errorCode().code()).isEqualTo("InvalidRange");
                assertThat(e.details()).containsEntry("ActualObjectSize", "100");
            });
        }
        assertThatThrownBy(() -> ByteRange.parse("bytes=0-0", 0)).isInstanceOf(S3Exception.class);
        assertThatThrownBy(() -> ByteRange.parse("bytes=-5", 0)).isInstanceOf(S3Exception.class);
    }
}
