package dev.rosetta.server.handler.acl;

import dev.rosetta.protocol.model.AccessControl;
import dev.rosetta.protocol.model.Grant;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.xml.doc.AccessControlPolicy;
import dev.rosetta.protocol.xml.doc.AccessControlPolicy.Grantee;
import java.util.ArrayList;
import java.util.List;

/**
 * The AccessControlPolicy S3 shows for a stored access control (ACLs are recorded, not yet enforced):
 * <ul>
 *   <li>none or {@code private}: the owner's FULL_CONTROL;</li>
 *   <li>a canned ACL: the owner's FULL_CONTROL plus S3's grants for it ({@code public-read}: AllUsers
 *       READ; {@code public-read-write}: AllUsers READ and WRITE; {@code authenticated-read}:
 *       AuthenticatedUsers READ; {@code bucket-owner-read} / {@code -full-control}: the bucket owner READ /
 *       FULL_CONTROL when another account owns the object; {@code log-delivery-write}: LogDelivery
 *       WRITE and READ_ACP). {@code aws-exec-read} (an EC2 account of AWS's own) shows only the owner;</li>
 *   <li>explicit {@code x-amz-grant-*} grants: exactly those grants, as S3 records them (the owner
 *       then has no grant unless one names it); a canonical user shows a DisplayName only when it is
 *       the owner or the bucket owner, whose names are known.</li>
 * </ul>
 */
final class AclPolicies {
    private AclPolicies() {
    }

    /** A bucket: its owner's FULL_CONTROL (bucket ACLs are not stored yet). */
    static AccessControlPolicy ownerOnly(Owner owner) {
        return new AccessControlPolicy(owner, List.of(fullControl(owner)));
    }

    /**
     * @param owner       the resource's owner
     * @param bucketOwner the owner of the bucket the resource is in (the resource's own owner for a bucket)
     */
    static AccessControlPolicy of(Owner owner, Owner bucketOwner, AccessControl acl) {
        if (acl == null || acl.isDefault()) {
            return ownerOnly(owner);
        }
        List<AccessControlPolicy.Grant> grants = new ArrayList<>(3);
        if (!acl.grants().isEmpty()) {
            for (Grant g : acl.grants()) {
                grants.add(new AccessControlPolicy.Grant(grantee(g, owner, bucketOwner), g.permission().name()));
            }
            return new AccessControlPolicy(owner, grants);
        }
        grants.add(fullControl(owner));
        boolean otherBucketOwner = !bucketOwner.id().equals(owner.id());
        switch (acl.canned()) {
            case PUBLIC_READ -> grants.add(group(Grant.ALL_USERS, "READ"));
            case PUBLIC_READ_WRITE -> {
                grants.add(group(Grant.ALL_USERS, "READ"));
                grants.add(group(Grant.ALL_USERS, "WRITE"));
            }
            case AUTHENTICATED_READ -> grants.add(group(Grant.AUTHENTICATED_USERS, "READ"));
            case BUCKET_OWNER_READ -> {
                if (otherBucketOwner) {
                    grants.add(new AccessControlPolicy.Grant(Grantee.canonicalUser(bucketOwner), "READ"));
                }
            }
            case BUCKET_OWNER_FULL_CONTROL -> {
                if (otherBucketOwner) {
                    grants.add(fullControl(bucketOwner));
                }
            }
            case LOG_DELIVERY_WRITE -> {
                grants.add(group(Grant.LOG_DELIVERY, "WRITE"));
                grants.add(group(Grant.LOG_DELIVERY, "READ_ACP"));
            }
            default -> {
                // PRIVATE, and AWS_EXEC_READ whose grantee is an AWS-internal account
            }
        }
        return new AccessControlPolicy(owner, grants);
    }

    private static AccessControlPolicy.Grant fullControl(Owner owner) {
        return new AccessControlPolicy.Grant(Grantee.canonicalUser(owner), "FULL_CONTROL");
    }

    private static AccessControlPolicy.Grant group(String uri, String permission) {
        return new AccessControlPolicy.Grant(Grantee.group(uri), permission);
    }

    private static Grantee grantee(Grant g, Owner owner, Owner bucketOwner) {
        return switch (g.granteeType()) {
            case CANONICAL_USER -> {
                String name = g.grantee().equals(owner.id()) ? owner.displayName()
                        : g.grantee().equals(bucketOwner.id()) ? bucketOwner.displayName() : null;
                yield Grantee.canonicalUser(g.grantee(), name);
            }
            case GROUP -> Grantee.group(g.grantee());
            case EMAIL -> Grantee.email(g.grantee());
        };
    }
}
