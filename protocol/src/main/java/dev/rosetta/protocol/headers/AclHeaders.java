package dev.rosetta.protocol.headers;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.dialect.HeaderFamily;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import dev.rosetta.protocol.model.AccessControl;
import dev.rosetta.protocol.model.CannedAcl;
import dev.rosetta.protocol.model.Grant;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.protocol.model.Grantees;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Reads the ACL headers of a request in its header family: the canned ACL ({@code x-amz-acl},
 * {@code x-obs-acl}, {@code x-cos-acl}, {@code x-wos-acl}) and the grant headers ({@code <prefix>grant-*}).
 *
 * <table>
 *   <caption>Canned ACLs and grant syntax per family</caption>
 *   <tr><th>Family</th><th>Bucket</th><th>Object</th><th>Grantees</th></tr>
 *   <tr><td>AMZ</td><td colspan="2">S3's eight</td><td>{@code id=}, {@code uri=} (a group), {@code emailAddress=}</td></tr>
 *   <tr><td>OBS, WOS</td><td>private, public-read, public-read-write, public-read-delivered,
 *       public-read-write-delivered, bucket-owner-full-control</td><td>the same without the -delivered ones</td>
 *       <td>{@code id=domainId} ({@code ID=} too); buckets also take {@code grant-read-delivered} and
 *       {@code grant-full-control-delivered}</td></tr>
 *   <tr><td>COS</td><td>private, public-read, public-read-write, authenticated-read</td>
 *       <td>default, private, public-read, public-read-write, authenticated-read, bucket-owner-read,
 *       bucket-owner-full-control</td>
 *       <td>{@code id="<uin>"}, {@code id="qcs::cam::uin/<root>:uin/<uin>"}, {@code uin="<uin>"}, {@code uri=}</td></tr>
 * </table>
 *
 * Any other canned value, an unknown grantee type or group is {@code 400 InvalidArgument} naming the
 * header; a canned ACL with grants is {@code 400 InvalidRequest}, as S3 answers. Quotes around values are
 * optional. Ids are not checked here (the server knows its accounts).
 */
public final class AclHeaders {
    /** What the ACL is for: the allowed canned names and grant headers differ. */
    public enum Target { BUCKET, OBJECT }

    private static final Set<CannedAcl> AWS = EnumSet.of(CannedAcl.PRIVATE, CannedAcl.PUBLIC_READ,
            CannedAcl.PUBLIC_READ_WRITE, CannedAcl.AUTHENTICATED_READ, CannedAcl.AWS_EXEC_READ,
            CannedAcl.BUCKET_OWNER_READ, CannedAcl.BUCKET_OWNER_FULL_CONTROL, CannedAcl.LOG_DELIVERY_WRITE);
    private static final Set<CannedAcl> OBS_OBJECT = EnumSet.of(CannedAcl.PRIVATE, CannedAcl.PUBLIC_READ,
            CannedAcl.PUBLIC_READ_WRITE, CannedAcl.BUCKET_OWNER_FULL_CONTROL);
    private static final Set<CannedAcl> OBS_BUCKET = EnumSet.of(CannedAcl.PRIVATE, CannedAcl.PUBLIC_READ,
            CannedAcl.PUBLIC_READ_WRITE, CannedAcl.PUBLIC_READ_DELIVERED, CannedAcl.PUBLIC_READ_WRITE_DELIVERED,
            CannedAcl.BUCKET_OWNER_FULL_CONTROL);
    private static final Set<CannedAcl> COS_OBJECT = EnumSet.of(CannedAcl.DEFAULT, CannedAcl.PRIVATE,
            CannedAcl.PUBLIC_READ, CannedAcl.PUBLIC_READ_WRITE, CannedAcl.AUTHENTICATED_READ,
            CannedAcl.BUCKET_OWNER_READ, CannedAcl.BUCKET_OWNER_FULL_CONTROL);
    private static final Set<CannedAcl> COS_BUCKET = EnumSet.of(CannedAcl.PRIVATE, CannedAcl.PUBLIC_READ,
            CannedAcl.PUBLIC_READ_WRITE, CannedAcl.AUTHENTICATED_READ);

    /** Grant header suffix, permission, delivered. */
    private record GrantHeader(String suffix, Permission permission, boolean delivered) {
    }

    private static final List<GrantHeader> GRANTS = List.of(
            new GrantHeader("grant-read", Permission.READ, false),
            new GrantHeader("grant-write", Permission.WRITE, false),
            new GrantHeader("grant-read-acp", Permission.READ_ACP, false),
            new GrantHeader("grant-write-acp", Permission.WRITE_ACP, false),
            new GrantHeader("grant-full-control", Permission.FULL_CONTROL, false));
    private static final List<GrantHeader> DELIVERED_GRANTS = List.of(
            new GrantHeader("grant-read-delivered", Permission.READ, true),
            new GrantHeader("grant-full-control-delivered", Permission.FULL_CONTROL, true));

