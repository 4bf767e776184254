package dev.rosetta.server.handler.object;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.Preconditions;
import dev.rosetta.protocol.http.RequestHead;
import dev.rosetta.storage.WriteGuard;

/**
 * Conditional writes (PutObject, CompleteMultipartUpload): {@code If-None-Match: *} refuses to
 * overwrite an existing key and {@code If-Match} requires the current ETag; both fail with 412,
 * and {@code If-Match} on a missing key is 404 NoSuchKey, as S3 answers. Checked atomically with the
 * write, under the key's lock.
 */
public final class WriteGuards {
    private WriteGuards() {
    }

    public static WriteGuard of(RequestHead head, String key) {
        String ifNoneMatch = head.header("if-none-match");
        String ifMatch = head.header("if-match");
        if (ifNoneMatch != null && !ifNoneMatch.trim().equals("*")) {
            throw new S3Exception(S3ErrorCode.NOT_IMPLEMENTED,
                    "If-None-Match on writes only supports '*'.").with("Header", "If-None-Match");
        }
        if (ifNoneMatch == null && ifMatch == null) {
            return WriteGuard.NONE;
        }
        return existing -> {
            if (ifNoneMatch != null && existing != null) {
                throw Preconditions.failed("If-None-Match");
            }
            if (ifMatch != null) {
                if (existing == null) {
                    throw new S3Exception(S3ErrorCode.NO_SUCH_KEY).with("Key", key);
                }
                if (!Preconditions.matches(ifMatch, existing.etag())) {
                    throw Preconditions.failed("If-Match");
                }
            }
        };
    }
}
