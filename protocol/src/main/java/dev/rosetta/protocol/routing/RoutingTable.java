package dev.rosetta.protocol.routing;

import dev.rosetta.protocol.Operation;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.QueryString;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The one table that maps (method, target, sub-resource, condition) to an {@link Operation}.
 * A request selects at most one sub-resource; with none it selects the target's plain operation.
 * A request whose sub-resource is unknown, or known but without a rule, is NotImplemented; a known
 * sub-resource reached with a method it has no rule for is MethodNotAllowed.
 */
public final class RoutingTable {

    private record Rule(String method, Target target, String subResource, Predicate<RouteInput> when, Operation op) {
    }

    private record Key(Target target, String subResource) {
    }

    private static final String NONE = "";
    private static final RoutingTable S3 = buildS3();

    private final Map<Key, List<Rule>> rules = new HashMap<>();

    private RoutingTable() {
    }

    /** The routing table of the S3 API as Rosetta serves it. */
    public static RoutingTable s3() {
        return S3;
    }

    private static RoutingTable buildS3() {
        RoutingTable t = new RoutingTable();
        Predicate<RouteInput> always = in -> true;
        Predicate<RouteInput> copy = RouteInput::hasCopySource;
        Predicate<RouteInput> listV2 = in -> "2".equals(in.query().get("list-type"));
        Predicate<RouteInput> withPartNumber = in -> in.query().has("partNumber");

        // service
        t.add("GET", Target.SERVICE, NONE, always, Operation.LIST_BUCKETS);
        t.add("HEAD", Target.SERVICE, "apiversion", always, Operation.OBS_API_VERSION);
        t.add("HEAD", Target.BUCKET, "apiversion", always, Operation.OBS_API_VERSION);

        // bucket
        t.add("PUT", Target.BUCKET, NONE, always, Operation.CREATE_BUCKET);
        t.add("HEAD", Target.BUCKET, NONE, always, Operation.HEAD_BUCKET);
        t.add("DELETE", Target.BUCKET, NONE, always, Operation.DELETE_BUCKET);
        t.add("GET", Target.BUCKET, NONE, listV2, Operation.LIST_OBJECTS_V2);
        t.add("GET", Target.BUCKET, NONE, always, Operation.LIST_OBJECTS);
        t.add("POST", Target.BUCKET, NONE, always, Operation.POST_OBJECT);
        t.add("GET", Target.BUCKET, "versions", always, Operation.LIST_OBJECT_VERSIONS);
        t.add("GET", Target.BUCKET, "location", always, Operation.GET_BUCKET_LOCATION);
        t.add("GET", Target.BUCKET, "uploads", always, Operation.LIST_MULTIPART_UPLOADS);
        t.add("POST", Target.BUCKET, "delete", always, Operation.DELETE_OBJECTS);
        t.add("GET", Target.BUCKET, "acl", always, Operation.GET_BUCKET_ACL);
        t.add("PUT", Target.BUCKET, "acl", always, Operation.PUT_BUCKET_ACL);
        t.add("GET", Target.BUCKET, "versioning", always, Operation.GET_BUCKET_VERSIONING);
        t.add("PUT", Target.BUCKET, "versioning", always, Operation.PUT_BUCKET_VERSIONING);
        t.add("GET", Target.BUCKET, "tagging", always, Operation.GET_BUCKET_TAGGING);
        t.add("PUT", Target.BUCKET, "tagging", always, Operation.PUT_BUCKET_TAGGING);
        t.add("DELETE", Target.BUCKET, "tagging", always, Operation.DELETE_BUCKET_TAGGING);
        t.add("GET", Target.BUCKET, "lifecycle", always, Operation.GET_BUCKET_LIFECYCLE);
        t.add("PUT", Target.BUCKET, "lifecycle", always, Operation.PUT_BUCKET_LIFECYCLE);
        t.add("DELETE", Target.BUCKET, "lifecycle", always, Operation.DELETE_BUCKET_LIFECYCLE);
        t.add("GET", Target.BUCKET, "object-lock", always, Operation.GET_OBJECT_LOCK_CONFIGURATION);
        t.add("PUT", Target.BUCKET, "object-lock", always, Operation.PUT_OBJECT_LOCK_CONFIGURATION);
        t.add("GET", Target.BUCKET, "policy", always, Operation.GET_BUCKET_POLICY);
        t.add("PUT", Target.BUCKET, "policy", always, Operation.PUT_BUCKET_POLICY);
        t.add("DELETE", Target.BUCKET, "policy", always, Operation.DELETE_BUCKET_POLICY);
        t.add("GET", Target.BUCKET, "cors", always, Operation.GET_BUCKET_CORS);
        t.add("PUT", Target.BUCKET, "cors", always, Operation.PUT_BUCKET_CORS);
        t.add("DELETE", Target.BUCKET, "cors", always, Operation.DELETE_BUCKET_CORS);
        t.add("GET", Target.BUCKET, "encryption", always, Operation.GET_BUCKET_ENCRYPTION);
        t.add("PUT", Target.BUCKET, "encryption", always, Operation.PUT_BUCKET_ENCRYPTION);
        t.add("DELETE", Target.BUCKET, "encryption", always, Operation.DELETE_BUCKET_ENCRYPTION);

        // object
        t.add("PUT", Target.OBJECT, NONE, copy, Operation.COPY_OBJECT);
        t.add("PUT", Target.OBJECT, NONE, always, Operation.PUT_OBJECT);
        t.add("GET", Target.OBJECT, NONE, always, Operation.GET_OBJECT);
        t.add("HEAD", Target.OBJECT, NONE, always, Operation.HEAD_OBJECT);
        t.add("DELETE", Target.OBJECT, NONE, always, Operation.DELETE_OBJECT);
        t.add("POST", Target.OBJECT, "uploads", always, Operation.INITIATE_MULTIPART_UPLOAD);
        t.add("PUT", Target.OBJECT, "uploadId", withPartNumber.and(copy), Operation.UPLOAD_PART_COPY);
        t.add("PUT", Target.OBJECT, "uploadId", withPartNumber, Operation.UPLOAD_PART);
        t.add("POST", Target.OBJECT, "uploadId", always, Operation.COMPLETE_MULTIPART_UPLOAD);
        t.add("DELETE", Target.OBJECT, "uploadId", always, Operation.ABORT_MULTIPART_UPLOAD);
        t.add("GET", Target.OBJECT, "uploadId", always, Operation.LIST_PARTS);
        t.add("GET", Target.OBJECT, "acl", always, Operation.GET_OBJECT_ACL);
        t.add("PUT", Target.OBJECT, "acl", always, Operation.PUT_OBJECT_ACL);
        t.add("GET", Target.OBJECT, "tagging", always, Operation.GET_OBJECT_TAGGING);
        t.add("PUT", Target.OBJECT, "tagging", always, Operation.PUT_OBJECT_TAGGING);
        t.add("DELETE", Target.OBJECT, "tagging", always, Operation.DELETE_OBJECT_TAGGING);
        t.add("GET", Target.OBJECT, "retention", always, Operation.GET_OBJECT_RETENTION);
        t.add("PUT", Target.OBJECT, "retention", always, Operation.PUT_OBJECT_RETENTION);
        t.add("GET", Target.OBJECT, "legal-hold", always, Operation.GET_OBJECT_LEGAL_HOLD);
        t.add("PUT", Target.OBJECT, "legal-hold", always, Operation.PUT_OBJECT_LEGAL_HOLD);
        t.add("GET", Target.OBJECT, "attributes", always, Operation.GET_OBJECT_ATTRIBUTES);
        t.add("POST", Target.OBJECT, "restore", always, Operation.RESTORE_OBJECT);
        t.add("POST", Target.OBJECT, "select", always, Operation.SELECT_OBJECT_CONTENT);
        return t;
    }

