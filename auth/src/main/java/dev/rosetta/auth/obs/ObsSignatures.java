package dev.rosetta.auth.obs;

import dev.rosetta.auth.crypto.Hmacs;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import java.util.HashSet;
import java.util.Set;

/**
 * Tries candidate strings to sign against one base64 HMAC-SHA1 signature, remembering the first candidate for
 * the SignatureDoesNotMatch error. Not thread-safe: one per verification.
 */
final class ObsSignatures {
    private final byte[] secret;
    private final byte[] provided;
    private Set<String> tried;
    private String first;

    /** @param provided the decoded signature, or null when it did not decode (then nothing matches) */
    ObsSignatures(byte[] secret, byte[] provided) {
        this.secret = secret;
        this.provided = provided;
    }

    /** True when the signature is HMAC-SHA1(secret, stringToSign); compares in constant time. */
    boolean matches(String stringToSign) {
        if (first == null) {
            first = stringToSign;
        } else {
            if (tried == null) {
                tried = new HashSet<>(8);
                tried.add(first);
            }
            if (!tried.add(stringToSign)) {
                return false;
            }
        }
        return provided != null && Hmacs.constantTimeEquals(Hmacs.hmacSha1(secret, stringToSign), provided);
    }

    /** The first candidate tried: the one SignatureDoesNotMatch shows. */
    String first() {
        return first;
    }

    /** {@code 403 AccessDenied}: no usable date header for this flavour. */
    static S3Exception missingDate(ObsFlavour flavour) {
        return new S3Exception(S3ErrorCode.ACCESS_DENIED, flavour.schemeWord()
                + " authentication requires a valid Date or " + flavour.dateHeader() + " header");
    }
}
