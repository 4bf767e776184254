package dev.rosetta.auth.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class HmacsTest {

    @Test
    void theKeyedFormAgreesWithTheAllocatingOneWhateverKeyCameBefore() {
        byte[] first = "first signing key of 32 bytes...".getBytes(StandardCharsets.US_ASCII);
        byte[] second = "second signing key, other bytes.".getBytes(StandardCharsets.US_ASCII);
        byte[] data = "xxAWS4-HMAC-SHA256\n20240102T030405Z\nscope\nhashyy".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[32];
        byte[][] keys = {first, first, second, first, second, second, first.clone()};
        for (byte[] key : keys) {
            Hmacs.hmacSha256(key, data, 2, data.length - 4, out);
            byte[] middle = Arrays.copyOfRange(data, 2, data.length - 2);
            assertThat(out).isEqualTo(Hmacs.hmacSha256(key, middle));
        }
    }

    @Test
    void aKeyChangedInPlaceIsNotMistakenForTheOneRemembered() {
        byte[] key = "a key that its caller then edits".getBytes(StandardCharsets.US_ASCII);
        byte[] data = "data".getBytes(StandardCharsets.US_ASCII);
        byte[] before = new byte[32];
        Hmacs.hmacSha256(key, data, 0, data.length, before);
        key[0] ^= 1;
        byte[] after = new byte[32];
        Hmacs.hmacSha256(key, data, 0, data.length, after);
        assertThat(after).isEqualTo(Hmacs.hmacSha256(key, data)).isNotEqualTo(before);
    }

    @Test
    void theKnownRfc4231Vector() {
        byte[] key = new byte[20];
        Arrays.fill(key, (byte) 0x0b);
        byte[] data = "Hi There".getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[32];
        Hmacs.hmacSha256(key, data, 0, data.length, out);
        assertThat(Hex.encode(out)).isEqualTo("b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }
}
