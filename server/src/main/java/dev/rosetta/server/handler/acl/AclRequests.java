package dev.rosetta.server.handler.acl;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.headers.AclHeaders;
import dev.rosetta.protocol.model.AccessControl;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.xml.XmlRequestParser;
import dev.rosetta.protocol.xml.doc.AccessControlPolicyRequest;
import dev.rosetta.server.access.Accounts;
import dev.rosetta.server.handler.RequestContext;

/**
 * The ACL a PutBucketAcl or PutObjectAcl asks for: from the ACL headers of the request's family
 * ({@link AclHeaders}) or from an AccessControlPolicy body ({@link AccessControlPolicyRequest}), never both.
 * <ul>
 *   <li>headers and a body: {@code 400 UnexpectedContent} (S3 refuses a body when the ACL is in headers);</li>
 *   <li>neither: {@code 400 MissingSecurityHeader} naming the canned ACL header;</li>
 *   <li>a body whose Owner ID is not the resource owner's: {@code 403 AccessDenied} (ownership cannot be
 *       given away);</li>
 *   <li>grantees must resolve ({@link Accounts#checkGrantees}).</li>
 * </ul>
 */
final class AclRequests {
    /** Largest AccessControlPolicy body (100 grants fit easily). */
    static final long MAX_BODY_BYTES = 64 * 1024;

    private AclRequests() {
    }

    /** The requested ACL; the owner id in a body is checked by {@link #check}. */
    record Requested(AccessControl acl, String ownerId) {
    }

    static Requested read(RequestContext ctx, byte[] body, AclHeaders.Target target, Accounts accounts) {
        Dialect dialect = ctx.dialect();
        boolean headers = AclHeaders.present(ctx.head(), dialect, target);
        boolean hasBody = !blank(body);
        if (headers && hasBody) {
            throw new S3Exception(S3ErrorCode.UNEXPECTED_CONTENT);
        }
        Requested requested;
        if (headers) {
            requested = new Requested(AclHeaders.read(ctx.head(), dialect, target), null);
        } else if (hasBody) {
            AccessControlPolicyRequest.Policy policy = XmlRequestParser.parse(body, "AccessControlPolicy",
                    AccessControlPolicyRequest.class).policy(target == AclHeaders.Target.BUCKET);
            requested = new Requested(policy.acl(), policy.ownerId());
        } else {
            throw new S3Exception(S3ErrorCode.MISSING_SECURITY_HEADER)
                    .with("MissingHeaderName", dialect.header("acl"));
        }
        accounts.checkGrantees(requested.acl());
        return requested;
    }

    private static boolean blank(byte[] body) {
        if (body == null) {
            return true;
        }
        for (byte b : body) {
            if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
                return false;
            }
        }
        return true;
    }

    /** Checks a body's Owner ID against the resource's owner (AccessDenied when it differs). */
    static void check(Requested requested, Owner owner) {
        if (requested.ownerId() != null && !requested.ownerId().equals(owner.id())) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED);
        }
    }
}
