package dev.rosetta.protocol.xml.doc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.Grant;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.protocol.xml.XmlRequestParser;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AccessControlPolicyRequestTest {
    static final String XSI = "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"";

    static AccessControlPolicyRequest.Policy parse(String xml, boolean bucket) {
        return XmlRequestParser.parse(xml.getBytes(StandardCharsets.UTF_8), "AccessControlPolicy",
                AccessControlPolicyRequest.class).policy(bucket);
    }

    static S3Exception failure(String xml) {
        S3Exception e = catchThrowableOfType(S3Exception.class, () -> parse(xml, true));
        assertThat(e).as("expected %s to be refused", xml).isNotNull();
        return e;
    }

    static String grant(String grantee, String permission) {
        return "<Grant>" + grantee + "<Permission>" + permission + "</Permission></Grant>";
    }

    static String policy(String grants) {
        return "<AccessControlPolicy xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Owner><ID>owner</ID>"
                + "<DisplayName>o</DisplayName></Owner><AccessControlList>" + grants
                + "</AccessControlList></AccessControlPolicy>";
    }

    @Test
    void s3DocumentWithEveryGranteeType() {
        AccessControlPolicyRequest.Policy p = parse(policy(
                grant("<Grantee " + XSI + " xsi:type=\"CanonicalUser\"><ID>u1</ID><DisplayName>x</DisplayName></Grantee>",
                        "FULL_CONTROL")
                + grant("<Grantee " + XSI + " xsi:type=\"Group\"><URI>http://acs.amazonaws.com/groups/global/AllUsers"
                        + "</URI></Grantee>", "READ")
                + grant("<Grantee " + XSI + " xsi:type=\"AmazonCustomerByEmail\"><EmailAddress>a@b</EmailAddress>"
                        + "</Grantee>", "WRITE_ACP")), true);
        assertThat(p.ownerId()).isEqualTo("owner");
        assertThat(p.acl().canned()).isNull();
        assertThat(p.acl().grants()).containsExactly(
                Grant.user("u1", Permission.FULL_CONTROL),
                Grant.group(Grant.ALL_USERS, Permission.READ),
                new Grant(Permission.WRITE_ACP, Grant.GranteeType.EMAIL, "a@b"));
    }

    @Test
    void emptyListIsNoGrants() {
        assertThat(parse(policy(""), false).acl().grants()).isEmpty();
    }

    @Test
    void obsFormWithoutTypesAndDelivered() {
        String xml = "<AccessControlPolicy><Owner><ID>owner</ID></Owner><Delivered>true</Delivered><AccessControlList>"
                + "<Grant><Grantee><ID>d1</ID></Grantee><Permission>READ</Permission><Delivered>true</Delivered></Grant>"
                + "<Grant><Grantee><Canned>Everyone</Canned></Grantee><Permission>READ</Permission></Grant>"
                + "</AccessControlList></AccessControlPolicy>";
        AccessControlPolicyRequest.Policy bucket = parse(xml, true);
        assertThat(bucket.acl().grants()).containsExactly(
                Grant.user("d1", Permission.READ).withDelivered(true), Grant.group(Grant.ALL_USERS, Permission.READ));
        assertThat(bucket.acl().delivered()).isFalse();
        AccessControlPolicyRequest.Policy object = parse(xml, false);
        assertThat(object.acl().grants()).containsExactly(
                Grant.user("d1", Permission.READ), Grant.group(Grant.ALL_USERS, Permission.READ));
        assertThat(object.acl().delivered()).isTrue();
        assertThat(object.acl().inheritsBucket()).isTrue();
    }

    @Test
    void cosRootAccountsCamIdsAndGroups() {
        AccessControlPolicyRequest.Policy p = parse("<AccessControlPolicy><Owner>"
                + "<ID>qcs::cam::uin/100000000001:uin/100000000001</ID></Owner><AccessControlList>"
                + grant("<Grantee " + XSI + " xsi:type=\"RootAccount\"><ID>qcs::cam::uin/100000000002:uin/100000000002"
                        + "</ID></Grantee>", "READ")
                + grant("<Grantee " + XSI + " xsi:type=\"Group\"><URI>http://cam.qcloud.com/groups/global/AllUsers"
                        + "</URI></Grantee>", "READ")
                + "</AccessControlList></AccessControlPolicy>", false);
        assertThat(p.ownerId()).isEqualTo("100000000001");
        assertThat(p.acl().grants()).containsExactly(
                Grant.user("100000000002", Permission.READ), Grant.group(Grant.ALL_USERS, Permission.READ));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<AccessControlPolicy><AccessControlList/></AccessControlPolicy>",
            "<AccessControlPolicy><Owner><ID>o</ID></Owner></AccessControlPolicy>",
            "<AccessControlPolicy><Owner><ID>o</ID></Owner><AccessControlList><Grant><Permission>READ</Permission>"
                    + "</Grant></AccessControlList></AccessControlPolicy>",
            "<AccessControlPolicy><Owner><ID>o</ID></Owner><AccessControlList><Grant><Grantee><ID>u</ID></Grantee>"
                    + "<Permission>ALL</Permission></Grant></AccessControlList></AccessControlPolicy>",
            "<AccessControlPolicy><Owner><ID>o</ID></Owner><AccessControlList><Grant><Grantee " + XSI
                    + " xsi:type=\"Robot\"><ID>u</ID></Grantee><Permission>READ</Permission></Grant>"
                    + "</AccessControlList></AccessControlPolicy>",
            "<AccessControlPolicy><Owner><ID>o</ID></Owner><AccessControlList><Grant><Grantee " + XSI
                    + " xsi:type=\"CanonicalUser\"><URI>x</URI></Grantee><Permission>READ</Permission></Grant>"
                    + "</AccessControlList></AccessControlPolicy>",
    })
    void malformedPoliciesAreMalformedAclError(String xml) {
        assertThat(failure(xml).errorCode()).isEqualTo(S3ErrorCode.MALFORMED_ACL_ERROR);
    }

    @Test
    void unknownGroupIsInvalidArgument() {
        assertThat(failure(policy(grant("<Grantee " + XSI + " xsi:type=\"Group\"><URI>http://example.com/g</URI>"
                + "</Grantee>", "READ"))).errorCode()).isEqualTo(S3ErrorCode.INVALID_ARGUMENT);
    }

    @Test
    void moreThanAHundredGrantsIsMalformedAclError() {
        String one = grant("<Grantee " + XSI + " xsi:type=\"CanonicalUser\"><ID>u</ID></Grantee>", "READ");
        assertThat(parse(policy(one.repeat(100)), true).acl().grants()).hasSize(100);
        assertThat(failure(policy(one.repeat(101))).errorCode()).isEqualTo(S3ErrorCode.MALFORMED_ACL_ERROR);
    }

    @Test
    void grantsSplitByAnotherElementAreAllKept() {
        String one = grant("<Grantee " + XSI + " xsi:type=\"CanonicalUser\"><ID>u</ID></Grantee>", "READ");
        String xml = "<AccessControlPolicy><Owner><ID>o</ID></Owner><AccessControlList>" + one + "<Unknown/>" + one
                + "</AccessControlList></AccessControlPolicy>";
        assertThat(parse(xml, true).acl().grants()).hasSize(2);
    }
}
