package dev.rosetta.protocol.xml.doc;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.AccessControl;
import dev.rosetta.protocol.model.Grant;
import dev.rosetta.protocol.model.Grantees;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The AccessControlPolicy document of PutBucketAcl and PutObjectAcl, as bound by
 * {@link dev.rosetta.protocol.xml.XmlRequestParser}, in every dialect's form:
 * <ul>
 *   <li>S3's: each {@code Grantee} typed by {@code xsi:type} ({@code CanonicalUser} with {@code ID},
 *       {@code Group} with {@code URI}, {@code AmazonCustomerByEmail} with {@code EmailAddress}); COS's SDK
 *       types users {@code RootAccount} (also {@code SubAccount}), ids may be CAM names;</li>
 *   <li>OBS's: no {@code xsi:type}, a user is {@code <ID>}, everyone {@code <Canned>Everyone</Canned>};
 *       a bucket grant may carry {@code <Delivered>true</Delivered>}, an object ACL a top-level
 *       {@code <Delivered>} (the bucket's ACL applies to the object).</li>
 * </ul>
 * {@link #policy(boolean)} checks the structure: a missing Owner ID or AccessControlList, a grant without
 * grantee or with an unknown permission, an unknown grantee type or more than {@link #MAX_GRANTS} grants
 * is {@code 400 MalformedACLError}; an unknown group is {@code 400 InvalidArgument}.
 */
public final class AccessControlPolicyRequest {
    /** S3's limit on grants in one ACL. */
    public static final int MAX_GRANTS = 100;

    @JacksonXmlProperty(localName = "Owner")
    public OwnerElement owner;

    @JacksonXmlProperty(localName = "AccessControlList")
    public AclElement accessControlList;

    @JacksonXmlProperty(localName = "Delivered")
    public String delivered;

    /** The Owner element. */
    public static final class OwnerElement {
        @JacksonXmlProperty(localName = "ID")
        public String id;
        @JacksonXmlProperty(localName = "DisplayName")
        public String displayName;
    }

    /** The AccessControlList element: its Grants, every run of them kept. */
    public static final class AclElement {
        private final List<GrantElement> grants = new ArrayList<>();

        @JacksonXmlElementWrapper(useWrapping = false)
        @JacksonXmlProperty(localName = "Grant")
        public void setGrants(List<GrantElement> run) {
            if (run != null) {
                grants.addAll(run);
            }
        }
    }

    /** One Grant element. */
    public static final class GrantElement {
        @JacksonXmlProperty(localName = "Grantee")
        public GranteeElement grantee;
        @JacksonXmlProperty(localName = "Permission")
        public String permission;
        @JacksonXmlProperty(localName = "Delivered")
        public String delivered;
    }

    /** One Grantee element; {@code type} is its {@code xsi:type} attribute. */
    public static final class GranteeElement {
        @JacksonXmlProperty(isAttribute = true, localName = "type")
        public String type;
        @JacksonXmlProperty(localName = "ID")
        public String id;
        @JacksonXmlProperty(localName = "DisplayName")
        public String displayName;
        @JacksonXmlProperty(localName = "URI")
        public String uri;
        @JacksonXmlProperty(localName = "EmailAddress")
        public String emailAddress;
        @JacksonXmlProperty(localName = "Canned")
        public String canned;
    }

    /** The owner id the document names and the grants it sets. */
    public record Policy(String ownerId, AccessControl acl) {
    }

    /**
     * The checked policy.
     *
     * @param bucket whether it is a bucket's (grant-level Delivered counts) or an object's (top-level
     *               Delivered counts)
     * @throws S3Exception MalformedACLError or InvalidArgument, see the class comment
     */
    public Policy policy(boolean bucket) {
        if (owner == null || owner.id == null || owner.id.isBlank() || accessControlList == null) {
            throw malformed();
        }
        List<GrantElement> elements = accessControlList.grants;
        if (elements.size() > MAX_GRANTS) {
            throw malformed();
        }
        List<Grant> grants = new ArrayList<>(elements.size());
        for (GrantElement g : elements) {
            if (g == null || g.grantee == null || g.permission == null) {
                throw malformed();
            }
            Grant.Permission permission;
            try {
                permission = Grant.Permission.valueOf(g.permission.strip());
            } catch (IllegalArgumentException e) {
                throw malformed();
            }
            Grant grant = grant(g.grantee, permission);
            if (bucket && bool(g.delivered)) {
                grant = grant.withDelivered(true);
            }
            grants.add(grant);
        }
        boolean objectDelivered = !bucket && bool(delivered);
        String ownerId = Grantees.userId(owner.id);
        return new Policy(ownerId != null ? ownerId : owner.id.strip(),
                new AccessControl(null, grants, objectDelivered));
    }

    private static Grant grant(GranteeElement e, Grant.Permission permission) {
        String type = e.type == null ? null : e.type.strip();
        if (type == null) {
            // OBS's form: the element present says what the grantee is
            if (e.id != null) {
                type = "CanonicalUser";
            } else if (e.canned != null || e.uri != null) {
                type = "Group";
            } else if (e.emailAddress != null) {
                type = "AmazonCustomerByEmail";
            } else {
                throw malformed();
            }
        }
        switch (type) {
            case "CanonicalUser", "RootAccount", "SubAccount" -> {
                if (blank(e.id)) {
                    throw malformed();
                }
                if (Grantees.isCamAnyone(e.id)) {
                    return Grant.group(Grant.ALL_USERS, permission);
                }
                String id = Grantees.userId(e.id);
                if (id == null) {
                    throw malformed();
                }
                return Grant.user(id, permission);
            }
            case "Group" -> {
                String named = e.uri != null ? e.uri : e.canned;
                if (blank(named)) {
                    throw malformed();
                }
                String group = Grantees.group(named);
                if (group == null) {
                    throw S3Exception.invalidArgument("Invalid group uri", "uri", named.strip());
                }
                return Grant.group(group, permission);
            }
            case "AmazonCustomerByEmail" -> {
                if (blank(e.emailAddress)) {
                    throw malformed();
                }
                return new Grant(permission, Grant.GranteeType.EMAIL, e.emailAddress.strip());
            }
            default -> throw malformed();
        }
    }

    private static boolean bool(String value) {
        if (value == null) {
            return false;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        if (v.equals("true")) {
            return true;
        }
        if (v.equals("false") || v.isEmpty()) {
            return false;
        }
        throw malformed();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static S3Exception malformed() {
        return new S3Exception(S3ErrorCode.MALFORMED_ACL_ERROR);
    }
}
