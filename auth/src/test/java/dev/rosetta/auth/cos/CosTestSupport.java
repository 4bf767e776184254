package dev.rosetta.auth.cos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.auth.Credential;
import dev.rosetta.auth.CredentialStore;
import dev.rosetta.auth.StaticCredentialStore;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.Owner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** COS's public example credentials (dialects.md §4.3), an independent signer, and a leak-checking helper. */
final class CosTestSupport {
    static final String SECRET_ID = "AKIDQjz3ltompVjBni5LitkWHFlFpwkn9U5q";
    static final String SECRET_KEY = "BQYIM75p8x0iWVFSIgqEKwFprpRSVHlz";
    static final Credential CREDENTIAL = new Credential(SECRET_ID, SECRET_KEY, new Owner("100000000001", "cos"));

    private CosTestSupport() {
    }

    static CredentialStore store() {
        return new StaticCredentialStore(List.of(CREDENTIAL));
    }

    static Clock clockAt(long epochSecond) {
        return Clock.fixed(Instant.ofEpochSecond(epochSecond), ZoneOffset.UTC);
    }

    /** The q-signature of an HttpString, computed without main code. */
    static String sign(String keyTime, String signTime, String httpString) {
        try {
            String signKey = HexFormat.of().formatHex(hmac(SECRET_KEY.getBytes(StandardCharsets.UTF_8), keyTime));
            String sha1 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(httpString.getBytes(StandardCharsets.UTF_8)));
            String stringToSign = "sha1\n" + signTime + "\n" + sha1 + "\n";
            return HexFormat.of().formatHex(hmac(signKey.getBytes(StandardCharsets.UTF_8), stringToSign));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code q-sign-algorithm=sha1&q-ak=...&q-signature=...} with q-sign-time = q-key-time, as the SDKs send. */
    static String authorization(String time, String headerList, String paramList, String signature) {
        return "q-sign-algorithm=sha1&q-ak=" + SECRET_ID + "&q-sign-time=" + time + "&q-key-time=" + time
                + "&q-header-list=" + headerList + "&q-url-param-list=" + paramList + "&q-signature=" + signature;
    }

    static S3Exception failure(ThrowingCallable call) {
        S3Exception e = catchThrowableOfType(S3Exception.class, call);
        assertThat(e).as("expected an S3Exception").isNotNull();
        assertThat(e.getMessage()).doesNotContain(SECRET_KEY);
        assertThat(e.toString()).doesNotContain(SECRET_KEY);
        for (Map.Entry<String, String> d : e.details().entrySet()) {
            assertThat(d.getValue()).as(d.getKey()).doesNotContain(SECRET_KEY);
        }
        return e;
    }

    private static byte[] hmac(byte[] key, String data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA1");
        mac.init(new SecretKeySpec(key, "HmacSHA1"));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
