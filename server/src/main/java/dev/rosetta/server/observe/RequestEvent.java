package dev.rosetta.server.observe;

/**
 * What is known of a request once its response was written (or its connection lost): the facts an
 * access-log line and the request metrics are made of. Never holds a secret: the principal is the
 * access key, never a signature or a key's secret.
 *
 * @param operation  the S3 operation name, or {@code -} when the request was refused before routing
 * @param principal  the signing access key, or {@code -} for anonymous and unparsed requests
 * @param errorCode  the S3 error code answered, or null for a success
 * @param durationNanos from the head's arrival to the last byte written
 */
public record RequestEvent(
        String requestId,
        long startEpochMillis,
        String remoteAddress,
        String principal,
        String dialect,
        String operation,
        String method,
        String bucket,
        String key,
        int status,
        String errorCode,
        long bytesIn,
        long bytesOut,
        long durationNanos) {
}
