package dev.rosetta.protocol.names;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BucketNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"abc", "a1b", "123", "my-bucket", "my.bucket.example.com", "docexamplebucket1",
            "examplebucket-1250000000", "a-b-c", "a.b-c.d", "1.2.3", "192.168.5.4a", "a192.168.5.4", "0-0"})
    void validNames(String name) {
        assertThat(BucketNames.isValid(name)).isTrue();
        BucketNames.validate(name);
    }

    @Test
    void lengthBoundaries() {
        assertThat(BucketNames.isValid("ab")).isFalse();
        assertThat(BucketNames.isValid("abc")).isTrue();
        assertThat(BucketNames.isValid("a".repeat(63))).isTrue();
        assertThat(BucketNames.isValid("a" + "-".repeat(61) + "z")).isTrue();
        assertThat(BucketNames.isValid("a".repeat(64))).isFalse();
        assertThat(BucketNames.isValid("")).isFalse();
        assertThat(BucketNames.isValid("a")).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MyBucket", "myBucket", "BUCKET", "my_bucket", "-bucket", "bucket-", ".bucket",
            "bucket.", "my..bucket", "a..b", "192.168.5.4", "1.2.3.4", "255.255.255.255", "999.999.999.999",
            "my bucket", "bücket", "bucket/x", "bucket:1", "bucket@x", "-ab", "ab-", "a.", "..."})
    void invalidNames(String name) {
        assertThat(BucketNames.isValid(name)).isFalse();
    }

    @Test
    void validateThrowsInvalidBucketNameWithTheName() {
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> BucketNames.validate("Bad_Name"));
        assertThat(e).isNotNull();
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_BUCKET_NAME);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.details()).containsEntry("BucketName", "Bad_Name");
    }
}
