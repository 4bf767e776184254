package dev.rosetta.protocol.checksum;

/** Big-endian conversions between a CRC value and its digest bytes. */
final class CrcBytes {
    private CrcBytes() {
    }

    static byte[] toBytes(long value, int width) {
        byte[] out = new byte[width];
        for (int i = width - 1; i >= 0; i--) {
            out[i] = (byte) value;
            value >>>= 8;
        }
        return out;
    }

    static long fromBytes(byte[] digest, int width) {
        if (digest.length != width) {
            throw new IllegalArgumentException("expected a " + width + "-byte CRC, got " + digest.length + " bytes");
        }
        long v = 0;
        for (byte b : digest) {
            v = (v << 8) | (b & 0xFF);
        }
        return v;
    }
}
