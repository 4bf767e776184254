package dev.rosetta.protocol.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.Tag;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TaggingHeaderParserTest {

    private static S3Exception failure(String value) {
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> TaggingHeaderParser.parse(value));
        assertThat(e).as("must refuse [%s]", value).isNotNull();
        return e;
    }

    @Test
    void parsesInOrder() {
        assertThat(TaggingHeaderParser.parse("b=2&a=1&c=3"))
                .containsExactly(new Tag("b", "2"), new Tag("a", "1"), new Tag("c", "3"));
    }

    @Test
    void emptyHeaderHasNoTags() {
        assertThat(TaggingHeaderParser.parse("")).isEmpty();
        assertThat(TaggingHeaderParser.parse("&&")).isEmpty();
    }

    @Test
    void tagWithoutValueHasEmptyValue() {
        assertThat(TaggingHeaderParser.parse("flag&other=")).containsExactly(new Tag("flag", ""), new Tag("other", ""));
    }

    @Test
    void keysAndValuesAreUrlDecoded() {
        assertThat(TaggingHeaderParser.parse("k%C3%A9y=v%2Fw%3D1&a+b=c+d&x%2By=%26%25"))
                .containsExactly(new Tag("kéy", "v/w=1"), new Tag("a b", "c d"), new Tag("x+y", "&%"));
    }

    @Test
    void atMostTenTags() {
        assertThat(TaggingHeaderParser.parse(joined(10))).hasSize(10);
        S3Exception e = failure(joined(11));
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_TAG);
        assertThat(e.status()).isEqualTo(400);
    }

    private static String joined(int n) {
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            items.add("key" + i + "=value" + i);
        }
        return String.join("&", items);
    }

    @Test
    void keyLengthIsCountedInCharactersNotBytes() {
        String emoji = "\uD83D\uDE00";
        String key128 = emoji.repeat(128);
        assertThat(TaggingHeaderParser.parse(key128 + "=v")).containsExactly(new Tag(key128, "v"));
        assertThat(TaggingHeaderParser.parse("é".repeat(128) + "=v")).hasSize(1);
        assertThat(failure(emoji.repeat(129) + "=v").errorCode()).isEqualTo(S3ErrorCode.INVALID_TAG);
    }

    @Test
    void keyOf128IsOk129IsInvalidTag() {
        assertThat(TaggingHeaderParser.parse("k".repeat(128) + "=v")).hasSize(1);
        S3Exception e = failure("k".repeat(129) + "=v");
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_TAG);
        assertThat(e.details()).containsEntry("TagKey", "k".repeat(129));
    }

    @Test
    void valueOf256IsOk257IsInvalidTag() {
        assertThat(TaggingHeaderParser.parse("k=" + "v".repeat(256))).containsExactly(new Tag("k", "v".repeat(256)));
        assertThat(TaggingHeaderParser.parse("k=" + "\u00FC".repeat(256))).hasSize(1);
        S3Exception e = failure("k=" + "v".repeat(257));
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_TAG);
        assertThat(e.details()).containsEntry("TagKey", "k");
    }

    @Test
    void encodedLengthDoesNotCount() {
        // 128 characters once decoded, 384 on the wire
        assertThat(TaggingHeaderParser.parse("%C3%A9".repeat(64) + "%20".repeat(64) + "=v")).hasSize(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {"=v", "a=1&=2"})
    void emptyKeyIsInvalidTag(String value) {
        assertThat(failure(value).errorCode()).isEqualTo(S3ErrorCode.INVALID_TAG);
    }

    @Test
    void duplicateKeyIsInvalidTag() {
        S3Exception e = failure("a=1&b=2&a=1");
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_TAG);
        assertThat(e.details()).containsEntry("TagKey", "a");
        assertThat(failure("k%20=1&k+=2").errorCode()).isEqualTo(S3ErrorCode.INVALID_TAG);
    }

    @Test
    void keysAreCaseSensitive() {
        assertThat(TaggingHeaderParser.parse("Key=1&key=2")).hasSize(2);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%", "a=%zz", "%=1", "a=1&b=%E"})
    void malformedEncodingIsInvalidArgument(String value) {
        S3Exception e = failure(value);
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
        assertThat(e.details()).containsEntry("ArgumentName", "x-amz-tagging").containsEntry("ArgumentValue", value);
    }

    @Test
    void validateChecksTagsFromAnySource() {
        TaggingHeaderParser.validate(List.of(new Tag("a", ""), new Tag("b", "x".repeat(256))));
        assertThat(catchThrowableOfType(S3Exception.class,
                () -> TaggingHeaderParser.validate(List.of(new Tag("", "x")))).errorCode())
                .isEqualTo(S3ErrorCode.INVALID_TAG);
        assertThat(catchThrowableOfType(S3Exception.class,
                () -> TaggingHeaderParser.validate(List.of(new Tag("a", "1"), new Tag("a", "2")))).errorCode())
                .isEqualTo(S3ErrorCode.INVALID_TAG);
    }
}
