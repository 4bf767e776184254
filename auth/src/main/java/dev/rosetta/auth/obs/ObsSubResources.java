package dev.rosetta.auth.obs;

import java.util.Set;

/**
 * The OBS sub-resource list (dialects.md §3.2): the union of esdk-obs-java 3.26.6's
 * {@code ALLOWED_RESOURCE_PARAMTER_NAMES} and the OBS API reference's list, lower case.
 */
public final class ObsSubResources {
    /** Lower-case names, compared against lower-cased parameter names. */
    public static final Set<String> NAMES = Set.of(
            "acl", "append", "attname", "backtosource", "bucketstatus", "cors", "customdomain", "delete",
            "deletebucket", "directcoldaccess", "dispolicy", "encryption", "fileinterface", "getcontentsummary",
            "ignore-sign-in-query", "inventory", "length", "lifecycle", "listcontentsummary", "location", "logging",
            "metadata", "mirrorbacktosource", "mirrorrefresh", "modify", "multilistcontentsummary", "name",
            "notification", "obsalias", "obsbucketalias", "obscompresspolicy", "object-lock", "partnumber", "policy",
            "policystatus", "position", "publicaccessblock", "quota", "readahead", "rename", "replication",
            "replication_progress", "requestpayment", "response-cache-control", "response-content-disposition",
            "response-content-encoding", "response-content-language", "response-content-type", "response-expires",
            "restore", "retention", "select", "select-type", "storageclass", "storageinfo", "storagepolicy",
            "symlink", "tagging", "torrent", "truncate", "uploadid", "uploads", "versionid", "versioning",
            "versions", "website", "x-image-process", "x-image-save-bucket", "x-image-save-object", "x-oss-process",
            "cdnnotifyconfiguration");

    /** OBS native: the list plus every {@code x-obs-*} parameter. */
    public static final SubResourceRule OBS = new SubResourceRule(NAMES, "x-obs-");

    /** OBS SDK in AWS V2 mode (§3.3): the OBS list plus every {@code x-amz-*} parameter. */
    public static final SubResourceRule OBS_AWS_V2 = new SubResourceRule(NAMES, "x-amz-");

    private ObsSubResources() {
    }
}
