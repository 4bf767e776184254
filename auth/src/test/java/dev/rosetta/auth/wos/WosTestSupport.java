package dev.rosetta.auth.wos;

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
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The WOS vectors' credentials (dialects.md §5.2), independent signers, and a leak-checking helper. */
final class WosTestSupport {
    static final String AK = "2cd1baf7681435ce4a298e9df3eb36958e725394";
    static final String SK = "968d43bc594af8622923d0681ddc367b35a8b23b";
    static final String REGION = "cn-south-1";
    static final String TS = "20201103T104419Z";
    static final String NOW = "2020-11-03T10:44:19Z";
    static final String HOST = "wcstest-r9-private.s3-cn-south-1.wcsapi.com";
    static final String EMPTY = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
    static final Credential CREDENTIAL = new Credential(AK, SK, new Owner("wos-owner-id", "wos-owner"));

    private WosTestSupport() {
    }

    static CredentialStore store() {
        return new StaticCredentialStore(List.of(CREDENTIAL));
    }

    static Clock clockAt(String isoInstant) {
        return Clock.fixed(Instant.parse(isoInstant), ZoneOffset.UTC);
    }

    /** Hex WOS-HMAC-SHA256 signature of a canonical request, computed without main code. */
    static String v4Sign(String canonicalRequest, String timestamp, String region) {
        try {
            String date = timestamp.substring(0, 8);
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonicalRequest.getBytes(StandardCharsets.UTF_8)));
            String stringToSign = "WOS-HMAC-SHA256\n" + timestamp + "\n" + date + "/" + region
                    + "/wos/wos_request\n" + hash;
            byte[] k = mac("HmacSHA256", ("WOS" + SK).getBytes(StandardCharsets.UTF_8), date);
            k = mac("HmacSHA256", k, region);
            k = mac("HmacSHA256", k, "wos");
            k = mac("HmacSHA256", k, "wos_request");
            return HexFormat.of().formatHex(mac("HmacSHA256", k, stringToSign));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The SDK's form: {@code ,SignedHeaders=} and {@code ,Signature=} without a space. */
    static String authorization(String date, String region, String signedHeaders, String signature) {
        return "WOS-HMAC-SHA256 Credential=" + AK + "/" + date + "/" + region + "/wos/wos_request,SignedHeaders="
                + signedHeaders + ",Signature=" + signature;
    }

    /** Base64 HMAC-SHA1 with the example secret (the V2-style scheme). */
    static String v2Sign(String stringToSign) {
        try {
            return Base64.getEncoder().encodeToString(mac("HmacSHA1", SK.getBytes(StandardCharsets.UTF_8),
                    stringToSign));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    static S3Exception failure(ThrowingCallable call) {
        S3Exception e = catchThrowableOfType(S3Exception.class, call);
        assertThat(e).as("expected an S3Exception").isNotNull();
        assertThat(e.getMessage()).doesNotContain(SK);
        assertThat(e.toString()).doesNotContain(SK);
        for (Map.Entry<String, String> d : e.details().entrySet()) {
            assertThat(d.getValue()).as(d.getKey()).doesNotContain(SK);
        }
        return e;
    }

    private static byte[] mac(String algorithm, byte[] key, String data) throws GeneralSecurityException {
        Mac mac = Mac.getInstance(algorithm);
        mac.init(new SecretKeySpec(key, algorithm));
        return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    }
}
