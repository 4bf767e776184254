package dev.rosetta.server.access;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.AccessControl;
import dev.rosetta.protocol.model.Grant;
import dev.rosetta.protocol.model.Owner;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The accounts this server knows (one per configured access key), by canonical id: grants may only name
 * them, and their display names are shown for every canonical-user grantee.
 */
public final class Accounts {
    /** No list of accounts: any id may be granted (for servers built without their credentials, in tests). */
    public static final Accounts UNKNOWN = new Accounts(Map.of(), false);

    private final Map<String, Owner> byId;
    private final boolean complete;

    private Accounts(Map<String, Owner> byId, boolean complete) {
        this.byId = byId;
        this.complete = complete;
    }

    /** Exactly these accounts. */
    public static Accounts of(Collection<Owner> owners) {
        Map<String, Owner> m = new LinkedHashMap<>();
        for (Owner o : owners) {
            m.put(o.id(), o);
        }
        return new Accounts(Map.copyOf(m), true);
    }

    /** The account with this canonical id, or null. */
    public Owner find(String id) {
        return byId.get(id);
    }

    /**
     * Checks that every grantee of an ACL can be resolved, as S3 does before storing it: a canonical id must
     * be an account's ({@code 400 InvalidArgument} "Invalid id"); an e-mail address never resolves, as
     * accounts have none here ({@code 400 UnresolvableGrantByEmailAddress}).
     */
    public void checkGrantees(AccessControl acl) {
        for (Grant g : acl.grants()) {
            switch (g.granteeType()) {
                case EMAIL -> throw new S3Exception(S3ErrorCode.UNRESOLVABLE_GRANT_BY_EMAIL_ADDRESS)
                        .with("EmailAddress", g.grantee());
                case CANONICAL_USER -> {
                    if (complete && !byId.containsKey(g.grantee())) {
                        throw S3Exception.invalidArgument("Invalid id", "id", g.grantee());
                    }
                }
                default -> { }
            }
        }
    }
}
