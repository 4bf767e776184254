package dev.rosetta.protocol.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QueryStringTest {

    private static List<String> names(QueryString qs) {
        return qs.params().stream().map(QueryString.Param::name).toList();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"&", "&&&"})
    void emptyQueriesHaveNoParameters(String raw) {
        QueryString qs = QueryString.parse(raw);
        assertThat(qs.isEmpty()).isTrue();
        assertThat(qs.params()).isEmpty();
        assertThat(qs.has("a")).isFalse();
        assertThat(qs.get("a")).isNull();
    }

    @Test
    void keepsWireOrder() {
        QueryString qs = QueryString.parse("z=1&a=2&m=3&b");
        assertThat(names(qs)).containsExactly("z", "a", "m", "b");
        assertThat(qs.isEmpty()).isFalse();
    }

    @Test
    void bareParameterHasNullRawValue() {
        QueryString.Param p = QueryString.parse("uploads").find("uploads");
        assertThat(p).isNotNull();
        assertThat(p.rawName()).isEqualTo("uploads");
        assertThat(p.rawValue()).isNull();
        assertThat(p.value()).isNull();
        assertThat(p.hasValue()).isFalse();
        assertThat(p.valueOrEmpty()).isEmpty();
    }

    @Test
    void parameterWithEqualsHasEmptyRawValue() {
        QueryString.Param p = QueryString.parse("uploads=").find("uploads");
        assertThat(p).isNotNull();
        assertThat(p.rawValue()).isEqualTo("");
        assertThat(p.value()).isEqualTo("");
        assertThat(p.hasValue()).isTrue();
        assertThat(p.valueOrEmpty()).isEmpty();
    }

    @Test
    void bareAndEmptyValuedParametersAreDistinguishedButBothPresent() {
        QueryString qs = QueryString.parse("acl&uploads=");
        assertThat(qs.has("acl")).isTrue();
        assertThat(qs.has("uploads")).isTrue();
        assertThat(qs.get("acl")).isEmpty();
        assertThat(qs.get("uploads")).isEmpty();
        assertThat(qs.find("acl").hasValue()).isFalse();
        assertThat(qs.find("uploads").hasValue()).isTrue();
    }

    @Test
    void keepsRawAndDecodedForms() {
        QueryString qs = QueryString.parse("prefix=a%2Fb+c%C3%A9&x%20y=1%2B1&k%7E=%7e");
        QueryString.Param prefix = qs.find("prefix");
        assertThat(prefix.rawValue()).isEqualTo("a%2Fb+c%C3%A9");
        assertThat(prefix.value()).isEqualTo("a/b cé");

        QueryString.Param xy = qs.find("x y");
        assertThat(xy).isNotNull();
        assertThat(xy.rawName()).isEqualTo("x%20y");
        assertThat(xy.rawValue()).isEqualTo("1%2B1");
        assertThat(xy.value()).isEqualTo("1+1");

        QueryString.Param tilde = qs.find("k~");
        assertThat(tilde.rawName()).isEqualTo("k%7E");
        assertThat(tilde.rawValue()).isEqualTo("%7e");
        assertThat(tilde.value()).isEqualTo("~");
        assertThat(qs.find("x%20y")).as("lookup is by decoded name").isNull();
    }

    @Test
    void onlyTheFirstEqualsSeparatesNameFromValue() {
        QueryString.Param p = QueryString.parse("Signature=abc==&x=a=b").find("Signature");
        assertThat(p.value()).isEqualTo("abc==");
        assertThat(QueryString.parse("x=a=b").get("x")).isEqualTo("a=b");
    }

    @Test
    void repeatedNamesAreAllKeptAndGetReturnsTheFirst() {
        QueryString qs = QueryString.parse("a=1&b=x&a=2&a");
        assertThat(names(qs)).containsExactly("a", "b", "a", "a");
        assertThat(qs.get("a")).isEqualTo("1");
        assertThat(qs.find("a").rawValue()).isEqualTo("1");
        assertThat(qs.params().get(2).value()).isEqualTo("2");
        assertThat(qs.params().get(3).hasValue()).isFalse();
    }

    @Test
    void emptyItemsAreSkipped() {
        assertThat(names(QueryString.parse("a&&b"))).containsExactly("a", "b");
        assertThat(names(QueryString.parse("&a=1&"))).containsExactly("a");
        assertThat(names(QueryString.parse("a=1&&&b=2&"))).containsExactly("a", "b");
    }

    @Test
    void getDistinguishesAbsentFromEmpty() {
        QueryString qs = QueryString.parse("prefix=&delimiter=%2F");
        assertThat(qs.get("prefix")).isEmpty();
        assertThat(qs.get("delimiter")).isEqualTo("/");
        assertThat(qs.get("marker")).isNull();
        assertThat(qs.has("marker")).isFalse();
        assertThat(qs.find("marker")).isNull();
    }

    @Test
    void findIsCaseSensitiveAndFindIgnoreCaseIsNot() {
        QueryString qs = QueryString.parse("X-Amz-Date=1&x-amz-date=2&Prefix=p");
        assertThat(qs.find("x-amz-date").value()).isEqualTo("2");
        assertThat(qs.find("X-Amz-Date").value()).isEqualTo("1");
        assertThat(qs.find("X-AMZ-DATE")).isNull();
        assertThat(qs.findIgnoreCase("X-AMZ-DATE").value()).as("first match wins").isEqualTo("1");
        assertThat(qs.has("prefix")).isFalse();
        assertThat(qs.findIgnoreCase("prefix").value()).isEqualTo("p");
        assertThat(qs.findIgnoreCase("nothing")).isNull();
    }

    @Test
    void parametersAreUnmodifiable() {
        QueryString qs = QueryString.parse("a=1");
        assertThatThrownBy(() -> qs.params().add(new QueryString.Param("b", null, "b", null)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a=%", "a=%zz", "%G1=b", "ok=1&bad=%2"})
    void malformedEscapesAreRejected(String raw) {
        assertThatThrownBy(() -> QueryString.parse(raw)).isInstanceOf(IllegalArgumentException.class);
    }
}
