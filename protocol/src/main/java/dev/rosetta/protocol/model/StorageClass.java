package dev.rosetta.protocol.model;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;

/**
 * The one internal storage-class enum. Dialects map their own names onto it (OBS WARM is
 * STANDARD_IA, COS ARCHIVE is GLACIER, ...); the names here are S3's.
 */
public enum StorageClass {
    STANDARD,
    REDUCED_REDUNDANCY,
    STANDARD_IA,
    ONEZONE_IA,
    INTELLIGENT_TIERING,
    GLACIER,
    GLACIER_IR,
    DEEP_ARCHIVE,
    OUTPOSTS,
    SNOW,
    EXPRESS_ONEZONE,
    MAZ_STANDARD,
    MAZ_STANDARD_IA,
    MAZ_INTELLIGENT_TIERING;

    /**
     * Parses an {@code x-amz-storage-class} value (exact, upper case, as S3 requires).
     *
     * @throws S3Exception InvalidStorageClass for anything else
     */
    public static StorageClass fromAws(String value) {
        if (value != null) {
            switch (value) {
                case "STANDARD": return STANDARD;
                case "REDUCED_REDUNDANCY": return REDUCED_REDUNDANCY;
                case "STANDARD_IA": return STANDARD_IA;
                case "ONEZONE_IA": return ONEZONE_IA;
                case "INTELLIGENT_TIERING": return INTELLIGENT_TIERING;
                case "GLACIER": return GLACIER;
                case "GLACIER_IR": return GLACIER_IR;
                case "DEEP_ARCHIVE": return DEEP_ARCHIVE;
                case "OUTPOSTS": return OUTPOSTS;
                case "SNOW": return SNOW;
                case "EXPRESS_ONEZONE": return EXPRESS_ONEZONE;
                default: break;
            }
        }
        throw new S3Exception(S3ErrorCode.INVALID_STORAGE_CLASS).with("StorageClassRequested", value);
    }
}
