package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.model.Grantees;
import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;
import java.util.List;
import java.util.Objects;

/**
 * GetBucketAcl's and GetObjectAcl's answer in OBS's own form (OBS-signed requests): no {@code xsi:type};
 * a user is {@code <Grantee><ID>}, everyone is {@code <Grantee><Canned>Everyone</Canned>}; each bucket grant
 * says whether it is {@code Delivered} to objects, an object ACL says once whether the bucket's ACL is
 * delivered to it. Other groups (which OBS has not) are written as {@code <URI>}.
 *
 * @param ownerId         the resource owner's id
 * @param objectDelivered null for a bucket; for an object, whether the bucket's ACL applies to it
 */
public record ObsAccessControlPolicy(String ownerId, List<Grant> grants, Boolean objectDelivered)
        implements XmlDocument {

    /** One grant: a user id or a group URI (S3's), a permission, and for a bucket whether it is delivered. */
    public record Grant(String id, String groupUri, String permission, boolean delivered) {
        public Grant {
            Objects.requireNonNull(permission, "permission");
            if ((id == null) == (groupUri == null)) {
                throw new IllegalArgumentException("a grantee is a user id or a group");
            }
        }
    }

    public ObsAccessControlPolicy {
        Objects.requireNonNull(ownerId, "ownerId");
        grants = List.copyOf(grants);
    }

    @Override
    public String rootElement() {
        return "AccessControlPolicy";
    }

    @Override
    public void writeContent(XmlWriter w) {
        w.start("Owner").element("ID", ownerId).end();
        if (objectDelivered != null) {
            w.element("Delivered", objectDelivered.booleanValue());
        }
        w.start("AccessControlList");
        for (Grant g : grants) {
            w.start("Grant").start("Grantee");
            if (g.id() != null) {
                w.element("ID", g.id());
            } else if (dev.rosetta.protocol.model.Grant.ALL_USERS.equals(g.groupUri())) {
                w.element("Canned", Grantees.OBS_EVERYONE);
            } else {
                w.element("URI", g.groupUri());
            }
            w.end();
            w.element("Permission", g.permission());
            if (objectDelivered == null) {
                w.element("Delivered", g.delivered());
            }
            w.end();
        }
        w.end();
    }
}
