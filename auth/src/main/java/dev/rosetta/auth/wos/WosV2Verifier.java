package dev.rosetta.auth.wos;

import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.CredentialStore;
import dev.rosetta.auth.RequestVerifier;
import dev.rosetta.auth.obs.ObsFlavour;
import dev.rosetta.auth.obs.ObsHeaderVerifier;
import dev.rosetta.auth.obs.SubResourceRule;
import dev.rosetta.protocol.http.RequestHead;
import java.time.Clock;
import java.util.Set;

/**
 * {@code Authorization: WOS AK:signature} (dialects.md §5.3). ASSUMPTION — WOS publishes no algorithm for it:
 * the OBS native algorithm (§3.2; the WOS SDK is a renamed OBS SDK) with the scheme word {@code WOS},
 * {@code x-wos-*} canonical headers, {@code x-wos-date} emptying the Date position, and the WOS SDK's
 * sub-resource list plus every {@code x-wos-*} parameter; on mismatch, the plain AWS V2 string (x-amz-*
 * headers, AWS sub-resources) under the {@code WOS} word. Request time: {@code x-wos-date}, else
 * {@code x-amz-date}, else {@code Date}.
 */
public final class WosV2Verifier implements RequestVerifier {
    /** The WOS SDK's {@code ALLOWED_RESOURCE_PARAMTER_NAMES}, lower case. */
    public static final Set<String> SUB_RESOURCES = Set.of(
            "acl", "backtosource", "policy", "torrent", "logging", "location", "storageinfo", "quota",
            "storagepolicy", "storageclass", "requestpayment", "versions", "versioning", "versionid", "uploads",
            "uploadid", "partnumber", "website", "notification", "lifecycle", "deletebucket", "delete", "cors",
            "restore", "tagging", "replication", "metadata", "encryption", "directcoldaccess", "mirrorrefresh",
            "mirrorbacktosource", "append", "position", "truncate", "modify", "rename", "length", "name",
            "fileinterface", "readahead", "response-content-type", "response-content-language", "response-expires",
            "response-cache-control", "response-content-disposition", "response-content-encoding",
            "x-image-save-bucket", "x-image-save-object", "x-image-process", "x-wos-sse-kms-key-project-id",
            "x-oss-process", "ignore-sign-in-query", "listcontentsummary");

    /** The WOS V2-style flavour. */
    public static final ObsFlavour FLAVOUR = new ObsFlavour("WOS", "x-wos-", "x-wos-date",
            new SubResourceRule(SUB_RESOURCES, "x-wos-"), WosV4Verifier.NO_SIGNATURE);

    private final ObsHeaderVerifier delegate;

    public WosV2Verifier(CredentialStore store, Clock clock) {
        this.delegate = new ObsHeaderVerifier(store, clock, FLAVOUR, AuthScheme.WOS_V2, true);
    }

    @Override
    public Authentication verify(RequestHead request, String virtualHostBucket, String expectedRegion) {
        return delegate.verify(request, virtualHostBucket, expectedRegion);
    }
}
