package dev.rosetta.protocol.checksum;

import java.nio.ByteBuffer;

/** CRC-32 / CRC-32C through {@code java.util.zip} (intrinsified by the JIT). */
final class JdkCrc implements Checksum {
    private final ChecksumAlgorithm algorithm;
    private final java.util.zip.Checksum crc;

    JdkCrc(ChecksumAlgorithm algorithm, java.util.zip.Checksum crc) {
        this.algorithm = algorithm;
        this.crc = crc;
    }

    @Override
    public ChecksumAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
        crc.update(bytes, offset, length);
    }

    @Override
    public void update(ByteBuffer buffer) {
        int pos = buffer.position();
        crc.update(buffer); // advances the position to the limit
        buffer.position(pos);
    }

    /** The CRC of everything fed so far. */
    long value() {
        return crc.getValue();
    }

    @Override
    public byte[] digest() {
        return CrcBytes.toBytes(crc.getValue(), 4);
    }

    @Override
    public void reset() {
        crc.reset();
    }

    @Override
    public String toString() {
        return "Checksum[" + algorithm + "]";
    }
}
