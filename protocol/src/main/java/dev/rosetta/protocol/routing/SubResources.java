package dev.rosetta.protocol.routing;

import dev.rosetta.protocol.http.QueryString;
import java.util.Set;

/**
 * Which query parameters select a sub-resource (and so an operation), and which are ordinary
 * parameters. A parameter sent bare ({@code ?foo}) that is neither is treated as an unknown
 * sub-resource, so the request is answered NotImplemented rather than silently served as something else.
 */
public final class SubResources {

    /** Sub-resources of S3 and of the vendor dialects, whether or not Rosetta implements them. */
    private static final Set<String> SELECTORS = Set.of(
            "accelerate", "acl", "analytics", "apiversion", "append", "attributes", "backtosource", "cors",
            "customdomain", "delete", "encryption", "intelligent-tiering", "inventory", "legal-hold",
            "lifecycle", "location", "logging", "metadata", "metrics", "notification", "object-lock",
            "ownershipControls", "policy", "policyStatus", "publicAccessBlock", "quota", "rename",
            "replication", "requestPayment", "restore", "retention", "select", "storageinfo",
            "storagePolicy", "tagging", "torrent", "truncate", "uploadId", "uploads", "versioning",
            "versions", "website", "x-image-process", "x-oss-process");

    /** Parameters that modify an operation without selecting one. */
    private static final Set<String> ORDINARY = Set.of(
            "continuation-token", "delimiter", "encoding-type", "fetch-owner", "key-marker", "list-type",
            "marker", "max-keys", "max-parts", "max-uploads", "part-number-marker", "partNumber", "prefix",
            "select-type", "start-after", "upload-id-marker", "version-id-marker", "versionId", "x-id",
            "Expires", "Signature", "AWSAccessKeyId", "AccessKeyId", "Policy", "sign");

    private SubResources() {
    }

    /** True when this parameter name is a known sub-resource selector. */
    public static boolean isSelector(String name) {
        return SELECTORS.contains(name);
    }

    /**
     * Whether a parameter selects an operation: a known selector, or an unknown name sent without a
     * value. Authentication parameters and vendor header-like parameters never do.
     */
    public static boolean selects(QueryString.Param p) {
        String name = p.name();
        if (SELECTORS.contains(name)) {
            return true;
        }
        if (p.hasValue() && !p.valueOrEmpty().isEmpty()) {
            return false;
        }
        if (ORDINARY.contains(name) || isAuthOrHeaderLike(name)) {
            return false;
        }
        return !name.startsWith("response-");
    }

    private static boolean isAuthOrHeaderLike(String name) {
        int n = name.length();
        if (n < 2) {
            return false;
        }
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        return lower.startsWith("x-amz-") || lower.startsWith("x-obs-") || lower.startsWith("x-cos-")
                || lower.startsWith("x-wos-") || lower.startsWith("q-");
    }
}
