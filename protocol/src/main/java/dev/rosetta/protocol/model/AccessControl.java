package dev.rosetta.protocol.model;

import java.util.List;

/**
 * The access control a request asked for: a canned ACL, explicit grants, or neither (null canned and
 * empty grants mean "the default", which is private).
 */
public record AccessControl(CannedAcl canned, List<Grant> grants) {
    public static final AccessControl DEFAULT = new AccessControl(null, List.of());

    public AccessControl {
        grants = grants == null ? List.of() : List.copyOf(grants);
    }

    public boolean isDefault() {
        return canned == null && grants.isEmpty();
    }
}
