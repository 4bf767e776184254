package dev.rosetta.server.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * AWS Signature V2 for hand-built requests. Tests write the string to sign out in full, so what is
 * signed is visible in the test and does not depend on the server's canonicaliser.
 */
public final class V2Signer {
    private V2Signer() {
    }

    public static String sign(String secretKey, String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secretKey.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String authorization(String accessKey, String secretKey, String stringToSign) {
        return "AWS " + accessKey + ":" + sign(secretKey, stringToSign);
    }
}
