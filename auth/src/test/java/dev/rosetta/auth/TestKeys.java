package dev.rosetta.auth;

import dev.rosetta.protocol.model.Owner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The vendors' public example credentials, and independent (test-side) signers. */
public final class TestKeys {
    public static final String AK = "AKIAIOSFODNN7EXAMPLE";
    public static final String SK = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY";
    public static final Owner OWNER = new Owner("75aa57f09aa0c8caeab4f8c24e99d10f8e7faeebf76c078efc7c6caea54ba06a",
            "example");
    public static final Credential CREDENTIAL = new Credential(AK, SK, OWNER);

    private TestKeys() {
    }

    public static CredentialStore store() {
        return new StaticCredentialStore(List.of(CREDENTIAL));
    }

    public static Clock clockAt(String isoInstant) {
        return Clock.fixed(Instant.parse(isoInstant), ZoneOffset.UTC);
    }

    public static RequestAuthenticator authenticator(String region, String isoInstant) {
        return new RequestAuthenticator(store(), region, clockAt(isoInstant));
    }

    /** Base64 HMAC-SHA1 with the example secret: the V2 signature of a string to sign. */
    public static String v2Sign(String stringToSign) {
        return Base64.getEncoder().encodeToString(mac("HmacSHA1", SK.getBytes(StandardCharsets.UTF_8), stringToSign));
    }

    /** Hex V4 signature of a canonical request with the example secret, computed independently of main code. */
    public static String v4Sign(String canonicalRequest, String timestamp, String region) {
        try {
            String date = timestamp.substring(0, 8);
            String scope = date + "/" + region + "/s3/aws4_request";
            String hash = HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
            String stringToSign = "AWS4-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n" + hash;
            byte[] k = mac("HmacSHA256", ("AWS4" + SK).getBytes(StandardCharsets.UTF_8), date);
            k = mac("HmacSHA256", k, region);
            k = mac("HmacSHA256", k, "s3");
            k = mac("HmacSHA256", k, "aws4_request");
            return HexFormat.of().formatHex(mac("HmacSHA256", k, stringToSign));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String v4Authorization(String timestamp, String region, String signedHeaders, String signature) {
        return "AWS4-HMAC-SHA256 Credential=" + AK + "/" + timestamp.substring(0, 8) + "/" + region
                + "/s3/aws4_request, SignedHeaders=" + signedHeaders + ", Signature=" + signature;
    }

    private static byte[] mac(String algorithm, byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key, algorithm));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
