package dev.rosetta.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.blob.BlobStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BodyRangesTest {
    @TempDir
    Path dir;

    @Test
    void slicesOfEveryBodyKindMatchTheBytes() {
        BlobStore blobs = BlobStore.open(dir, Durability.NONE);
        Random rnd = new Random(42);
        int[] partSizes = {7, 1, 0, 13, 5, 0, 1, 30};
        List<ManifestPart> parts = new ArrayList<>();
        byte[] all = new byte[Arrays.stream(partSizes).sum()];
        int pos = 0;
        for (int i = 0; i < partSizes.length; i++) {
            byte[] p = new byte[partSizes[i]];
            rnd.nextBytes(p);
            System.arraycopy(p, 0, all, pos, p.length);
            pos += p.length;
            BlobRef ref = Fixtures.blob(blobs, p);
            parts.add(new ManifestPart(2 * i + 1, ref, ref.size(), Fixtures.md5Hex(p), Map.of()));
        }
        List<ObjectRecord> records = List.of(
                Fixtures.record("b", "m", all, new ObjectBody.Manifest(parts)),
                Fixtures.record("b", "i", all, new ObjectBody.Inline(all)),
                Fixtures.record("b", "f", all, new ObjectBody.Blob(Fixtures.blob(blobs, all))));
        for (ObjectRecord o : records) {
            assertThat(Fixtures.read(blobs, o)).isEqualTo(all);
            for (int i = 0; i < 400; i++) {
                int start = rnd.nextInt(all.length + 1);
                int end = start - 1 + rnd.nextInt(all.length - start + 1); // start-1 .. size-1
                List<BodySlice> slices = BodyRanges.slices(o.body(), start, end);
                assertThat(Fixtures.read(blobs, o, start, end))
                        .as("%s [%d, %d]", o.key(), start, end)
                        .isEqualTo(Arrays.copyOfRange(all, start, end + 1));
                assertThat(slices).allSatisfy(s -> assertThat(s.size()).isPositive());
                assertThat(slices.stream().mapToLong(BodySlice::size).sum()).isEqualTo(end - start + 1);
            }
        }
        ObjectBody m = records.get(0).body();
        // a range spanning parts 1..4 (the empty part 3 left out)
        List<BodySlice> s = BodyRanges.slices(m, 5, 9);
        assertThat(s).containsExactly(
                new BodySlice.BlobRange(parts.get(0).blob(), 5, 2),
                new BodySlice.BlobRange(parts.get(1).blob(), 0, 1),
                new BodySlice.BlobRange(parts.get(3).blob(), 0, 2));
        assertThat(BodyRanges.slices(m, 0, -1)).isEmpty();
        assertThatThrownBy(() -> BodyRanges.slices(m, 0, all.length)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BodyRanges.slices(m, -1, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BodyRanges.slices(m, 5, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThat(BodyRanges.slices(ObjectBody.Inline.EMPTY, 0, -1)).isEmpty();
    }

    @Test
    void partRanges() {
        BlobRef a = new BlobRef("0123456789abcdef0123456789abcdef", 10);
        BlobRef b = new BlobRef("1123456789abcdef0123456789abcdef", 0);
        BlobRef c = new BlobRef("2123456789abcdef0123456789abcdef", 4);
        ObjectBody.Manifest m = new ObjectBody.Manifest(List.of(
                new ManifestPart(1, a, 10, "e", null), new ManifestPart(5, b, 0, "e", null),
                new ManifestPart(9, c, 4, "e", null)));
        ObjectRecord multipart = Fixtures.record("b", "k", new byte[0], m);
        assertThat(BodyRanges.partCount(multipart)).isEqualTo(3);
        assertThat(BodyRanges.partRange(multipart, 1)).contains(new PartRange(1, 3, 0, 10));
        assertThat(BodyRanges.partRange(multipart, 2)).contains(new PartRange(2, 3, 10, 0));
        assertThat(BodyRanges.partRange(multipart, 3)).contains(new PartRange(3, 3, 10, 4));
        assertThat(BodyRanges.partRange(multipart, 3).orElseThrow().endInclusive()).isEqualTo(13);
        assertThat(BodyRanges.partRange(multipart, 4)).isEmpty();
        assertThatThrownBy(() -> BodyRanges.partRange(multipart, 0)).isInstanceOf(IllegalArgumentException.class);

        ObjectRecord single = Fixtures.inline("b", "k", "hello");
        assertThat(BodyRanges.partCount(single)).isEqualTo(1);
        assertThat(BodyRanges.partRange(single, 1)).contains(new PartRange(1, 1, 0, 5));
        assertThat(BodyRanges.partRange(single, 2)).isEmpty();
        ObjectRecord empty = Fixtures.inline("b", "k", "");
        assertThat(BodyRanges.partRange(empty, 1).orElseThrow().endInclusive()).isEqualTo(-1);
    }
}
