package dev.rosetta.server.http;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.PercentCodec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Finds bucket and key (docs/dialects.md "Bucket / host resolution"). With {@code H} the Host
 * header without port, lower-cased: {@code H} equal to a configured domain is path style; {@code H}
 * ending in {@code "." + domain} is virtual-hosted with the prefix as bucket (the longest matching
 * domain wins, so endpoint suffixes may nest under a domain); any other host is path
 * style, so {@code 127.0.0.1:9000} and {@code localhost} always work.
 */
public final class HostStyleResolver {
    private final List<String> domains;

    public HostStyleResolver(List<String> domains) {
        // longest first: with s3.example.com and cos.s3.example.com both configured, b.cos.s3.example.com is bucket b
        List<String> sorted = new ArrayList<>(domains);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        this.domains = List.copyOf(sorted);
    }

    /**
     * @throws S3Exception InvalidURI when the path has a malformed percent escape
     */
    public Addressing resolve(String hostHeader, String rawPath) {
        String bucketFromHost = bucketFromHost(hostHeader);
        String path;
        try {
            path = PercentCodec.decodePath(rawPath);
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3ErrorCode.INVALID_URI).with("URI", rawPath);
        }
        if (bucketFromHost != null) {
            String key = path.length() > 1 ? path.substring(1) : null;
            return new Addressing(bucketFromHost, key, true);
        }
        // path style: /bucket[/key]
        if (path.length() <= 1) {
            return new Addressing(null, null, false);
        }
        int slash = path.indexOf('/', 1);
        if (slash < 0) {
            return new Addressing(path.substring(1), null, false);
        }
        String bucket = path.substring(1, slash);
        String key = slash + 1 < path.length() ? path.substring(slash + 1) : null;
        return new Addressing(bucket.isEmpty() ? null : bucket, key, false);
    }

    /** The bucket named by a virtual-hosted Host header, or null when the host is not one. */
    public String bucketFromHost(String hostHeader) {
        if (hostHeader == null || domains.isEmpty()) {
            return null;
        }
        String host = stripPort(hostHeader.trim()).toLowerCase(Locale.ROOT);
        for (String domain : domains) {
            if (host.equals(domain)) {
                return null; // the endpoint itself, even when it lies under a shorter domain
            }
            if (host.length() > domain.length() + 1 && host.endsWith(domain)
                    && host.charAt(host.length() - domain.length() - 1) == '.') {
                return host.substring(0, host.length() - domain.length() - 1);
            }
        }
        return null;
    }

    static String stripPort(String host) {
        if (host.startsWith("[")) {
            int close = host.indexOf(']');
            return close < 0 ? host : host.substring(0, close + 1);
        }
        int colon = host.lastIndexOf(':');
        if (colon >= 0 && host.indexOf(':') == colon) {
            return host.substring(0, colon);
        }
        return host;
    }
}
