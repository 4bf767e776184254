package dev.rosetta.server.body;

import dev.rosetta.protocol.checksum.Checksum;
import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The digests computed over a body while it streams, each buffer passed once to each: MD5 (the ETag),
 * SHA-256 (only when the signature covers the payload) and one flexible checksum (only when the client
 * sent one or asked for one).
 */
public final class BodyDigests {
    private final MessageDigest md5;
    private final MessageDigest sha256;
    private final ChecksumAlgorithm checksumAlgorithm;
    private final Checksum checksum;
    private long size;
    private byte[] md5Result;

    public BodyDigests(boolean wantMd5, boolean wantSha256, ChecksumAlgorithm checksumAlgorithm) {
        this.md5 = wantMd5 ? newDigest("MD5") : null;
        this.sha256 = wantSha256 ? newDigest("SHA-256") : null;
        this.checksumAlgorithm = checksumAlgorithm;
        this.checksum = checksumAlgorithm == null ? null : checksumAlgorithm.newChecksum();
    }

    /** Feeds the buffer's remaining bytes to every digest; the buffer's position is left unchanged. */
    public void update(ByteBuffer buffer) {
        int n = buffer.remaining();
        if (n == 0) {
            return;
        }
        size += n;
        if (md5 != null) {
            md5.update(buffer.duplicate());
        }
        if (sha256 != null) {
            sha256.update(buffer.duplicate());
        }
        if (checksum != null) {
            checksum.update(buffer.duplicate());
        }
    }

    public long size() {
        return size;
    }

    /** The MD5 of everything fed (computed once). */
    public byte[] md5() {
        if (md5Result == null) {
            md5Result = md5 == null ? null : md5.digest();
        }
        return md5Result;
    }

    /** The SHA-256 of everything fed, or null when not computed. Call once. */
    public byte[] sha256() {
        return sha256 == null ? null : sha256.digest();
    }

    /** The algorithm of the flexible checksum computed, or null. */
    public ChecksumAlgorithm checksumAlgorithm() {
        return checksumAlgorithm;
    }

    /** The flexible checksum's digest, or null when none was computed. Call once. */
    public byte[] checksum() {
        return checksum == null ? null : checksum.digest();
    }

    private static MessageDigest newDigest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
