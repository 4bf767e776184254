package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;
import java.util.List;
import java.util.Objects;

/**
 * GetBucketAcl's and GetObjectAcl's answer: the owner and the grants. Each Grantee carries its
 * {@code xsi:type} with the XML Schema instance namespace declared on the element itself, exactly as
 * S3 prints it: {@code <Grantee xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="CanonicalUser">}.
 */
public record AccessControlPolicy(Owner owner, List<Grant> grants) implements XmlDocument {
    public static final String XSI_NAMESPACE = "http://www.w3.org/2001/XMLSchema-instance";

    public AccessControlPolicy {
        Objects.requireNonNull(owner, "owner");
        grants = List.copyOf(grants);
    }

    /** Who a grant is for: S3's three grantee types. */
    public record Grantee(Type type, String id, String displayName, String uri, String emailAddress) {
        public enum Type {
            CANONICAL_USER("CanonicalUser"),
            GROUP("Group"),
            EMAIL("AmazonCustomerByEmail");

            private final String xsiType;

            Type(String xsiType) {
                this.xsiType = xsiType;
            }

            public String xsiType() {
                return xsiType;
            }
        }

        public Grantee {
            Objects.requireNonNull(type, "type");
        }

        /** A canonical user; the display name may be null (not written then). */
        public static Grantee canonicalUser(String id, String displayName) {
            return new Grantee(Type.CANONICAL_USER, Objects.requireNonNull(id, "id"), displayName, null, null);
        }

        public static Grantee canonicalUser(Owner owner) {
            return canonicalUser(owner.id(), owner.displayName());
        }

        /** A predefined group, such as {@code http://acs.amazonaws.com/groups/global/AllUsers}. */
        public static Grantee group(String uri) {
            return new Grantee(Type.GROUP, null, null, Objects.requireNonNull(uri, "uri"), null);
        }

        public static Grantee email(String emailAddress) {
            return new Grantee(Type.EMAIL, null, null, null, Objects.requireNonNull(emailAddress, "emailAddress"));
        }
    }

    /** One grant: a grantee and a permission ({@code FULL_CONTROL}, {@code READ}, ...). */
    public record Grant(Grantee grantee, String permission) {
        public Grant {
            Objects.requireNonNull(grantee, "grantee");
            Objects.requireNonNull(permission, "permission");
        }
    }

    @Override
    public String rootElement() {
        return "AccessControlPolicy";
    }

    @Override
    public void writeContent(XmlWriter w) {
        w.start("Owner").element("ID", owner.id()).element("DisplayName", owner.displayName()).end();
        w.start("AccessControlList");
        for (Grant g : grants) {
            Grantee e = g.grantee();
            w.start("Grant");
            w.startWithAttributes("Grantee", "xmlns:xsi", XSI_NAMESPACE, "xsi:type", e.type().xsiType());
            switch (e.type()) {
                case CANONICAL_USER -> {
                    w.element("ID", e.id());
                    w.optional("DisplayName", e.displayName());
                }
                case GROUP -> w.element("URI", e.uri());
                case EMAIL -> w.element("EmailAddress", e.emailAddress());
                default -> throw new IllegalStateException("unknown grantee type " + e.type());
            }
            w.end();
            w.element("Permission", g.permission());
            w.end();
        }
        w.end();
    }
}
