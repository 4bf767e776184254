package dev.rosetta.protocol.xml.doc;

import static dev.rosetta.protocol.xml.XmlTestSupport.childNames;
import static dev.rosetta.protocol.xml.XmlTestSupport.childText;
import static dev.rosetta.protocol.xml.XmlTestSupport.children;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.xml.XmlTestSupport;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

class AccessControlPolicyTest {
    private static final Owner OWNER = new Owner("75aa57f09aa0c8caeab4f8c24e99d10f", "owner-name");

    @Test
    void ownerFullControlIsExactlyWhatS3Prints() {
        AccessControlPolicy p = new AccessControlPolicy(OWNER, List.of(
                new AccessControlPolicy.Grant(AccessControlPolicy.Grantee.canonicalUser(OWNER), "FULL_CONTROL")));
        assertThat(new String(Dialect.AWS.render(p), StandardCharsets.UTF_8)).isEqualTo(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                        + "<AccessControlPolicy xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                        + "<Owner><ID>75aa57f09aa0c8caeab4f8c24e99d10f</ID><DisplayName>owner-name</DisplayName></Owner>"
                        + "<AccessControlList><Grant>"
                        + "<Grantee xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:type=\"CanonicalUser\">"
                        + "<ID>75aa57f09aa0c8caeab4f8c24e99d10f</ID><DisplayName>owner-name</DisplayName></Grantee>"
                        + "<Permission>FULL_CONTROL</Permission></Grant></AccessControlList>"
                        + "</AccessControlPolicy>");
    }

    @Test
    void groupAndEmailGranteesAndTheirXsiTypes() {
        AccessControlPolicy p = new AccessControlPolicy(OWNER, List.of(
                new AccessControlPolicy.Grant(AccessControlPolicy.Grantee.canonicalUser(OWNER), "FULL_CONTROL"),
                new AccessControlPolicy.Grant(AccessControlPolicy.Grantee.group(
                        "http://acs.amazonaws.com/groups/global/AllUsers"), "READ"),
                new AccessControlPolicy.Grant(AccessControlPolicy.Grantee.email("a@example.com"), "WRITE_ACP"),
                new AccessControlPolicy.Grant(AccessControlPolicy.Grantee.canonicalUser("abc", null), "READ_ACP")));
        Element root = XmlTestSupport.parse(Dialect.AWS.render(p)).getDocumentElement();
        assertThat(childNames(root)).containsExactly("Owner", "AccessControlList");
        List<Element> grants = children(children(root, "AccessControlList").get(0), "Grant");
        assertThat(grants).hasSize(4);
        String xsi = AccessControlPolicy.XSI_NAMESPACE;
        Element group = children(grants.get(1), "Grantee").get(0);
        assertThat(group.getAttributeNS(xsi, "type")).isEqualTo("Group");
        assertThat(childNames(group)).containsExactly("URI");
        assertThat(childText(group, "URI")).isEqualTo("http://acs.amazonaws.com/groups/global/AllUsers");
        assertThat(childText(grants.get(1), "Permission")).isEqualTo("READ");
        Element email = children(grants.get(2), "Grantee").get(0);
        assertThat(email.getAttributeNS(xsi, "type")).isEqualTo("AmazonCustomerByEmail");
        assertThat(childText(email, "EmailAddress")).isEqualTo("a@example.com");
        Element bare = children(grants.get(3), "Grantee").get(0);
        assertThat(bare.getAttributeNS(xsi, "type")).isEqualTo("CanonicalUser");
        assertThat(childNames(bare)).containsExactly("ID");
        assertThat(childNames(grants.get(0))).containsExactly("Grantee", "Permission");
    }
}
