package dev.rosetta.auth.obs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.auth.Credential;
import dev.rosetta.auth.CredentialStore;
import dev.rosetta.auth.StaticCredentialStore;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.Owner;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** The OBS vectors' credentials (dialects.md §3.5), an independent signer, and a leak-checking failure helper. */
final class ObsTestSupport {
    static final String AK = "OBSACCESSKEYEXAMPLE";
    static final String SK = "SECRETKEYEXAMPLE0123456789abcdefghijklmn";
    static final Credential CREDENTIAL = new Credential(AK, SK, new Owner("obs-owner-id", "obs-owner"));

    private ObsTestSupport() {
    }

    static CredentialStore store() {
        return new StaticCredentialStore(List.of(CREDENTIAL));
    }

    static Clock clockAt(String isoInstant) {
        return Clock.fixed(Instant.parse(isoInstant), ZoneOffset.UTC);
    }

    /** Base64 HMAC-SHA1 with the example secret, computed without main code. */
    static String sign(String stringToSign) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(SK.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            return Base64.getEncoder().encodeToString(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The S3Exception the call throws; asserts it shows no secret anywhere. */
    static S3Exception failure(ThrowingCallable call) {
        S3Exception e = catchThrowableOfType(S3Exception.class, call);
        assertThat(e).as("expected an S3Exception").isNotNull();
        assertNoSecret(e, SK);
        return e;
    }

    static void assertNoSecret(S3Exception e, String secret) {
        assertThat(e.getMessage()).doesNotContain(secret);
        assertThat(e.toString()).doesNotContain(secret);
        for (Map.Entry<String, String> d : e.details().entrySet()) {
            assertThat(d.getValue()).as(d.getKey()).doesNotContain(secret);
        }
    }
}
