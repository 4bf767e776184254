package dev.rosetta.storage.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.storage.StorageException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RecordWriterReaderTest {

    @Test
    void scalarFieldsRoundTrip() {
        Instant t = Instant.ofEpochSecond(-5, 123_456_789);
        byte[] bytes = RecordWriter.begin(3)
                .string(1, "héllo 😀")
                .string(2, "")
                .string(3, null)
                .int64(4, Long.MIN_VALUE)
                .int32(5, -7)
                .bool(6, true)
                .bool(7, null)
                .instant(8, t)
                .enumName(9, StorageClass.GLACIER_IR)
                .bytes(10, new byte[] {0, (byte) 0xFF})
                .string(300_000, "big tag")
                .toByteArray();
        RecordReader r = RecordReader.open(bytes, 3);
        assertThat(r.version()).isEqualTo(3);
        List<Integer> tags = new ArrayList<>();
        while (r.next()) {
            tags.add(r.tag());
            switch (r.tag()) {
                case 1 -> assertThat(r.string()).isEqualTo("héllo 😀");
                case 2 -> assertThat(r.string()).isEmpty();
                case 4 -> assertThat(r.int64()).isEqualTo(Long.MIN_VALUE);
                case 5 -> assertThat(r.int32()).isEqualTo(-7);
                case 6 -> assertThat(r.bool()).isTrue();
                case 8 -> assertThat(r.instant()).isEqualTo(t);
                case 9 -> assertThat(r.enumValue(StorageClass.class)).isEqualTo(StorageClass.GLACIER_IR);
                case 10 -> assertThat(r.bytes()).containsExactly(0, 0xFF);
                case 300_000 -> assertThat(r.string()).isEqualTo("big tag");
                default -> throw new AssertionError("unexpected tag " + r.tag());
            }
        }
        assertThat(tags).containsExactly(1, 2, 4, 5, 6, 8, 9, 10, 300_000);
    }

    @Test
    void nestedRecordsOfEverySizeRoundTrip() {
        for (int size : new int[] {0, 1, 100, 125, 126, 127, 128, 200, 16_380, 16_383, 16_384, 70_000}) {
            char[] payload = new char[size];
            Arrays.fill(payload, 'x');
            RecordWriter w = RecordWriter.begin(1);
            w.string(1, "before");
            int outer = w.beginNested(2);
            int inner = w.beginNested(1);
            w.string(1, new String(payload));
            w.endNested(inner);
            w.int32(2, size);
            w.endNested(outer);
            w.string(3, "after");
            RecordReader r = RecordReader.open(w.toByteArray(), 1);
            assertThat(r.next()).isTrue();
            assertThat(r.string()).isEqualTo("before");
            assertThat(r.next()).isTrue();
            assertThat(r.tag()).isEqualTo(2);
            RecordReader n = r.nested();
            assertThat(n.next()).isTrue();
            RecordReader nn = n.nested();
            assertThat(nn.next()).isTrue();
            assertThat(nn.string()).hasSize(size);
            assertThat(nn.next()).isFalse();
            assertThat(n.next()).isTrue();
            assertThat(n.int32()).isEqualTo(size);
            assertThat(n.next()).isFalse();
            assertThat(r.next()).isTrue();
            assertThat(r.string()).isEqualTo("after");
            assertThat(r.next()).isFalse();
        }
    }

    @Test
    void rejectsUnknownVersionsAndCorruptInput() {
        byte[] ok = RecordWriter.begin(2).string(1, "abc").toByteArray();
        assertThatThrownBy(() -> RecordReader.open(ok, 1)).isInstanceOf(StorageException.class)
                .hasMessageContaining("version 2");
        assertThatThrownBy(() -> RecordReader.open(new byte[0], 1)).isInstanceOf(StorageException.class);
        assertThatThrownBy(() -> RecordReader.open(new byte[] {0}, 1)).isInstanceOf(StorageException.class);

        byte[] truncated = Arrays.copyOf(ok, ok.length - 1);
        RecordReader r = RecordReader.open(truncated, 2);
        assertThatThrownBy(r::next).isInstanceOf(StorageException.class).hasMessageContaining("overruns");

        // a record at the start of a longer buffer: the rest is not read, a length beyond the buffer is refused
        byte[] buffer = Arrays.copyOf(ok, ok.length + 8);
        Arrays.fill(buffer, ok.length, buffer.length, (byte) 0x7F);
        RecordReader prefix = RecordReader.open(buffer, ok.length, 2);
        assertThat(prefix.next()).isTrue();
        assertThat(prefix.string()).isEqualTo("abc");
        assertThat(prefix.next()).isFalse();
        RecordReader truncatedPrefix = RecordReader.open(buffer, ok.length - 1, 2);
        assertThatThrownBy(truncatedPrefix::next).isInstanceOf(StorageException.class).hasMessageContaining("overruns");
        assertThatThrownBy(() -> RecordReader.open(ok, ok.length + 1, 2)).isInstanceOf(IllegalArgumentException.class);

        RecordReader wrongLength = RecordReader.open(RecordWriter.begin(1).string(1, "abc").toByteArray(), 1);
        wrongLength.next();
        assertThatThrownBy(wrongLength::int64).isInstanceOf(StorageException.class);

        RecordReader badEnum = RecordReader.open(RecordWriter.begin(1).string(1, "NOPE").toByteArray(), 1);
        badEnum.next();
        assertThatThrownBy(() -> badEnum.enumValue(StorageClass.class)).isInstanceOf(StorageException.class);
    }
}
