package dev.rosetta.storage.schema;

import dev.rosetta.protocol.model.AccessControl;
import dev.rosetta.protocol.model.CannedAcl;
import dev.rosetta.protocol.model.Grant;
import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.codec.RecordReader;
import dev.rosetta.storage.codec.RecordWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Nested encoding of an {@link AccessControl}, shared by object headers and bucket records:
 * <pre>
 *  1 canned (enum name)
 *  2 grant (repeated, in order) { 1 permission, 2 granteeType, 3 grantee, 4 delivered (bool, only when true) }
 *  3 delivered (bool, only when true: the bucket's ACL applies to the object)
 * </pre>
 * A default ACL is not written at all; an absent field reads as the default.
 */
public final class AclCodec {
    private static final int CANNED = 1;
    private static final int GRANT = 2;
    private static final int DELIVERED = 3;
    private static final int GRANT_PERMISSION = 1;
    private static final int GRANT_TYPE = 2;
    private static final int GRANT_GRANTEE = 3;
    private static final int GRANT_DELIVERED = 4;

    private AclCodec() {
    }

    /** Writes {@code acl} under {@code tag}; nothing for null or a default ACL. */
    public static void write(RecordWriter w, int tag, AccessControl acl) {
        if (acl == null || acl.isDefault()) {
            return;
        }
        int a = w.beginNested(tag);
        w.enumName(CANNED, acl.canned());
        for (Grant g : acl.grants()) {
            int gm = w.beginNested(GRANT);
            w.enumName(GRANT_PERMISSION, g.permission());
            w.enumName(GRANT_TYPE, g.granteeType());
            w.string(GRANT_GRANTEE, g.grantee());
            if (g.delivered()) {
                w.bool(GRANT_DELIVERED, Boolean.TRUE);
            }
            w.endNested(gm);
        }
        if (acl.delivered()) {
            w.bool(DELIVERED, Boolean.TRUE);
        }
        w.endNested(a);
    }

    /** Reads a nested record written by {@link #write}. */
    public static AccessControl read(RecordReader r) {
        CannedAcl canned = null;
        List<Grant> grants = new ArrayList<>();
        boolean delivered = false;
        while (r.next()) {
            switch (r.tag()) {
                case CANNED -> canned = r.enumValue(CannedAcl.class);
                case GRANT -> grants.add(readGrant(r.nested()));
                case DELIVERED -> delivered = r.bool();
                default -> { }
            }
        }
        return new AccessControl(canned, grants, delivered);
    }

    private static Grant readGrant(RecordReader r) {
        Grant.Permission permission = null;
        Grant.GranteeType type = null;
        String grantee = null;
        boolean delivered = false;
        while (r.next()) {
            switch (r.tag()) {
                case GRANT_PERMISSION -> permission = r.enumValue(Grant.Permission.class);
                case GRANT_TYPE -> type = r.enumValue(Grant.GranteeType.class);
                case GRANT_GRANTEE -> grantee = r.string();
                case GRANT_DELIVERED -> delivered = r.bool();
                default -> { }
            }
        }
        if (permission == null || type == null || grantee == null) {
            throw new StorageException("corrupt record: incomplete grant");
        }
        return new Grant(permission, type, grantee, delivered);
    }
}
