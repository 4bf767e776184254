package dev.rosetta.protocol.checksum;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class ChecksumAlgorithmTest {
    private static final byte[] DIGITS = "123456789".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AS = new byte[66560];

    static {
        Arrays.fill(AS, (byte) 'a');
    }

    /** dialects.md §2.9, every cell of the table. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "CRC32     | y/Q5Jg==                                     | sK4Y7A==                                     | AAAAAA==",
        "CRC32C    | 4waSgw==                                     | sOO8/Q==                                     | AAAAAA==",
        "CRC64NVME | rosUhgp5mIg=                                 | pRf+emrnL+A=                                 | AAAAAAAAAAA=",
        "SHA1      | 98O8HYCOBHMq32eZZczDTKeuNEE=                 | qOlv5ixdz2jRNhlSLmgH6iaTKRI=                 | 2jmj7l5rSw0yVb/vlWAYkK/YBwk=",
        "SHA256    | FeKw08M4keuw8e9gnsQZQgwg4yDOlMZfvIwzEkSOsiU= | zWnTiHxq+SZLEA17dgIzEzXZqn4718MM3G1vS/uzyIg= | 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=",
    })
    void vectors(ChecksumAlgorithm algorithm, String digits, String as, String empty) {
        assertThat(algorithm.base64(DIGITS)).isEqualTo(digits);
        assertThat(algorithm.base64(AS)).isEqualTo(as);
        assertThat(algorithm.base64(new byte[0])).isEqualTo(empty);
        assertThat(algorithm.newChecksum().base64()).isEqualTo(empty);
        assertThat(algorithm.digest(AS)).hasSize(algorithm.digestLength());

        // Incrementally, in odd-sized pieces, through every input path.
        Checksum c = algorithm.newChecksum();
        int off = 0;
        int step = 1;
        while (off < AS.length) {
            int n = Math.min(step, AS.length - off);
            switch (step % 3) {
                case 0 -> c.update(AS, off, n);
                case 1 -> c.update(ByteBuffer.wrap(AS, off, n));
                default -> {
                    ByteBuffer direct = ByteBuffer.allocateDirect(n);
                    direct.put(AS, off, n).flip();
                    c.update(direct);
                }
            }
            off += n;
            step = step * 3 + 1;
        }
        assertThat(c.base64()).isEqualTo(as);
        // digest() does not reset: asking twice, or continuing, works.
        assertThat(c.base64()).isEqualTo(as);
        c.reset();
        c.update(DIGITS);
        assertThat(c.base64()).isEqualTo(digits);
    }

    @Test
    void hexValuesOfTheCrcVectors() {
        HexFormat hex = HexFormat.of();
        assertThat(hex.formatHex(ChecksumAlgorithm.CRC32.digest(DIGITS))).isEqualTo("cbf43926");
        assertThat(hex.formatHex(ChecksumAlgorithm.CRC32C.digest(DIGITS))).isEqualTo("e3069283");
        assertThat(hex.formatHex(ChecksumAlgorithm.CRC64NVME.digest(DIGITS))).isEqualTo("ae8b14860a799888");
        assertThat(ChecksumAlgorithm.CRC64NVME.toValue(ChecksumAlgorithm.CRC64NVME.digest(DIGITS)))
                .isEqualTo(0xae8b14860a799888L);
    }

    @ParameterizedTest
    @EnumSource(ChecksumAlgorithm.class)
    void byteBufferUpdatesLeaveTheCallersBufferAlone(ChecksumAlgorithm algorithm) {
        byte[] data = new byte[1000];
        new Random(7).nextBytes(data);
        byte[] expected = algorithm.digest(Arrays.copyOfRange(data, 10, 990));
        List<ByteBuffer> buffers = new ArrayList<>();
        buffers.add(ByteBuffer.wrap(data));
        buffers.add(ByteBuffer.wrap(data).asReadOnlyBuffer());
        ByteBuffer direct = ByteBuffer.allocateDirect(data.length);
        direct.put(data).clear();
        buffers.add(direct);
        buffers.add(direct.duplicate().order(ByteOrder.LITTLE_ENDIAN));
        buffers.add(direct.asReadOnlyBuffer());
        // A slice with a non-zero array offset.
        ByteBuffer sliced = ByteBuffer.wrap(data, 5, 995).slice();
        sliced.position(5).limit(985);
        for (ByteBuffer b : buffers) {
            b.position(10).limit(990);
            b.mark();
            Checksum c = algorithm.newChecksum();
            c.update(b);
            assertThat(c.digest()).as(b.toString()).isEqualTo(expected);
            assertThat(b.position()).isEqualTo(10);
            assertThat(b.limit()).isEqualTo(990);
            b.position(20).reset();
            assertThat(b.position()).as("mark kept").isEqualTo(10);
        }
        Checksum c = algorithm.newChecksum();
        c.update(sliced);
        assertThat(c.digest()).isEqualTo(expected);
        assertThat(sliced.position()).isEqualTo(5);
    }

    @Test
    void names() {
        assertThat(ChecksumAlgorithm.fromName("CRC32")).isEqualTo(ChecksumAlgorithm.CRC32);
        assertThat(ChecksumAlgorithm.fromName("crc32c")).isEqualTo(ChecksumAlgorithm.CRC32C);
        assertThat(ChecksumAlgorithm.fromName("Crc64Nvme")).isEqualTo(ChecksumAlgorithm.CRC64NVME);
        assertThat(ChecksumAlgorithm.fromName(" sha1 ")).isEqualTo(ChecksumAlgorithm.SHA1);
        assertThat(ChecksumAlgorithm.fromName("SHA256")).isEqualTo(ChecksumAlgorithm.SHA256);
        assertThat(ChecksumAlgorithm.fromName("SHA-256")).isNull();
        assertThat(ChecksumAlgorithm.fromName("md5")).isNull();
        assertThat(ChecksumAlgorithm.fromName("")).isNull();
        assertThat(ChecksumAlgorithm.fromName(null)).isNull();
        assertThat(ChecksumAlgorithm.CRC64NVME.headerSuffix()).isEqualTo("crc64nvme");
        assertThat(ChecksumAlgorithm.SHA256.headerName()).isEqualTo("x-amz-checksum-sha256");
        assertThat(ChecksumAlgorithm.fromHeaderName("X-Amz-Checksum-CRC32C")).isEqualTo(ChecksumAlgorithm.CRC32C);
        assertThat(ChecksumAlgorithm.fromHeaderName("x-amz-checksum-type")).isNull();
        assertThat(ChecksumAlgorithm.fromHeaderName("x-amz-checksum-")).isNull();
        assertThat(ChecksumAlgorithm.fromHeaderName("x-amz-meta-crc32")).isNull();
        for (ChecksumAlgorithm a : ChecksumAlgorithm.values()) {
            assertThat(ChecksumAlgorithm.fromName(a.headerSuffix())).isEqualTo(a);
            assertThat(ChecksumAlgorithm.fromName(a.name())).isEqualTo(a);
            assertThat(ChecksumAlgorithm.fromHeaderName(a.headerName())).isEqualTo(a);
        }
    }

    @ParameterizedTest
    @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32", "CRC32C", "CRC64NVME"})
    void combineEqualsTheChecksumOfTheConcatenation(ChecksumAlgorithm algorithm) {
        assertThat(algorithm.supportsFullObject()).isTrue();
        Random random = new Random(42);
        for (int round = 0; round < 200; round++) {
            int length = round < 20 ? round : random.nextInt(round < 150 ? 300 : 70_000);
            byte[] data = new byte[length];
            random.nextBytes(data);
            int split = length == 0 ? 0 : random.nextInt(length + 1);
            byte[] a = Arrays.copyOfRange(data, 0, split);
            byte[] b = Arrays.copyOfRange(data, split, length);
            long crcA = algorithm.toValue(algorithm.digest(a));
            long crcB = algorithm.toValue(algorithm.digest(b));
            long combined = algorithm.combine(crcA, crcB, b.length);
            assertThat(algorithm.toDigest(combined)).as("round %d split %d/%d", round, split, length)
                    .isEqualTo(algorithm.digest(data));
            assertThat(algorithm.combine(algorithm.digest(a), algorithm.digest(b), b.length))
                    .isEqualTo(algorithm.digest(data));
        }
    }

    @ParameterizedTest
    @EnumSource(value = ChecksumAlgorithm.class, names = {"CRC32", "CRC32C", "CRC64NVME"})
    void fullObjectChecksumOfManyParts(ChecksumAlgorithm algorithm) {
        // The multipart FULL_OBJECT case: fold the part CRCs left to right, including an empty part.
        Random random = new Random(3);
        int[] sizes = {5 << 20, 0, 123_457, 1, 8 << 20};
        Checksum whole = algorithm.newChecksum();
        byte[] folded = null;
        for (int size : sizes) {
            byte[] part = new byte[size];
            random.nextBytes(part);
            whole.update(part);
            byte[] partDigest = algorithm.digest(part);
            folded = folded == null ? partDigest : algorithm.combine(folded, partDigest, size);
        }
        assertThat(folded).isEqualTo(whole.digest());
        // The 66560 × 'a' vector from its two AWS chunks.
        byte[] first = algorithm.digest(Arrays.copyOf(AS, 65536));
        byte[] second = algorithm.digest(Arrays.copyOf(AS, 1024));
        assertThat(algorithm.combine(first, second, 1024)).isEqualTo(algorithm.digest(AS));
        // Zero-length B is the identity.
        assertThat(algorithm.combine(0x1234L, algorithm.toValue(algorithm.digest(new byte[0])), 0)).isEqualTo(0x1234L);
    }

    @Test
    void combineRejectsShasAndBadInput() {
        assertThatThrownBy(() -> ChecksumAlgorithm.SHA256.combine(1, 2, 3))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> ChecksumAlgorithm.SHA1.toValue(new byte[20]))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(ChecksumAlgorithm.SHA1.supportsFullObject()).isFalse();
        assertThatThrownBy(() -> ChecksumAlgorithm.CRC32.combine(1, 2, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ChecksumAlgorithm.CRC32.toValue(new byte[8]))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @EnumSource(ChecksumAlgorithm.class)
    void compositeIsTheChecksumOfTheConcatenatedPartDigests(ChecksumAlgorithm algorithm) {
        byte[] p1 = algorithm.digest("part one".getBytes(StandardCharsets.UTF_8));
        byte[] p2 = algorithm.digest("part two".getBytes(StandardCharsets.UTF_8));
        byte[] p3 = algorithm.digest(new byte[0]);
        byte[] concat = new byte[p1.length * 3];
        System.arraycopy(p1, 0, concat, 0, p1.length);
        System.arraycopy(p2, 0, concat, p1.length, p2.length);
        System.arraycopy(p3, 0, concat, p1.length * 2, p3.length);
        assertThat(algorithm.composite(List.of(p1, p2, p3))).isEqualTo(algorithm.digest(concat));
        // Order matters; one part is the checksum of its digest, not the digest itself.
        assertThat(algorithm.composite(List.of(p2, p1, p3))).isNotEqualTo(algorithm.composite(List.of(p1, p2, p3)));
        assertThat(algorithm.composite(List.of(p1))).isEqualTo(algorithm.digest(p1));
        assertThat(algorithm.composite(List.of())).isEqualTo(algorithm.digest(new byte[0]));
        assertThatThrownBy(() -> algorithm.composite(List.of(new byte[algorithm.digestLength() + 1])))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void compositeKnownValue() {
        // SHA-256 over the two SHA-256 part digests, computed independently with MessageDigest.
        byte[] a = ChecksumAlgorithm.SHA256.digest("a".getBytes(StandardCharsets.UTF_8));
        byte[] b = ChecksumAlgorithm.SHA256.digest("b".getBytes(StandardCharsets.UTF_8));
        byte[] both = new byte[64];
        System.arraycopy(a, 0, both, 0, 32);
        System.arraycopy(b, 0, both, 32, 32);
        String expected;
        try {
            expected = Base64.getEncoder().encodeToString(
                    java.security.MessageDigest.getInstance("SHA-256").digest(both));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        assertThat(Base64.getEncoder().encodeToString(ChecksumAlgorithm.SHA256.composite(List.of(a, b))))
                .isEqualTo(expected);
    }

    @Test
    void crc64MatchesABitwiseReference() {
        Random random = new Random(11);
        for (int n = 0; n < 100; n++) {
            byte[] data = new byte[random.nextInt(100)];
            random.nextBytes(data);
            long crc = -1L;
            for (byte x : data) {
                crc ^= x & 0xFF;
                for (int k = 0; k < 8; k++) {
                    crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0x9A6C9329AC4BC9B5L : crc >>> 1;
                }
            }
            assertThat(ChecksumAlgorithm.CRC64NVME.toValue(ChecksumAlgorithm.CRC64NVME.digest(data))).isEqualTo(~crc);
        }
    }
}
