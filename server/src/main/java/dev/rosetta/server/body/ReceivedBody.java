package dev.rosetta.server.body;

import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import java.util.HexFormat;

/**
 * A body that arrived whole and passed every check: its size, its MD5, and the flexible checksum
 * computed over it (verified against the client's when the client sent one).
 *
 * @param checksumAlgorithm null when no checksum was computed
 * @param checksumBase64    the computed checksum, base64, or null
 */
public record ReceivedBody(long size, byte[] md5, ChecksumAlgorithm checksumAlgorithm, String checksumBase64) {

    /** The MD5 as lower-case hex: the ETag without its quotes. */
    public String md5Hex() {
        return HexFormat.of().formatHex(md5);
    }
}
