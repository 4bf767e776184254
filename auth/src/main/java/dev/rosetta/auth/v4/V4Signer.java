package dev.rosetta.auth.v4;

import dev.rosetta.auth.crypto.Hmacs;
import java.nio.charset.StandardCharsets;

/** The V4 key derivation and string to sign (dialects.md §2.1); parameterised so WOS can reuse it. */
public final class V4Signer {
    /** The AWS secret prefix: the chain starts from {@code "AWS4" + secret}. */
    public static final String AWS_SECRET_PREFIX = "AWS4";

    private V4Signer() {
    }

    /** {@code kSigning} = HMAC chain over date, region, service, terminator, from {@code prefix + secret}. */
    public static byte[] deriveSigningKey(String secretPrefix, String secretKey, V4Scope scope) {
        byte[] k = (secretPrefix + secretKey).getBytes(StandardCharsets.UTF_8);
        k = Hmacs.hmacSha256(k, scope.date());
        k = Hmacs.hmacSha256(k, scope.region());
        k = Hmacs.hmacSha256(k, scope.service());
        return Hmacs.hmacSha256(k, scope.terminator());
    }

    /** {@code algorithm \n timestamp \n scope \n hashHex}. */
    public static String stringToSign(String algorithm, String timestamp, String scope, String hashHex) {
        return new StringBuilder(algorithm.length() + timestamp.length() + scope.length() + hashHex.length() + 3)
                .append(algorithm).append('\n')
                .append(timestamp).append('\n')
                .append(scope).append('\n')
                .append(hashHex)
                .toString();
    }

    /** HMAC-SHA256(signingKey, stringToSign), raw bytes. */
    public static byte[] sign(byte[] signingKey, String stringToSign) {
        return Hmacs.hmacSha256(signingKey, stringToSign);
    }
}
