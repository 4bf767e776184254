package dev.rosetta.protocol.model;

import java.util.Objects;

/**
 * One ACL grant: a permission given to a grantee. Grantee types follow S3: a canonical user id,
 * a group URI (always one of S3's three, vendors' names are mapped onto them), or an e-mail address.
 *
 * @param delivered a bucket grant that also applies to every object in the bucket (OBS's
 *                  {@code x-obs-grant-*-delivered} headers, {@code -delivered} canned ACLs and
 *                  {@code <Delivered>true</Delivered>}); always false on object ACLs
 */
public record Grant(Permission permission, GranteeType granteeType, String grantee, boolean delivered) {

    public enum Permission {
        READ, WRITE, READ_ACP, WRITE_ACP, FULL_CONTROL;

        /** Whether holding this permission gives {@code wanted} ({@code FULL_CONTROL} gives all). */
        public boolean implies(Permission wanted) {
            return this == wanted || this == FULL_CONTROL;
        }
    }

    public enum GranteeType {
        /** {@code id="..."}: a canonical user id. */
        CANONICAL_USER,
        /** {@code uri="..."}: a group such as AllUsers. */
        GROUP,
        /** {@code emailAddress="..."}. */
        EMAIL
    }

    public static final String ALL_USERS = "http://acs.amazonaws.com/groups/global/AllUsers";
    public static final String AUTHENTICATED_USERS = "http://acs.amazonaws.com/groups/global/AuthenticatedUsers";
    public static final String LOG_DELIVERY = "http://acs.amazonaws.com/groups/s3/LogDelivery";

    public Grant {
        Objects.requireNonNull(permission, "permission");
        Objects.requireNonNull(granteeType, "granteeType");
        Objects.requireNonNull(grantee, "grantee");
    }

    /** A grant that is not delivered to objects. */
    public Grant(Permission permission, GranteeType granteeType, String grantee) {
        this(permission, granteeType, grantee, false);
    }

    /** A canonical user's grant. */
    public static Grant user(String id, Permission permission) {
        return new Grant(permission, GranteeType.CANONICAL_USER, id);
    }

    /** A group's grant ({@link #ALL_USERS}, ...). */
    public static Grant group(String uri, Permission permission) {
        return new Grant(permission, GranteeType.GROUP, uri);
    }

    /** This grant, delivered to objects or not. */
    public Grant withDelivered(boolean newDelivered) {
        return newDelivered == delivered ? this : new Grant(permission, granteeType, grantee, newDelivered);
    }
}
