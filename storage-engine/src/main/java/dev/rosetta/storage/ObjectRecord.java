package dev.rosetta.storage;

import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.Owner;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;

/**
 * An object as stored in the {@code objects} column family. New attributes (versions, retention
 * state, ...) become new components and new record tags; records written before decode with defaults.
 *
 * @param size              length in bytes; equals {@code body.size()}
 * @param etag              hex MD5, or {@code <hex>-<N>} for a multipart object; no quotes
 * @param lastModified      truncated to milliseconds
 * @param owner             the owning account
 * @param dialect           wire style the object was written in
 * @param headers           content headers, user metadata, storage class, ACL, tags, SSE, lock; never null
 * @param checksums         algorithm name (e.g. {@code CRC32}) to base64 value; may be empty
 * @param checksumType      null, {@code COMPOSITE} or {@code FULL_OBJECT}
 * @param body              where the bytes are
 * @param completedUploadId the multipart upload this object was completed from, else null; lets a
 *                          retried Complete succeed
 */
public record ObjectRecord(String bucket, String key, long size, String etag, Instant lastModified, Owner owner,
                           String dialect, ObjectHeaders headers, Map<String, String> checksums,
                           String checksumType, ObjectBody body, String completedUploadId) {
    public ObjectRecord {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(etag, "etag");
        Objects.requireNonNull(lastModified, "lastModified");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(body, "body");
        lastModified = lastModified.truncatedTo(ChronoUnit.MILLIS);
        if (headers == null) {
            headers = ObjectHeaders.defaults();
        }
        checksums = ObjectChecksums.copyOf(checksums);
        if (size != body.size()) {
            throw new IllegalArgumentException("object size " + size + " differs from its body's " + body.size());
        }
    }

    /** Whether it was completed from a multipart upload. */
    public boolean isMultipart() {
        return body instanceof ObjectBody.Manifest;
    }

    /** This record with another body (and the size that goes with it). */
    public ObjectRecord withBody(ObjectBody newBody) {
        return new ObjectRecord(bucket, key, newBody.size(), etag, lastModified, owner, dialect, headers, checksums,
                checksumType, newBody, completedUploadId);
    }
}