    private void add(String method, Target target, String subResource, Predicate<RouteInput> when, Operation op) {
        rules.computeIfAbsent(new Key(target, subResource), k -> new ArrayList<>())
                .add(new Rule(method, target, subResource, when, op));
    }

    /**
     * Resolves a request to its operation.
     *
     * @throws S3Exception NotImplemented for unknown or unserved sub-resources and methods,
     *                     MethodNotAllowed for a known resource reached with the wrong method,
     *                     InvalidRequest when two sub-resources are selected at once
     */
    public Operation resolve(RouteInput in) {
        String selected = NONE;
        for (QueryString.Param p : in.query().params()) {
            if (SubResources.selects(p) && !p.name().equals(selected)) {
                if (!selected.isEmpty()) {
                    throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                            "Conflicting sub-resources in the query: " + selected + " and " + p.name());
                }
                selected = p.name();
            }
        }
        List<Rule> candidates = rules.get(new Key(in.target(), selected));
        if (candidates == null) {
            throw notImplemented(selected);
        }
        boolean methodKnown = false;
        for (Rule r : candidates) {
            if (r.method().equals(in.method())) {
                methodKnown = true;
                if (r.when().test(in)) {
                    return r.op();
                }
            }
        }
        if (methodKnown) {
            // e.g. PUT ?uploadId without partNumber
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "The request is missing a required parameter.");
        }
        if (isStandardMethod(in.method())) {
            throw new S3Exception(S3ErrorCode.METHOD_NOT_ALLOWED)
                    .with("Method", in.method())
                    .with("ResourceType", resourceType(in.target(), selected));
        }
        throw new S3Exception(S3ErrorCode.NOT_IMPLEMENTED).with("Method", in.method());
    }

    private static boolean isStandardMethod(String method) {
        switch (method) {
            case "GET", "PUT", "POST", "DELETE", "HEAD":
                return true;
            default:
                return false;
        }
    }

    private static String resourceType(Target target, String subResource) {
        if (!subResource.isEmpty()) {
            return subResource.toUpperCase(java.util.Locale.ROOT);
        }
        return target == Target.OBJECT ? "OBJECT" : target == Target.BUCKET ? "BUCKET" : "SERVICE";
    }

    private static S3Exception notImplemented(String subResource) {
        if (subResource.isEmpty()) {
            return new S3Exception(S3ErrorCode.NOT_IMPLEMENTED);
        }
        return new S3Exception(S3ErrorCode.NOT_IMPLEMENTED,
                "The sub-resource '" + subResource + "' is not implemented for this resource.")
                .with("SubResource", subResource);
    }
}
