package dev.rosetta.server.access;

import dev.rosetta.protocol.model.AccessControl;
import dev.rosetta.protocol.model.CannedAcl;
import dev.rosetta.protocol.model.Grant;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.ObjectRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The one place that decides whether a principal (an account, or null for an anonymous request) holds a
 * permission on a bucket or an object. It only looks at records the handler has read anyway.
 *
 * <ul>
 *   <li><b>Grants</b>: a canned ACL is expanded into S3's grants for it ({@link #grants}); a grant matches a
 *       canonical user by id, {@code AllUsers} matches everyone (also anonymous), {@code AuthenticatedUsers}
 *       any signed request, {@code LogDelivery} and e-mail grantees no request. {@code FULL_CONTROL} implies
 *       every permission.</li>
 *   <li><b>Owners</b>: the owner of a bucket or object always holds {@code READ_ACP} and {@code WRITE_ACP} on
 *       it (as in S3, so an ACL that forgets its owner can be repaired); anything else it holds through the
 *       ACL. The bucket owner also holds every permission on every object in its bucket, whoever wrote it
 *       ("bucket-owner-full-control" semantics, see {@code docs/decisions.md}).</li>
 *   <li><b>Objects and their bucket</b>: a bucket grant marked delivered (OBS {@code -delivered}) applies to
 *       every object in the bucket; an object whose ACL inherits its bucket's (COS {@code default}, OBS object
 *       {@code Delivered}) is also granted through every bucket grant. A bucket grant gives the same
 *       permission on the object, except {@code WRITE}, which means nothing on an object.</li>
 * </ul>
 */
public final class AccessEvaluator {
    private AccessEvaluator() {
    }

    /** Whether {@code principal} (null: anonymous) holds {@code permission} on the bucket. */
    public static boolean bucketAllows(Owner principal, BucketRecord bucket, Permission permission) {
        if (isOwner(principal, bucket.owner()) && isAcp(permission)) {
            return true;
        }
        for (Grant g : grants(bucket.accessControl(), bucket.owner(), bucket.owner())) {
            if (g.permission().implies(permission) && matches(g, principal)) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code principal} (null: anonymous) holds {@code permission} on an object of the bucket. */
    public static boolean objectAllows(Owner principal, BucketRecord bucket, ObjectRecord object,
                                       Permission permission) {
        if (isOwner(principal, bucket.owner())) {
            return true;
        }
        if (isOwner(principal, object.owner()) && isAcp(permission)) {
            return true;
        }
        AccessControl acl = object.headers().acl();
        for (Grant g : grants(acl, object.owner(), bucket.owner())) {
            if (g.permission().implies(permission) && matches(g, principal)) {
                return true;
            }
        }
        boolean inherits = acl.inheritsBucket();
        for (Grant g : grants(bucket.accessControl(), bucket.owner(), bucket.owner())) {
            if ((inherits || g.delivered()) && g.permission() != Permission.WRITE
                    && g.permission().implies(permission) && matches(g, principal)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code principal} controls the object entirely: its owner, the bucket owner, or a
     * {@code FULL_CONTROL} grantee (tagging, which ACL permissions do not cover).
     */
    public static boolean objectControlled(Owner principal, BucketRecord bucket, ObjectRecord object) {
        return isOwner(principal, object.owner()) || objectAllows(principal, bucket, object, Permission.FULL_CONTROL);
    }

    /**
     * The grants an ACL stands for: its explicit grants as stored; a canned ACL as S3 expands it (the owner's
     * {@code FULL_CONTROL} and the canned grants); no ACL, {@code private}, {@code aws-exec-read} (an AWS-internal
     * grantee) and COS {@code default} the owner's {@code FULL_CONTROL} alone.
     *
     * @param owner       the owner of the bucket or object
     * @param bucketOwner the owner of the bucket the object is in (the owner itself for a bucket)
     */
    public static List<Grant> grants(AccessControl acl, Owner owner, Owner bucketOwner) {
        if (acl != null && !acl.grants().isEmpty()) {
            return acl.grants();
        }
        List<Grant> grants = new ArrayList<>(3);
        grants.add(Grant.user(owner.id(), Permission.FULL_CONTROL));
        CannedAcl canned = acl == null ? null : acl.canned();
        if (canned == null) {
            return grants;
        }
        boolean otherBucketOwner = !bucketOwner.id().equals(owner.id());
        switch (canned) {
            case PUBLIC_READ -> grants.add(Grant.group(Grant.ALL_USERS, Permission.READ));
            case PUBLIC_READ_WRITE -> {
                grants.add(Grant.group(Grant.ALL_USERS, Permission.READ));
                grants.add(Grant.group(Grant.ALL_USERS, Permission.WRITE));
            }
            case PUBLIC_READ_DELIVERED -> grants.add(Grant.group(Grant.ALL_USERS, Permission.READ).withDelivered(true));
            case PUBLIC_READ_WRITE_DELIVERED -> {
                grants.add(Grant.group(Grant.ALL_USERS, Permission.READ).withDelivered(true));
                grants.add(Grant.group(Grant.ALL_USERS, Permission.WRITE).withDelivered(true));
            }
            case AUTHENTICATED_READ -> grants.add(Grant.group(Grant.AUTHENTICATED_USERS, Permission.READ));
            case BUCKET_OWNER_READ -> {
                if (otherBucketOwner) {
                    grants.add(Grant.user(bucketOwner.id(), Permission.READ));
                }
            }
            case BUCKET_OWNER_FULL_CONTROL -> {
                if (otherBucketOwner) {
                    grants.add(Grant.user(bucketOwner.id(), Permission.FULL_CONTROL));
                }
            }
            case LOG_DELIVERY_WRITE -> {
                grants.add(Grant.group(Grant.LOG_DELIVERY, Permission.WRITE));
                grants.add(Grant.group(Grant.LOG_DELIVERY, Permission.READ_ACP));
            }
            default -> {
                // PRIVATE; AWS_EXEC_READ, whose grantee is an AWS-internal account; COS DEFAULT
            }
        }
        return grants;
    }

    /** Whether a grant is for the principal (null: anonymous). */
    static boolean matches(Grant g, Owner principal) {
        return switch (g.granteeType()) {
            case CANONICAL_USER -> principal != null && g.grantee().equals(principal.id());
            case GROUP -> g.grantee().equals(Grant.ALL_USERS)
                    || (principal != null && g.grantee().equals(Grant.AUTHENTICATED_USERS));
            case EMAIL -> false;
        };
    }

    private static boolean isOwner(Owner principal, Owner owner) {
        return principal != null && principal.id().equals(owner.id());
    }

    private static boolean isAcp(Permission p) {
        return p == Permission.READ_ACP || p == Permission.WRITE_ACP;
    }
}
