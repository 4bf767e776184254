package dev.rosetta.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PercentCodecTest {

    private static final String UNRESERVED =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.~";

    @Test
    void unreservedCharactersAreNeverEncoded() {
        assertThat(PercentCodec.uriEncode(UNRESERVED)).isEqualTo(UNRESERVED);
        assertThat(PercentCodec.uriEncodePath(UNRESERVED)).isEqualTo(UNRESERVED);
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "` `|%20",
            "*|%2A",
            "+|%2B",
            "!|%21",
            "'|%27",
            "(|%28",
            ")|%29",
            "$|%24",
            "&|%26",
            "`,`|%2C",
            ";|%3B",
            ":|%3A",
            "@|%40",
            "=|%3D",
            "?|%3F",
            "#|%23",
            "[|%5B",
            "]|%5D",
            "%|%25",
            "\"|%22",
            "<|%3C",
            ">|%3E",
            "\\|%5C",
            "^|%5E",
            "{|%7B",
            "}|%7D",
    })
    void reservedAsciiIsEncodedWithUpperCaseHex(String in, String expected) {
        assertThat(PercentCodec.uriEncode(in)).isEqualTo(expected);
        assertThat(PercentCodec.uriEncodePath(in)).isEqualTo(expected);
    }

    @Test
    void backtickAndPipeAreEncoded() {
        // not expressible in the CSV above without quoting trouble
        assertThat(PercentCodec.uriEncode("`|")).isEqualTo("%60%7C");
    }

    @Test
    void controlCharactersAreEncoded() {
        assertThat(PercentCodec.uriEncode("\u0000\t\n\r\u007f")).isEqualTo("%00%09%0A%0D%7F");
    }

    @Test
    void slashIsEncodedByUriEncodeAndKeptByThePathVariant() {
        assertThat(PercentCodec.uriEncode("a/b/c")).isEqualTo("a%2Fb%2Fc");
        assertThat(PercentCodec.uriEncodePath("a/b/c")).isEqualTo("a/b/c");
        assertThat(PercentCodec.uriEncodePath("/dir name/file*.txt")).isEqualTo("/dir%20name/file%2A.txt");
        assertThat(PercentCodec.uriEncode("/dir name/")).isEqualTo("%2Fdir%20name%2F");
    }

    @Test
    void tildeIsKeptAndStarIsEncoded() {
        assertThat(PercentCodec.uriEncode("~user*")).isEqualTo("~user%2A");
    }

    @Test
    void spaceIsPercent20NeverPlus() {
        assertThat(PercentCodec.uriEncode("a b")).isEqualTo("a%20b");
        assertThat(PercentCodec.uriEncodePath("a b")).isEqualTo("a%20b");
    }

    @ParameterizedTest
    @CsvSource({
            "é, %C3%A9",
            "ÿ, %C3%BF",
            "€, %E2%82%AC",
            "日本語, %E6%97%A5%E6%9C%AC%E8%AA%9E",
            "\uD83D\uDE00, %F0%9F%98%80",
    })
    void multibyteCharactersAreEncodedPerUtf8ByteInUpperCase(String in, String expected) {
        assertThat(PercentCodec.uriEncode(in)).isEqualTo(expected);
        assertThat(PercentCodec.uriEncodePath(in)).isEqualTo(expected);
    }

    @Test
    void encodesAfterAnUnreservedPrefixAndKeepsUnreservedCharactersAfterTheFirstEscape() {
        assertThat(PercentCodec.uriEncode("abc déf-~_.xyz")).isEqualTo("abc%20d%C3%A9f-~_.xyz");
        assertThat(PercentCodec.uriEncodePath("photos/2024/été 1.jpg"))
                .isEqualTo("photos/2024/%C3%A9t%C3%A9%201.jpg");
    }

    @Test
    void sigV4DocumentationExamples() {
        // AWS SigV4 examples: key "test$file.text", query value with space and slash
        assertThat(PercentCodec.uriEncodePath("/test$file.text")).isEqualTo("/test%24file.text");
        assertThat(PercentCodec.uriEncode("documents and settings/")).isEqualTo("documents%20and%20settings%2F");
    }

    @Test
    void emptyStringEncodesToEmpty() {
        assertThat(PercentCodec.uriEncode("")).isEmpty();
        assertThat(PercentCodec.uriEncodePath("")).isEmpty();
    }

    /** dialects.md §0.1: COS UrlEncode (URLEncoder, then + -> %20, * -> %2A, %7E -> ~) is exactly URI-ENCODE. */
    @Test
    void matchesTheCosReferenceEncodingOnRandomStrings() {
        Random random = new Random(42);
        int[] pool = buildCodePointPool();
        for (int round = 0; round < 2000; round++) {
            StringBuilder sb = new StringBuilder();
            int len = random.nextInt(12);
            for (int i = 0; i < len; i++) {
                sb.appendCodePoint(pool[random.nextInt(pool.length)]);
            }
            String s = sb.toString();
            String reference = URLEncoder.encode(s, StandardCharsets.UTF_8)
                    .replace("+", "%20").replace("*", "%2A").replace("%7E", "~");
            assertThat(PercentCodec.uriEncode(s)).as("uriEncode(%s)", s).isEqualTo(reference);
            assertThat(PercentCodec.uriEncodePath(s)).as("uriEncodePath(%s)", s)
                    .isEqualTo(reference.replace("%2F", "/"));
        }
    }

    private static int[] buildCodePointPool() {
        StringBuilder sb = new StringBuilder();
        for (int c = 0; c < 0x180; c++) {
            sb.appendCodePoint(c);
        }
        sb.append("日本語€\u4E2D\uD83D\uDE00\uD83C\uDF89");
        return sb.codePoints().toArray();
    }

    @Test
    void decodeReversesEncodeForArbitraryText() {
        String s = "a b+c/d*e~f%g&h=i?j#k日本\uD83D\uDE00é\u0000\n";
        assertThat(PercentCodec.decodePath(PercentCodec.uriEncode(s))).isEqualTo(s);
        assertThat(PercentCodec.decodePath(PercentCodec.uriEncodePath(s))).isEqualTo(s);
        assertThat(PercentCodec.decodeQuery(PercentCodec.uriEncode(s))).isEqualTo(s);
    }

    @Test
    void decodePathKeepsPlus() {
        assertThat(PercentCodec.decodePath("a+b")).isEqualTo("a+b");
        assertThat(PercentCodec.decodePath("a+b%20c")).isEqualTo("a+b c");
        assertThat(PercentCodec.decodePath("%2B")).isEqualTo("+");
    }

    @Test
    void decodeQueryTurnsPlusIntoSpace() {
        assertThat(PercentCodec.decodeQuery("a+b")).isEqualTo("a b");
        assertThat(PercentCodec.decodeQuery("+%20+")).isEqualTo("   ");
        assertThat(PercentCodec.decodeQuery("a%2Bb")).isEqualTo("a+b");
    }

    @Test
    void decodeAcceptsLowerAndUpperCaseHex() {
        assertThat(PercentCodec.decodePath("%2f%2F%c3%a9%C3%A9")).isEqualTo("//éé");
    }

    @Test
    void decodeReturnsInputWithoutEscapes() {
        assertThat(PercentCodec.decodePath("plain/key.txt")).isEqualTo("plain/key.txt");
        assertThat(PercentCodec.decodeQuery("plain")).isEqualTo("plain");
        assertThat(PercentCodec.decodePath("")).isEmpty();
    }

    @Test
    void decodesMultibyteEscapes() {
        assertThat(PercentCodec.decodePath("%E6%97%A5%E6%9C%AC")).isEqualTo("日本");
        assertThat(PercentCodec.decodePath("%F0%9F%98%80")).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void decodesMixedRawUnicodeAndEscapes() {
        assertThat(PercentCodec.decodePath("é%20ü")).isEqualTo("é ü");
        assertThat(PercentCodec.decodePath("日本%E8%AA%9E/x")).isEqualTo("日本語/x");
        assertThat(PercentCodec.decodePath("%C3%A9日本%2Fa")).isEqualTo("é日本/a");
        assertThat(PercentCodec.decodePath("\uD83D\uDE00%F0%9F%98%80\uD83D\uDE00"))
                .isEqualTo("\uD83D\uDE00\uD83D\uDE00\uD83D\uDE00");
        assertThat(PercentCodec.decodeQuery("caf%C3%A9+crème")).isEqualTo("café crème");
    }

    @ParameterizedTest
    @ValueSource(strings = {"%", "%4", "abc%", "a%2", "%zz", "%4g", "%g4", "%%41", "% 41", "%-1", "%+1",
            "ok%C3%A9%", "%\uFF14\uFF11", "%\u0664\u0661"})
    void malformedEscapesAreRejected(String s) {
        assertThatThrownBy(() -> PercentCodec.decodePath(s)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PercentCodec.decodeQuery(s)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void escapeAtTheVeryEndIsAccepted() {
        assertThat(PercentCodec.decodePath("a%41")).isEqualTo("aA");
        assertThat(PercentCodec.decodePath("%41")).isEqualTo("A");
    }
}
