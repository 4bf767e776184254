package dev.rosetta.protocol.checksum;

import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * The flexible-checksum algorithms of S3 (dialects.md §2.9): the {@code x-amz-checksum-<suffix>} headers
 * and trailers, {@code x-amz-sdk-checksum-algorithm}, {@code x-amz-checksum-algorithm}.
 *
 * <p>Multipart objects carry one of two checksum types. {@code COMPOSITE}: the checksum of the
 * concatenated part digests ({@link #composite(List)}), shown with {@code "-" + partCount} appended by
 * the caller; every algorithm supports it. {@code FULL_OBJECT}: the checksum of the whole object's bytes,
 * computed from the part CRCs with {@link #combine(long, long, long)} without reading the data again;
 * only the CRCs support it ({@link #supportsFullObject()}).
 */
public enum ChecksumAlgorithm {
    /** CRC-32 (ISO-HDLC): 4 bytes. */
    CRC32("crc32", 4),
    /** CRC-32C (Castagnoli): 4 bytes. */
    CRC32C("crc32c", 4),
    /** CRC-64/NVME: 8 bytes. */
    CRC64NVME("crc64nvme", 8),
    /** SHA-1: 20 bytes. */
    SHA1("sha1", 20),
    /** SHA-256: 32 bytes. */
    SHA256("sha256", 32);

    /** The common prefix of the checksum headers. */
    public static final String HEADER_PREFIX = "x-amz-checksum-";

    private final String suffix;
    private final int digestLength;
    private final String headerName;

    ChecksumAlgorithm(String suffix, int digestLength) {
        this.suffix = suffix;
        this.digestLength = digestLength;
        this.headerName = HEADER_PREFIX + suffix;
    }

    /** {@code crc32}, {@code crc32c}, {@code crc64nvme}, {@code sha1} or {@code sha256}. */
    public String headerSuffix() {
        return suffix;
    }

    /** {@code x-amz-checksum-} + {@link #headerSuffix()}, lower case. */
    public String headerName() {
        return headerName;
    }

    /** Length of the raw digest in bytes (4, 4, 8, 20, 32). */
    public int digestLength() {
        return digestLength;
    }

    /** True for the CRCs: they can be combined, so they support the FULL_OBJECT multipart type. */
    public boolean supportsFullObject() {
        return this == CRC32 || this == CRC32C || this == CRC64NVME;
    }

    /**
     * The algorithm of this name ({@code CRC32}, {@code crc64nvme}, ...), ignoring case and surrounding
     * blanks; null when unknown or null.
     */
    public static ChecksumAlgorithm fromName(String name) {
        if (name == null) {
            return null;
        }
        String n = name.strip();
        for (ChecksumAlgorithm a : values()) {
            if (a.suffix.equalsIgnoreCase(n)) {
                return a;
            }
        }
        return null;
    }

    /**
     * The algorithm of a checksum header or trailer name ({@code x-amz-checksum-crc32c}, any case);
     * null when the name is not one of the five checksum headers (e.g. {@code x-amz-checksum-type}).
     */
    public static ChecksumAlgorithm fromHeaderName(String headerName) {
        if (headerName == null || headerName.length() <= HEADER_PREFIX.length()
                || !headerName.regionMatches(true, 0, HEADER_PREFIX, 0, HEADER_PREFIX.length())) {
            return null;
        }
        return fromName(headerName.substring(HEADER_PREFIX.length()));
    }

    /** A new incremental checksum of this algorithm. */
    public Checksum newChecksum() {
        return switch (this) {
            case CRC32 -> new JdkCrc(this, new CRC32());
            case CRC32C -> new JdkCrc(this, new CRC32C());
            case CRC64NVME -> new Crc64Nvme();
            case SHA1 -> new DigestChecksum(this, "SHA-1");
            case SHA256 -> new DigestChecksum(this, "SHA-256");
        };
    }

    /** The digest of {@code bytes} in one go. */
    public byte[] digest(byte[] bytes) {
        Checksum c = newChecksum();
        c.update(bytes, 0, bytes.length);
        return c.digest();
    }

    /** The base64 checksum of {@code bytes}, as an {@code x-amz-checksum-*} header carries it. */
    public String base64(byte[] bytes) {
        return Base64.getEncoder().encodeToString(digest(bytes));
    }

    /**
     * {@code crc(A || B)} from {@code crc(A)}, {@code crc(B)} and the length of B in bytes: the FULL_OBJECT
     * checksum of a multipart object folds its parts' CRCs left to right. CRC values are unsigned, in the
     * low 32 bits for CRC32/CRC32C.
     *
     * @throws UnsupportedOperationException for SHA1 and SHA256
     * @throws IllegalArgumentException      when {@code lengthB} is negative
     */
    public long combine(long crcA, long crcB, long lengthB) {
        return switch (this) {
            case CRC32 -> CrcCombine.CRC32.combine(crcA & 0xFFFFFFFFL, crcB & 0xFFFFFFFFL, lengthB);
            case CRC32C -> CrcCombine.CRC32C.combine(crcA & 0xFFFFFFFFL, crcB & 0xFFFFFFFFL, lengthB);
            case CRC64NVME -> CrcCombine.CRC64NVME.combine(crcA, crcB, lengthB);
            default -> throw new UnsupportedOperationException(name() + " checksums cannot be combined");
        };
    }

    /** As {@link #combine(long, long, long)} on digest bytes (big-endian, {@link #digestLength()} long). */
    public byte[] combine(byte[] digestA, byte[] digestB, long lengthB) {
        return toDigest(combine(toValue(digestA), toValue(digestB), lengthB));
    }

    /**
     * The CRC value of a digest (big-endian bytes), e.g. a stored part checksum.
     *
     * @throws UnsupportedOperationException for SHA1 and SHA256
     * @throws IllegalArgumentException      when the length is not {@link #digestLength()}
     */
    public long toValue(byte[] digest) {
        requireCrc();
        return CrcBytes.fromBytes(digest, digestLength);
    }

    /** The digest bytes (big-endian) of a CRC value. */
    public byte[] toDigest(long value) {
        requireCrc();
        return CrcBytes.toBytes(value, digestLength);
    }

    /**
     * The COMPOSITE multipart checksum: this algorithm over the concatenation of the parts' raw digests,
     * in part order. The caller shows it as {@code base64 + "-" + partDigests.size()}.
     *
     * @throws IllegalArgumentException when a part digest is not {@link #digestLength()} bytes
     */
    public byte[] composite(List<byte[]> partDigests) {
        Objects.requireNonNull(partDigests, "partDigests");
        Checksum c = newChecksum();
        for (byte[] d : partDigests) {
            if (d.length != digestLength) {
                throw new IllegalArgumentException("a " + name() + " part digest has " + digestLength
                        + " bytes, got " + d.length);
            }
            c.update(d, 0, d.length);
        }
        return c.digest();
    }

    private void requireCrc() {
        if (!supportsFullObject()) {
            throw new UnsupportedOperationException(name() + " is not a CRC");
        }
    }
}
