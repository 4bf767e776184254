package dev.rosetta.protocol.model;

import java.util.List;

/**
 * An access control list as requested and stored: a canned ACL, explicit grants, or neither (null
 * canned and no grants mean "the default", which is private: the owner's FULL_CONTROL). Canned ACLs
 * stay canned (they are expanded into grants where they are shown or enforced, because some depend
 * on who owns the bucket).
 *
 * @param delivered an object ACL only: the bucket's ACL applies to the object as well (OBS's object
 *                  {@code <Delivered>true</Delivered>}; COS's canned {@code default} means the same)
 */
public record AccessControl(CannedAcl canned, List<Grant> grants, boolean delivered) {
    public static final AccessControl DEFAULT = new AccessControl(null, List.of(), false);

    public AccessControl {
        grants = grants == null ? List.of() : List.copyOf(grants);
    }

    public AccessControl(CannedAcl canned, List<Grant> grants) {
        this(canned, grants, false);
    }

    /** A canned ACL alone. */
    public static AccessControl of(CannedAcl canned) {
        return new AccessControl(canned, List.of(), false);
    }

    public boolean isDefault() {
        return canned == null && grants.isEmpty() && !delivered;
    }

    /** Whether the bucket's ACL applies to an object with this ACL (COS {@code default}, OBS delivered). */
    public boolean inheritsBucket() {
        return delivered || canned == CannedAcl.DEFAULT;
    }
}
