package dev.rosetta.server.handler.acl;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.dialect.HeaderFamily;
import dev.rosetta.protocol.model.AccessControl;
import dev.rosetta.protocol.model.Grant;
import dev.rosetta.protocol.model.Grantees;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.doc.AccessControlPolicy;
import dev.rosetta.protocol.xml.doc.AccessControlPolicy.Grantee;
import dev.rosetta.protocol.xml.doc.ObsAccessControlPolicy;
import dev.rosetta.server.access.AccessEvaluator;
import dev.rosetta.server.access.Accounts;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.ObjectRecord;
import java.util.ArrayList;
import java.util.List;

/**
 * The AccessControlPolicy shown for a stored ACL, in the request's header family:
 * <ul>
 *   <li>the grants are {@link AccessEvaluator#grants}: explicit grants exactly as stored (the owner then has
 *       none unless named, as in S3), a canned ACL expanded as S3 does, no ACL the owner's FULL_CONTROL;</li>
 *   <li>S3's document for AWS-family, COS and WOS requests; COS requests see COS's group URIs
 *       ({@code http://cam.qcloud.com/groups/global/AllUsers}); a canonical user has a DisplayName when it is
 *       a known account;</li>
 *   <li>OBS's own document ({@link ObsAccessControlPolicy}) for OBS-signed requests, with the
 *       {@code Delivered} flags.</li>
 * </ul>
 */
final class AclPolicies {
    private AclPolicies() {
    }

    static XmlDocument bucket(Dialect dialect, BucketRecord bucket, Accounts accounts) {
        return render(dialect, bucket.owner(), bucket.owner(), bucket.accessControl(), null, accounts);
    }

    static XmlDocument object(Dialect dialect, BucketRecord bucket, ObjectRecord object, Accounts accounts) {
        AccessControl acl = object.headers().acl();
        return render(dialect, object.owner(), bucket.owner(), acl, acl.inheritsBucket(), accounts);
    }

    private static XmlDocument render(Dialect dialect, Owner owner, Owner bucketOwner, AccessControl acl,
                                      Boolean objectDelivered, Accounts accounts) {
        List<Grant> grants = AccessEvaluator.grants(acl, owner, bucketOwner);
        HeaderFamily family = dialect.family();
        if (family == HeaderFamily.OBS) {
            List<ObsAccessControlPolicy.Grant> out = new ArrayList<>(grants.size());
            for (Grant g : grants) {
                switch (g.granteeType()) {
                    case CANONICAL_USER -> out.add(new ObsAccessControlPolicy.Grant(g.grantee(), null,
                            g.permission().name(), g.delivered()));
                    case GROUP -> out.add(new ObsAccessControlPolicy.Grant(null, g.grantee(),
                            g.permission().name(), g.delivered()));
                    default -> { } // e-mail grantees are never stored
                }
            }
            return new ObsAccessControlPolicy(owner.id(), out, objectDelivered);
        }
        List<AccessControlPolicy.Grant> out = new ArrayList<>(grants.size());
        for (Grant g : grants) {
            Grantee grantee = switch (g.granteeType()) {
                case CANONICAL_USER -> Grantee.canonicalUser(g.grantee(), displayName(g.grantee(), owner,
                        bucketOwner, accounts));
                case GROUP -> Grantee.group(Grantees.groupUriFor(family, g.grantee()));
                case EMAIL -> Grantee.email(g.grantee());
            };
            out.add(new AccessControlPolicy.Grant(grantee, g.permission().name()));
        }
        return new AccessControlPolicy(owner, out);
    }

    private static String displayName(String id, Owner owner, Owner bucketOwner, Accounts accounts) {
        if (id.equals(owner.id())) {
            return owner.displayName();
        }
        if (id.equals(bucketOwner.id())) {
            return bucketOwner.displayName();
        }
        Owner known = accounts.find(id);
        return known == null ? null : known.displayName();
    }
}
