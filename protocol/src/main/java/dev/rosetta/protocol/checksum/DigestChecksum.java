package dev.rosetta.protocol.checksum;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-1 / SHA-256 through {@link MessageDigest}. */
final class DigestChecksum implements Checksum {
    private final ChecksumAlgorithm algorithm;
    private final MessageDigest md;

    DigestChecksum(ChecksumAlgorithm algorithm, String jcaName) {
        this.algorithm = algorithm;
        this.md = newDigest(jcaName);
    }

    static MessageDigest newDigest(String jcaName) {
        try {
            return MessageDigest.getInstance(jcaName);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(jcaName + " unavailable", e);
        }
    }

    @Override
    public ChecksumAlgorithm algorithm() {
        return algorithm;
    }

    @Override
    public void update(byte[] bytes, int offset, int length) {
        md.update(bytes, offset, length);
    }

    @Override
    public void update(ByteBuffer buffer) {
        int pos = buffer.position();
        md.update(buffer); // advances the position to the limit
        buffer.position(pos);
    }

    @Override
    public byte[] digest() {
        try {
            return ((MessageDigest) md.clone()).digest(); // keeps this one running
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException(md.getAlgorithm() + " digest is not cloneable", e);
        }
    }

    @Override
    public void reset() {
        md.reset();
    }

    @Override
    public String toString() {
        return "Checksum[" + algorithm + "]";
    }
}
