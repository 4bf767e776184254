package dev.rosetta.protocol.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectKeysTest {

    private static S3Exception tooLong(String key) {
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> ObjectKeys.validate(key));
        assertThat(e).as("a key of %d chars must be refused", key.length()).isNotNull();
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.KEY_TOO_LONG);
        assertThat(e.errorCode().code()).isEqualTo("KeyTooLongError");
        assertThat(e.status()).isEqualTo(400);
        return e;
    }

    @Test
    void asciiBoundary() {
        ObjectKeys.validate("k".repeat(1024));
        S3Exception e = tooLong("k".repeat(1025));
        assertThat(e.details()).containsEntry("Size", "1025").containsEntry("MaxSizeAllowed", "1024");
    }

    @ParameterizedTest(name = "{0} x {1} ok, x {2} too long ({3} bytes)")
    @CsvSource({
            "é, 512, 513, 1026",
            "€, 341, 342, 1026",
            "\uD83D\uDE00, 256, 257, 1028",
    })
    void multibyteIsCountedInUtf8Bytes(String ch, int okCount, int badCount, int badBytes) {
        ObjectKeys.validate(ch.repeat(okCount));
        assertThat(tooLong(ch.repeat(badCount)).details()).containsEntry("Size", Integer.toString(badBytes));
    }

    @Test
    void shortKeysThatAreLongInBytesAreCaught() {
        // 343 characters, 1025 bytes: over the limit although far fewer than 1024 chars
        assertThat(tooLong("ab" + "€".repeat(341)).details()).containsEntry("Size", "1025");
        ObjectKeys.validate("€".repeat(341) + "a");
    }

    @Test
    void ordinaryKeysPass() {
        ObjectKeys.validate("a");
        ObjectKeys.validate("photos/2024/été/IMG 0001.jpg");
    }
}
