package dev.rosetta.bench.sign;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;

/**
 * The HMAC-SHA1 header signatures: AWS Signature Version 2 ({@code AWS AK:sig}, dialects.md §1.1) and
 * Huawei OBS's native form ({@code OBS AK:sig}, §3.2), which differs in the header prefix
 * ({@code x-obs-}), its date header, and its sub-resource list. Path-style only: the canonical resource is
 * the raw path as sent.
 */
public final class V2Signer implements Signer {
    private static final Set<String> AWS_SUBRESOURCES = Set.of(
            "acl", "lifecycle", "location", "logging", "notification", "partNumber", "policy", "requestPayment",
            "torrent", "uploadId", "uploads", "versionId", "versioning", "versions", "website", "delete",
            "response-content-type", "response-content-language", "response-expires", "response-cache-control",
            "response-content-disposition", "response-content-encoding", "cors", "tagging", "restore",
            "replication", "accelerate", "inventory", "analytics", "metrics", "select", "select-type",
            "object-lock", "storageClass", "defaultObjectAcl", "encryption", "legal-hold", "retention");

    /** OBS's list, compared lower-cased (§3.2). */
    private static final Set<String> OBS_SUBRESOURCES = Set.of(
            "acl", "append", "attname", "backtosource", "bucketstatus", "cors", "customdomain", "delete",
            "deletebucket", "directcoldaccess", "dispolicy", "encryption", "fileinterface", "getcontentsummary",
            "ignore-sign-in-query", "inventory", "length", "lifecycle", "listcontentsummary", "location", "logging",
            "metadata", "mirrorbacktosource", "mirrorrefresh", "modify", "multilistcontentsummary", "name",
            "notification", "obsalias", "obsbucketalias", "obscompresspolicy", "object-lock", "partnumber", "policy",
            "policystatus", "position", "publicaccessblock", "quota", "readahead", "rename", "replication",
            "replication_progress", "requestpayment", "response-cache-control", "response-content-disposition",
            "response-content-encoding", "response-content-language", "response-content-type", "response-expires",
            "restore", "retention", "select", "select-type", "storageclass", "storageinfo", "storagepolicy",
            "symlink", "tagging", "torrent", "truncate", "uploadid", "uploads", "versionid", "versioning", "versions",
            "website", "x-image-process", "x-image-save-bucket", "x-image-save-object", "x-oss-process",
            "cdnnotifyconfiguration");

    /** What differs between AWS V2 and OBS. */
    public enum Flavour {
        AWS("v2", "AWS", "x-amz-", "x-amz-date"),
        OBS("obs", "OBS", "x-obs-", "x-obs-date");

        final String scheme;
        final String word;
        final String headerPrefix;
        final String dateHeader;

        Flavour(String scheme, String word, String headerPrefix, String dateHeader) {
            this.scheme = scheme;
            this.word = word;
            this.headerPrefix = headerPrefix;
            this.dateHeader = dateHeader;
        }
    }

    private final Flavour flavour;
    private final String accessKey;
    private final ThreadLocal<Mac> mac;

    public V2Signer(Flavour flavour, String accessKey, String secretKey) {
        this.flavour = Objects.requireNonNull(flavour, "flavour");
        this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
        byte[] key = secretKey.getBytes(StandardCharsets.UTF_8);
        this.mac = ThreadLocal.withInitial(() -> Crypto.mac("HmacSHA1", key));
    }

    @Override
    public String name() {
        return flavour.scheme;
    }

    @Override
    public void sign(SignableRequest request, long epochMillis) {
        if (request.header(flavour.dateHeader) == null && request.header("Date") == null) {
            request.header("Date", HttpTimes.rfc1123(epochMillis));
        }
        String signature = Base64.getEncoder().encodeToString(
                mac.get().doFinal(stringToSign(request).getBytes(StandardCharsets.UTF_8)));
        request.header("Authorization", flavour.word + " " + accessKey + ":" + signature);
    }

    /** The StringToSign of §1.1 / §3.2. */
    public String stringToSign(SignableRequest request) {
        StringBuilder sb = new StringBuilder(128);
        sb.append(request.method()).append('\n');
        sb.append(trimmed(request.header("Content-MD5"))).append('\n');
        sb.append(trimmed(request.header("Content-Type"))).append('\n');
        sb.append(request.header(flavour.dateHeader) != null ? "" : trimmed(request.header("Date"))).append('\n');
        appendCanonicalHeaders(request, sb);
        sb.append(request.rawPath());
        appendSubResources(request, sb);
        return sb.toString();
    }

    private void appendCanonicalHeaders(SignableRequest request, StringBuilder sb) {
        List<String[]> headers = new ArrayList<>(4);
        for (SignableRequest.Header h : request.headers()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (name.startsWith(flavour.headerPrefix)) {
                headers.add(new String[] {name, h.value().replaceAll("\\s*\\r?\\n\\s*", " ").strip()});
            }
        }
        headers.sort((a, b) -> a[0].compareTo(b[0]));
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.get(i)[0];
            sb.append(name).append(':').append(headers.get(i)[1]);
            while (i + 1 < headers.size() && headers.get(i + 1)[0].equals(name)) {
                sb.append(',').append(headers.get(++i)[1]);
            }
            sb.append('\n');
        }
    }

    private void appendSubResources(SignableRequest request, StringBuilder sb) {
        List<SignableRequest.Param> selected = new ArrayList<>(2);
        for (SignableRequest.Param p : request.query()) {
            if (isSubResource(p.name())) {
                selected.add(p);
            }
        }
        if (selected.isEmpty()) {
            return;
        }
        selected.sort((a, b) -> a.name().compareTo(b.name()));
        char sep = '?';
        for (SignableRequest.Param p : selected) {
            sb.append(sep).append(p.name());
            sep = '&';
            // OBS signs an empty value as the bare name (§3.2); AWS keeps "name=" as sent
            boolean bare = p.value() == null || (flavour == Flavour.OBS && p.value().isEmpty());
            if (!bare) {
                sb.append('=').append(p.value());
            }
        }
    }

    private boolean isSubResource(String name) {
        if (flavour == Flavour.AWS) {
            return AWS_SUBRESOURCES.contains(name);
        }
        String lower = name.toLowerCase(Locale.ROOT);
        return OBS_SUBRESOURCES.contains(lower) || lower.startsWith("x-obs-");
    }

    private static String trimmed(String value) {
        return value == null ? "" : value.strip();
    }
}
