package dev.rosetta.bench.load;

import java.net.URI;
import java.util.List;
import java.util.Locale;

/**
 * Everything a run needs, as resolved from the command line.
 *
 * @param endpoint          the S3 endpoint (null in static-URL mode)
 * @param staticUrl         GET this URL unsigned instead of an S3 operation (null otherwise)
 * @param op                initiate, put, get, stat, mixed, list, multipart (or "static")
 * @param size              object size; for multipart, the part size
 * @param bucket            the bucket to use; null for a new {@code rosetta-bench-<run id>} (removed afterwards)
 * @param prefix            key prefix of everything the run writes; null for {@code rb-<run id>/}
 * @param objects           objects prepared for get/stat/mixed (0: as many as fit in 1 GiB, 16 to 1000)
 * @param serverPids        processes whose CPU time is sampled around each level (empty: none)
 */
public record LoadSettings(
        URI endpoint,
        URI staticUrl,
        String accessKey,
        String secretKey,
        String region,
        String op,
        long size,
        List<Integer> concurrency,
        long durationNanos,
        long warmupNanos,
        String sign,
        boolean signPayload,
        String bucket,
        String prefix,
        int objects,
        int listObjects,
        int listPage,
        int parts,
        Mix mix,
        int ioThreads,
        String transport,
        long timeoutMillis,
        int prepareConcurrency,
        boolean cleanup,
        List<Long> serverPids,
        boolean insecure,
        String label) {

    public static final List<String> OPS = List.of("initiate", "put", "get", "stat", "mixed", "list", "multipart");

    public LoadSettings {
        op = staticUrl != null ? "static" : op.toLowerCase(Locale.ROOT);
        if (staticUrl == null && !OPS.contains(op)) {
            throw new IllegalArgumentException("--op must be one of " + String.join(", ", OPS) + ", not " + op);
        }
        if (staticUrl == null && endpoint == null) {
            throw new IllegalArgumentException("--endpoint is required (or --static-url)");
        }
        if (concurrency.isEmpty() || concurrency.stream().anyMatch(c -> c < 1)) {
            throw new IllegalArgumentException("--concurrency needs positive numbers");
        }
        if (size < 0) {
            throw new IllegalArgumentException("--size must not be negative");
        }
        if (parts < 1 || parts > 10000) {
            throw new IllegalArgumentException("--parts must be 1 to 10000");
        }
        if (listPage < 1 || listPage > 1000) {
            throw new IllegalArgumentException("--list-page must be 1 to 1000");
        }
        serverPids = List.copyOf(serverPids);
        concurrency = List.copyOf(concurrency);
    }

    /** The objects prepared for get/stat/mixed. */
    public int objectCount() {
        if (objects > 0) {
            return objects;
        }
        long fit = (1L << 30) / Math.max(1, size);
        return (int) Math.max(16, Math.min(1000, fit));
    }

    /** The URL the transport connects to. */
    public URI target() {
        return staticUrl != null ? staticUrl : endpoint;
    }
}
