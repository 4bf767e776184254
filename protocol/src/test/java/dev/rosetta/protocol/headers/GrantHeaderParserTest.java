package dev.rosetta.protocol.headers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.Grant;
import dev.rosetta.protocol.model.Grant.GranteeType;
import dev.rosetta.protocol.model.Grant.Permission;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GrantHeaderParserTest {

    private static final String HEADER = "x-amz-grant-read";

    private static List<Grant> parse(String value) {
        return GrantHeaderParser.parse(HEADER, value, Permission.READ);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "id=\"79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be\" | CANONICAL_USER | 79a59df900b949e55d96a1e698fbacedfd6e09d98eacf8f8d5218e7cd47ef2be",
            "id=abc123                                                        | CANONICAL_USER | abc123",
            "ID=abc123                                                        | CANONICAL_USER | abc123",
            "uri=\"http://acs.amazonaws.com/groups/global/AllUsers\"          | GROUP          | http://acs.amazonaws.com/groups/global/AllUsers",
            "uri=http://acs.amazonaws.com/groups/s3/LogDelivery               | GROUP          | http://acs.amazonaws.com/groups/s3/LogDelivery",
            "emailAddress=\"xyz@amazon.com\"                                  | EMAIL          | xyz@amazon.com",
            "EmailAddress=xyz@amazon.com                                      | EMAIL          | xyz@amazon.com",
            "emailaddress = xyz@amazon.com                                    | EMAIL          | xyz@amazon.com",
    })
    void singleGrantee(String value, GranteeType type, String grantee) {
        assertThat(parse(value)).containsExactly(new Grant(Permission.READ, type, grantee));
    }

    @Test
    void severalGranteesInOrderWithPermissionApplied() {
        List<Grant> grants = GrantHeaderParser.parse("x-amz-grant-write",
                "emailAddress=\"xyz@amazon.com\", emailAddress=\"abc@amazon.com\",id=u1 ,  "
                        + "uri=\"http://acs.amazonaws.com/groups/global/AuthenticatedUsers\"",
                Permission.WRITE);
        assertThat(grants).containsExactly(
                new Grant(Permission.WRITE, GranteeType.EMAIL, "xyz@amazon.com"),
                new Grant(Permission.WRITE, GranteeType.EMAIL, "abc@amazon.com"),
                new Grant(Permission.WRITE, GranteeType.CANONICAL_USER, "u1"),
                new Grant(Permission.WRITE, GranteeType.GROUP, Grant.AUTHENTICATED_USERS));
    }

    @Test
    void commaInsideQuotesDoesNotSplit() {
        assertThat(parse("id=\"a,b\", id=c")).containsExactly(
                new Grant(Permission.READ, GranteeType.CANONICAL_USER, "a,b"),
                new Grant(Permission.READ, GranteeType.CANONICAL_USER, "c"));
    }

    @Test
    void equalsInsideTheValueIsKept() {
        assertThat(parse("id=\"a=b\"")).containsExactly(new Grant(Permission.READ, GranteeType.CANONICAL_USER, "a=b"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "abc", "=abc", "id=", "id=\"\"", "id=  ", "foo=bar", "canonical=abc",
            "id=a,", ",id=a", "id=a,,id=b", "id=\"abc", "id=abc\"", "id=\"", "uri=\"http://x\" , email=y"})
    void malformedIsInvalidArgumentWithHeaderAndValue(String value) {
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> parse(value));
        assertThat(e).as("must refuse [%s]", value).isNotNull();
        assertThat(e.errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
        assertThat(e.status()).isEqualTo(400);
        assertThat(e.details()).containsEntry("ArgumentName", HEADER).containsEntry("ArgumentValue", value);
    }
}
