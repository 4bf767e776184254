package dev.rosetta.auth.chunked;

import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.crypto.Hex;
import dev.rosetta.auth.crypto.Hmacs;
import dev.rosetta.auth.crypto.Sha256;
import java.nio.charset.StandardCharsets;

/**
 * The chained signatures of an aws-chunked body (dialects.md §2.6, §2.7): each chunk's string to sign
 * names the previous signature (the seed first) and the SHA-256 of the chunk's data; the trailer's names
 * the final chunk's signature and the SHA-256 of the canonical trailer. The chunk string to sign lives in
 * one reused byte array, so a chunk costs one HMAC and no allocation beyond the MAC's output.
 * Holds the signing key: never logged, no {@code toString} showing it.
 */
final class ChunkSignatureChain {
    private static final String CHUNK_ALGORITHM = "AWS4-HMAC-SHA256-PAYLOAD";
    private static final String TRAILER_ALGORITHM = "AWS4-HMAC-SHA256-TRAILER";
    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    private final byte[] signingKey;
    private final String timestamp;
    private final String scope;
    /** {@code ALGORITHM \n timestamp \n scope \n <prev 64> \n <empty hash> \n <data hash 64>}. */
    private final byte[] stringToSign;
    private final int previousOffset;
    private final int hashOffset;

    ChunkSignatureChain(PayloadRequirement.Streaming req) {
        this.signingKey = req.signingKey();
        this.timestamp = req.timestamp();
        this.scope = req.scope();
        byte[] prefix = (CHUNK_ALGORITHM + "\n" + timestamp + "\n" + scope + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] emptyHash = ("\n" + Sha256.EMPTY_HEX + "\n").getBytes(StandardCharsets.US_ASCII);
        this.previousOffset = prefix.length;
        this.hashOffset = previousOffset + 64 + emptyHash.length;
        this.stringToSign = new byte[hashOffset + 64];
        System.arraycopy(prefix, 0, stringToSign, 0, prefix.length);
        System.arraycopy(emptyHash, 0, stringToSign, previousOffset + 64, emptyHash.length);
        String seed = req.seedSignature();
        byte[] seedBytes = Hex.decode(seed);
        if (seedBytes == null || seedBytes.length != 32) {
            throw new IllegalArgumentException("the seed signature must be 64 hex digits");
        }
        writeHex(seedBytes, stringToSign, previousOffset);
    }

    /**
     * Checks one chunk's signature; on success it becomes the previous signature of the next one.
     *
     * @param dataSha256 SHA-256 of the chunk's data (of nothing for the final chunk)
     * @param provided   the chunk-signature sent, 32 bytes, or null when it was not 64 hex digits
     */
    boolean verifyChunk(byte[] dataSha256, byte[] provided) {
        writeHex(dataSha256, stringToSign, hashOffset);
        byte[] expected = Hmacs.hmacSha256(signingKey, stringToSign);
        if (!Hmacs.constantTimeEquals(expected, provided)) {
            return false;
        }
        writeHex(expected, stringToSign, previousOffset);
        return true;
    }

    /** The string to sign of the chunk last checked (for the error document). */
    String lastChunkStringToSign() {
        return new String(stringToSign, StandardCharsets.UTF_8);
    }

    /** The trailer's string to sign for this canonical trailer, chained on the final chunk's signature. */
    String trailerStringToSign(byte[] canonicalTrailer) {
        String previous = new String(stringToSign, previousOffset, 64, StandardCharsets.US_ASCII);
        return TRAILER_ALGORITHM + "\n" + timestamp + "\n" + scope + "\n" + previous + "\n"
                + Hex.encode(Sha256.digest(canonicalTrailer));
    }

    /** @param provided the x-amz-trailer-signature sent, 32 bytes, or null when it was not 64 hex digits */
    boolean verifyTrailer(String trailerStringToSign, byte[] provided) {
        return Hmacs.constantTimeEquals(Hmacs.hmacSha256(signingKey, trailerStringToSign), provided);
    }

    private static void writeHex(byte[] bytes, byte[] out, int offset) {
        for (int i = 0, j = offset; i < bytes.length; i++) {
            int v = bytes[i] & 0xFF;
            out[j++] = HEX[v >>> 4];
            out[j++] = HEX[v & 0xF];
        }
    }

    @Override
    public String toString() {
        return "ChunkSignatureChain[scope=" + scope + "]";
    }
}
