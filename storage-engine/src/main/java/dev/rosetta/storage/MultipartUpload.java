package dev.rosetta.storage;

import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.Owner;
import java.time.Instant;
import java.util.Objects;

/**
 * A multipart upload in progress, as stored in the {@code uploads} column family: everything
 * InitiateMultipartUpload was told, kept until Complete turns it into the object's metadata or Abort
 * drops it.
 *
 * @param uploadId  see {@link UploadIdGenerator}
 * @param initiated initiation time, millisecond precision (the same instant the upload id encodes)
 * @param owner     the account that will own the object (the bucket owner's view)
 * @param initiator the account that initiated the upload
 * @param dialect   name of the wire style the upload was initiated in
 * @param headers   every pending header of the future object; never null
 * @param checksumType the multipart checksum type chosen at initiation ({@code COMPOSITE} or
 *                     {@code FULL_OBJECT}), or null when the upload has no checksum algorithm
 */
public record MultipartUpload(String bucket, String key, String uploadId, Instant initiated, Owner owner,
                              Owner initiator, String dialect, ObjectHeaders headers, String checksumType) {
    public MultipartUpload {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(uploadId, "uploadId");
        Objects.requireNonNull(initiated, "initiated");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(initiator, "initiator");
        Objects.requireNonNull(dialect, "dialect");
        if (headers == null) {
            headers = ObjectHeaders.defaults();
        }
    }

    /** An upload without a checksum type. */
    public MultipartUpload(String bucket, String key, String uploadId, Instant initiated, Owner owner,
                           Owner initiator, String dialect, ObjectHeaders headers) {
        this(bucket, key, uploadId, initiated, owner, initiator, dialect, headers, null);
    }
}
