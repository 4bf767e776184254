package dev.rosetta.auth.v4;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.auth.Credential;
import dev.rosetta.auth.TestKeys;
import dev.rosetta.auth.crypto.Hex;
import org.junit.jupiter.api.Test;

class SigningKeyCacheTest {
    private static final V4Scope SCOPE = new V4Scope("20130524", "us-east-1", "s3", "aws4_request");

    @Test
    void cachesPerScopeAndReturnsTheDerivedKey() {
        SigningKeyCache cache = new SigningKeyCache(10);
        byte[] first = cache.signingKey(TestKeys.CREDENTIAL, "AWS4", SCOPE);
        assertThat(Hex.encode(first)).isEqualTo("dbb893acc010964918f1fd433add87c70e8b0db6be30c1fbeafefa5ec6ba8378");
        assertThat(cache.signingKey(TestKeys.CREDENTIAL, "AWS4", SCOPE)).isSameAs(first);
        assertThat(cache.signingKey(TestKeys.CREDENTIAL, "AWS4", new V4Scope("20130525", "us-east-1", "s3",
                "aws4_request"))).isNotEqualTo(first);
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void aRotatedSecretIsNeverServedTheOldKey() {
        SigningKeyCache cache = new SigningKeyCache(10);
        byte[] old = cache.signingKey(TestKeys.CREDENTIAL, "AWS4", SCOPE);
        Credential rotated = new Credential(TestKeys.AK, "another-secret", TestKeys.OWNER);
        byte[] fresh = cache.signingKey(rotated, "AWS4", SCOPE);
        assertThat(fresh).isNotEqualTo(old)
                .isEqualTo(V4Signer.deriveSigningKey("AWS4", "another-secret", SCOPE));
    }

    @Test
    void bounded() {
        SigningKeyCache cache = new SigningKeyCache(4);
        for (int i = 0; i < 100; i++) {
            cache.signingKey(new Credential("AK" + i, "s" + i, TestKeys.OWNER), "AWS4",
                    new V4Scope("201305" + (10 + i % 20), "us-east-1", "s3", "aws4_request"));
            assertThat(cache.size()).isLessThanOrEqualTo(4);
        }
    }
}
