package dev.rosetta.auth.v2;

import java.util.Set;

/**
 * Which query parameters V2's CanonicalizedResource includes (dialects.md §1.1): names compared
 * case-sensitively. Verifiers try {@link #UNION} first and {@link #AWS_SDK_V1} on mismatch.
 */
public enum V2SubResources {
    /** Every name any of AWS's doc, AWS SDK v1, botocore or MinIO signs. */
    UNION(Names.union()),
    /** The names AWS SDK for Java v1 signs. */
    AWS_SDK_V1(Names.sdkV1());

    private final Set<String> names;

    V2SubResources(Set<String> names) {
        this.names = names;
    }

    public boolean contains(String name) {
        return names.contains(name);
    }

    public Set<String> names() {
        return names;
    }

    private static final class Names {
        private static final String[] COMMON = {
            "acl", "lifecycle", "location", "logging", "notification", "partNumber", "policy", "requestPayment",
            "torrent", "uploadId", "uploads", "versionId", "versioning", "versions", "website", "delete",
            "response-content-type", "response-content-language", "response-expires", "response-cache-control",
            "response-content-disposition", "response-content-encoding",
        };
        private static final String[] SDK_V1_EXTRA = {
            "cors", "tagging", "restore", "replication", "accelerate", "inventory", "analytics", "metrics",
        };
        private static final String[] OTHERS = {
            "select", "select-type", "object-lock", "storageClass", "defaultObjectAcl", "encryption",
            "legal-hold", "retention",
        };

        static Set<String> sdkV1() {
            return Set.of(concat(COMMON, SDK_V1_EXTRA));
        }

        static Set<String> union() {
            return Set.of(concat(concat(COMMON, SDK_V1_EXTRA), OTHERS));
        }

        private static String[] concat(String[] a, String[] b) {
            String[] out = new String[a.length + b.length];
            System.arraycopy(a, 0, out, 0, a.length);
            System.arraycopy(b, 0, out, a.length, b.length);
            return out;
        }
    }
}
