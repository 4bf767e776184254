package dev.rosetta.protocol.model;

import java.util.Objects;

/**
 * One ACL grant: a permission given to a grantee. Grantee types follow S3: a canonical user id,
 * a group URI, or an e-mail address.
 */
public record Grant(Permission permission, GranteeType granteeType, String grantee) {

    public enum Permission {
        READ, WRITE, READ_ACP, WRITE_ACP, FULL_CONTROL
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
}