    private AclHeaders() {
    }

    /** Whether the request carries any ACL header of its family for this target. */
    public static boolean present(RequestHead head, Dialect dialect, Target target) {
        HeaderFamily family = dialect.family();
        if (head.header(family.header("acl")) != null) {
            return true;
        }
        for (GrantHeader g : grantHeaders(family, target)) {
            if (head.header(family.header(g.suffix())) != null) {
                return true;
            }
        }
        return false;
    }

    /**
     * The ACL the headers ask for; when there are none, {@link AccessControl#DEFAULT} (private), except for
     * COS objects, whose documented default is {@code default}: inherit the bucket's ACL.
     *
     * @throws S3Exception InvalidArgument for a canned value the family does not have for the target or a
     *                     malformed grant; InvalidRequest for a canned ACL together with grants
     */
    public static AccessControl read(RequestHead head, Dialect dialect, Target target) {
        HeaderFamily family = dialect.family();
        String aclHeader = family.header("acl");
        String cannedValue = head.header(aclHeader);
        CannedAcl canned = null;
        if (cannedValue != null) {
            String v = cannedValue.trim();
            canned = CannedAcl.fromHeader(aclHeader, v);
            if (!allowedCanned(family, target).contains(canned)) {
                throw S3Exception.invalidArgument("Invalid canned ACL: " + v, aclHeader, cannedValue);
            }
        }
        List<Grant> grants = new ArrayList<>(0);
        for (GrantHeader g : grantHeaders(family, target)) {
            String name = family.header(g.suffix());
            String value = head.header(name);
            if (value != null) {
                grants.addAll(parseGrants(family, name, value, g.permission(), g.delivered()));
            }
        }
        if (canned != null && !grants.isEmpty()) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                    "Specifying both Canned ACLs and Header Grants is not allowed");
        }
        if (canned == null && grants.isEmpty()) {
            // COS documents an object written without x-cos-acl as "default": it inherits the bucket's ACL
            return family == HeaderFamily.COS && target == Target.OBJECT
                    ? new AccessControl(CannedAcl.DEFAULT, List.of()) : AccessControl.DEFAULT;
        }
        return new AccessControl(canned, grants);
    }

    private static Set<CannedAcl> allowedCanned(HeaderFamily family, Target target) {
        return switch (family) {
            case AMZ -> AWS;
            case OBS, WOS -> target == Target.BUCKET ? OBS_BUCKET : OBS_OBJECT;
            case COS -> target == Target.BUCKET ? COS_BUCKET : COS_OBJECT;
        };
    }

    private static List<GrantHeader> grantHeaders(HeaderFamily family, Target target) {
        if (target == Target.BUCKET && (family == HeaderFamily.OBS || family == HeaderFamily.WOS)) {
            List<GrantHeader> all = new ArrayList<>(GRANTS);
            all.addAll(DELIVERED_GRANTS);
            return all;
        }
        return GRANTS;
    }

    /** One grant header's grantees in the family's syntax. */
    static List<Grant> parseGrants(HeaderFamily family, String name, String value, Permission permission,
                                   boolean delivered) {
        List<Grant> grants = new ArrayList<>(2);
        for (GrantHeaderParser.Item item : GrantHeaderParser.items(name, value)) {
            Grant grant = switch (family) {
                case AMZ -> switch (item.type()) {
                    case "id" -> Grant.user(item.value(), permission);
                    case "uri" -> Grant.group(group(name, value, item.value()), permission);
                    case "emailaddress" -> new Grant(permission, Grant.GranteeType.EMAIL, item.value());
                    default -> throw GrantHeaderParser.malformed(name, value);
                };
                case OBS, WOS -> {
                    if (!item.type().equals("id")) {
                        throw GrantHeaderParser.malformed(name, value);
                    }
                    yield Grant.user(item.value(), permission);
                }
                case COS -> switch (item.type()) {
                    case "id", "uin" -> {
                        if (Grantees.isCamAnyone(item.value())) {
                            yield Grant.group(Grant.ALL_USERS, permission);
                        }
                        String id = Grantees.userId(item.value());
                        if (id == null) {
                            throw GrantHeaderParser.malformed(name, value);
                        }
                        yield Grant.user(id, permission);
                    }
                    case "uri" -> Grant.group(group(name, value, item.value()), permission);
                    default -> throw GrantHeaderParser.malformed(name, value);
                };
            };
            grants.add(grant.withDelivered(delivered));
        }
        return grants;
    }

    private static String group(String name, String value, String uri) {
        String group = Grantees.group(uri);
        if (group == null) {
            throw S3Exception.invalidArgument("Invalid group uri", name, value);
        }
        return group;
    }
}
