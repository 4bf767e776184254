package dev.rosetta.server.handler.multipart;

import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.storage.MultipartUpload;
import java.util.Locale;

/**
 * The multipart checksum type: {@code COMPOSITE} (the checksum of the parts' checksums, shown with
 * {@code -N}) or {@code FULL_OBJECT} (the checksum of the whole object, combined from the parts' CRCs).
 * Chosen at initiation with {@code x-amz-checksum-type}; without it, CRC64NVME is FULL_OBJECT (the only
 * type it supports) and the other algorithms are COMPOSITE, as in S3.
 */
final class ChecksumTypes {
    static final String COMPOSITE = "COMPOSITE";
    static final String FULL_OBJECT = "FULL_OBJECT";

    private ChecksumTypes() {
    }

    /**
     * The type an upload is initiated with.
     *
     * @param algorithm  the upload's checksum algorithm name, or null
     * @param typeHeader the {@code x-amz-checksum-type} value, or null
     * @return null when the upload has no algorithm
     * @throws S3Exception InvalidRequest for an unknown type, a type without an algorithm, or a
     *                     combination S3 does not support (FULL_OBJECT with SHA, COMPOSITE with CRC64NVME)
     */
    static String forInitiate(String algorithm, String typeHeader, String headerName) {
        ChecksumAlgorithm a = ChecksumAlgorithm.fromName(algorithm);
        if (typeHeader == null) {
            return a == null ? null : defaultFor(a);
        }
        String type = typeHeader.strip().toUpperCase(Locale.ROOT);
        if (!type.equals(COMPOSITE) && !type.equals(FULL_OBJECT)) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "Value for " + headerName + " header is invalid.");
        }
        if (a == null) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "The " + headerName + " header can only be used"
                    + " together with a checksum algorithm.");
        }
        if (type.equals(FULL_OBJECT) && !a.supportsFullObject()) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "The FULL_OBJECT checksum type cannot be used with the "
                    + a.headerSuffix() + " checksum algorithm.");
        }
        if (type.equals(COMPOSITE) && a == ChecksumAlgorithm.CRC64NVME) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "The COMPOSITE checksum type cannot be used with the "
                    + a.headerSuffix() + " checksum algorithm.");
        }
        return type;
    }

    /** The upload's type: the one stored, else the default of its algorithm; null without an algorithm. */
    static String of(MultipartUpload upload) {
        ChecksumAlgorithm a = ChecksumAlgorithm.fromName(upload.headers().checksumAlgorithm());
        if (a == null) {
            return null;
        }
        return upload.checksumType() != null ? upload.checksumType() : defaultFor(a);
    }

    private static String defaultFor(ChecksumAlgorithm a) {
        return a == ChecksumAlgorithm.CRC64NVME ? FULL_OBJECT : COMPOSITE;
    }
}
