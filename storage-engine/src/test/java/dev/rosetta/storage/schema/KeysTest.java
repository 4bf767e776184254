package dev.rosetta.storage.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.storage.kv.KeyRange;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class KeysTest {
    /** Keys chosen to break naive encodings: NUL, prefixes, '/', unicode on both sides of the surrogates. */
    static final List<String> TRICKY = List.of(
            "", "a", "a\u0000", "a\u0000\u0000", "a\u0000b", "a\u0001", "a/", "a/b", "a/b/c", "a b", "a+b", "a%2Fb",
            "ab", "b", "\u0000", "\u007F", "\u0080", "é", "\u07FF", "\u0800", "日本", "日本/語", "\uD7FF", "\uE000",
            "\uFFFD", "\uFFFF", "😀", "😀/x", "\uD83D\uDE00\u0000", "𐍈", "z".repeat(1024));

    static final Comparator<String> UTF8_ORDER =
            (x, y) -> Arrays.compareUnsigned(x.getBytes(StandardCharsets.UTF_8), y.getBytes(StandardCharsets.UTF_8));

    static byte[] obj(String bucket, String key) {
        return Keys.OBJECT.encode(new ObjectKey(bucket, key));
    }

    static byte[] up(String bucket, String key, String id) {
        return Keys.UPLOAD.encode(new UploadKey(bucket, key, id));
    }

    @Test
    void encodedObjectKeysSortLikeUtf8Bytes() {
        List<String> keys = new ArrayList<>(TRICKY);
        Random rnd = new Random(7);
        String alphabet = "\u0000\u0001/ +%aZ~é日😀\uFFFD\uE000";
        int[] cps = alphabet.codePoints().toArray();
        for (int i = 0; i < 300; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = rnd.nextInt(6); n > 0; n--) {
                sb.appendCodePoint(cps[rnd.nextInt(cps.length)]);
            }
            keys.add(sb.toString());
        }
        for (String a : keys) {
            for (String b : keys) {
                int expected = Integer.signum(UTF8_ORDER.compare(a, b));
                assertThat(Integer.signum(Arrays.compareUnsigned(obj("bk", a), obj("bk", b))))
                        .as("object %s vs %s", a, b).isEqualTo(expected);
                assertThat(Integer.signum(Keys.compareUtf8(a, b))).as("compareUtf8 %s vs %s", a, b).isEqualTo(expected);
                if (expected != 0) {
                    // uploads order by key first, whatever the upload ids
                    assertThat(Integer.signum(Arrays.compareUnsigned(up("bk", a, "FFFF"), up("bk", b, "0000"))))
                            .as("upload %s vs %s", a, b).isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void utf8OrderDiffersFromJavaStringOrder() {
        assertThat("😀".compareTo("\uFFFD")).isNegative();
        assertThat(Keys.compareUtf8("😀", "\uFFFD")).isPositive();
        assertThat(Arrays.compareUnsigned(obj("b", "😀"), obj("b", "\uFFFD"))).isPositive();
    }

    @Test
    void keysRoundTrip() {
        for (String k : TRICKY) {
            assertThat(Keys.OBJECT.decode(obj("bucket-1", k))).isEqualTo(new ObjectKey("bucket-1", k));
            assertThat(Keys.UPLOAD.decode(up("bucket-1", k, "0123ABCD")))
                    .isEqualTo(new UploadKey("bucket-1", k, "0123ABCD"));
        }
        assertThat(Keys.BUCKET.decode(Keys.BUCKET.encode("b.c-1"))).isEqualTo("b.c-1");
        assertThat(Keys.PART.decode(Keys.PART.encode(new PartKey("ID", 10_000)))).isEqualTo(new PartKey("ID", 10_000));
    }

    @Test
    void exactLayouts() {
        assertThat(obj("b", "k\u0000x")).containsExactly('b', 0, 'k', 0, 0xFF, 'x', 0);
        assertThat(up("b", "k", "U1")).containsExactly('b', 0, 'k', 0, 'U', '1');
        assertThat(Keys.PART.encode(new PartKey("U1", 258))).containsExactly('U', '1', 0, 0, 0, 1, 2);
        assertThat(Keys.afterKey("b", "k")).containsExactly('b', 0, 'k', 0, 0xFF);
    }

    @Test
    void uploadsOfOneKeyOrderByIdAndStayContiguous() {
        byte[] k1 = up("b", "k", "0001");
        byte[] k2 = up("b", "k", "0002");
        byte[] nul = up("b", "k\u0000", "0000");
        byte[] longer = up("b", "k0", "0000");
        assertThat(Arrays.compareUnsigned(k1, k2)).isNegative();
        assertThat(Arrays.compareUnsigned(k2, nul)).isNegative();
        assertThat(Arrays.compareUnsigned(nul, longer)).isNegative();
        byte[] after = Keys.afterKey("b", "k");
        assertThat(Arrays.compareUnsigned(k2, after)).isNegative();
        assertThat(Arrays.compareUnsigned(up("b", "k", "\u007F".repeat(40)), after)).isNegative();
        assertThat(Arrays.compareUnsigned(after, nul)).isNegative();
        assertThat(Arrays.compareUnsigned(after, obj("b", "k\u0000"))).isNegative();
        assertThat(Arrays.compareUnsigned(obj("b", "k"), after)).isNegative();
    }

    @Test
    void prefixRangesHoldExactlyTheKeysWithThatPrefix() {
        List<String> prefixes = new ArrayList<>(TRICKY.subList(0, TRICKY.size() - 1));
        prefixes.add("a/b/");
        for (String p : prefixes) {
            KeyRange r = Keys.keysWithPrefix("bk", p);
            byte[] after = Keys.afterKeysWithPrefix("bk", p);
            for (String k : TRICKY) {
                boolean expected = k.startsWith(p);
                assertThat(r.contains(obj("bk", k))).as("object %s in prefix %s", k, p).isEqualTo(expected);
                assertThat(r.contains(up("bk", k, "ID"))).as("upload %s in prefix %s", k, p).isEqualTo(expected);
                if (!expected && UTF8_ORDER.compare(k, p) > 0) {
                    assertThat(Arrays.compareUnsigned(up("bk", k, "ID"), after)).as("%s after %s", k, p)
                            .isNotNegative();
                }
            }
        }
    }

    @Test
    void bucketsDoNotBleedIntoEachOther() {
        KeyRange a = Keys.bucketContents("a");
        assertThat(a.contains(obj("a", ""))).isTrue();
        assertThat(a.contains(obj("a", "\uFFFF"))).isTrue();
        assertThat(a.contains(obj("a-b", "x"))).isFalse();
        assertThat(a.contains(obj("ab", "x"))).isFalse();
        assertThat(Keys.keysWithPrefix("a", "").contains(up("a.b", "", "X"))).isFalse();
        assertThatThrownBy(() -> obj("a\u0000b", "k")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void partsSortByNumberWithinTheirUpload() {
        List<byte[]> encoded = new ArrayList<>();
        for (int n : new int[] {0, 1, 2, 255, 256, 9_999, 10_000, Integer.MAX_VALUE}) {
            encoded.add(Keys.PART.encode(new PartKey("ID1", n)));
        }
        for (int i = 1; i < encoded.size(); i++) {
            assertThat(Arrays.compareUnsigned(encoded.get(i - 1), encoded.get(i))).isNegative();
        }
        KeyRange range = Keys.partsOf("ID1");
        assertThat(encoded).allMatch(range::contains);
        assertThat(range.contains(Keys.PART.encode(new PartKey("ID10", 1)))).isFalse();
        assertThat(range.contains(Keys.PART.encode(new PartKey("ID", 1)))).isFalse();
        assertThat(range.contains(Keys.PART.encode(new PartKey("ID0", 1)))).isFalse();
        assertThatThrownBy(() -> Keys.partsOf("I\u0000D")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void successor() {
        assertThat(KeyRange.successor(new byte[] {1, 2})).containsExactly(1, 3);
        assertThat(KeyRange.successor(new byte[] {1, (byte) 0xFF, (byte) 0xFF})).containsExactly(2);
        assertThat(KeyRange.successor(new byte[] {(byte) 0xFF})).isNull();
        assertThat(KeyRange.successor(new byte[0])).isNull();
    }
}
