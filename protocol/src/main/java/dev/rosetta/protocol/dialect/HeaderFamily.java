package dev.rosetta.protocol.dialect;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.StorageClass;
import java.util.Locale;

/**
 * The vendor header family a client speaks: its prefix ({@code x-amz-}, {@code x-obs-},
 * {@code x-cos-}, {@code x-wos-}) and its names for storage classes. Chosen by the signing scheme:
 * an AWS-family signature means {@code x-amz-} headers whichever vendor's endpoint it reached.
 */
public enum HeaderFamily {
    AMZ("x-amz-"),
    OBS("x-obs-"),
    COS("x-cos-"),
    WOS("x-wos-");

    private final String prefix;
    /** {@code suffix -> prefix + suffix}: header names are looked up many times per request. */
    private final java.util.concurrent.ConcurrentHashMap<String, String> names =
            new java.util.concurrent.ConcurrentHashMap<>();

    HeaderFamily(String prefix) {
        this.prefix = prefix;
    }

    public String prefix() {
        return prefix;
    }

    /** A vendor header's full name: {@code header("storage-class")} is {@code x-obs-storage-class} for OBS. */
    public String header(String suffix) {
        String name = names.get(suffix);
        if (name == null) {
            name = prefix + suffix;
            if (names.size() < 1024) { // the suffixes are constants of the code; bound it anyway
                names.putIfAbsent(suffix, name);
            }
        }
        return name;
    }

    /**
     * Parses a storage-class header value in this family's names.
     *
     * @throws S3Exception InvalidStorageClass for a name the family does not have
     */
    public StorageClass parseStorageClass(String value) {
        String v = value.trim();
        switch (this) {
            case OBS:
                switch (v) {
                    case "STANDARD": return StorageClass.STANDARD;
                    case "WARM": return StorageClass.STANDARD_IA;
                    case "COLD": return StorageClass.GLACIER;
                    case "DEEP_ARCHIVE": return StorageClass.DEEP_ARCHIVE;
                    case "INTELLIGENT_TIERING": return StorageClass.INTELLIGENT_TIERING;
                    default: throw invalid(v);
                }
            case COS:
                // case-insensitive: the COS Java SDK sends its enum's spelling (Standard_IA, Archive, ...)
                switch (v.toUpperCase(Locale.ROOT)) {
                    case "STANDARD": return StorageClass.STANDARD;
                    case "STANDARD_IA": return StorageClass.STANDARD_IA;
                    case "ARCHIVE": return StorageClass.GLACIER;
                    case "DEEP_ARCHIVE": return StorageClass.DEEP_ARCHIVE;
                    case "INTELLIGENT_TIERING": return StorageClass.INTELLIGENT_TIERING;
                    case "MAZ_STANDARD": return StorageClass.MAZ_STANDARD;
                    case "MAZ_STANDARD_IA": return StorageClass.MAZ_STANDARD_IA;
                    case "MAZ_INTELLIGENT_TIERING": return StorageClass.MAZ_INTELLIGENT_TIERING;
                    default: throw invalid(v);
                }
            case WOS:
                switch (v.toUpperCase(Locale.ROOT)) {
                    case "STANDARD": return StorageClass.STANDARD;
                    case "IA", "STANDARD_IA": return StorageClass.STANDARD_IA;
                    case "ARCHIVE", "GLACIER": return StorageClass.GLACIER;
                    default: throw invalid(v);
                }
            default:
                return StorageClass.fromAws(v);
        }
    }

    /** This family's name for a storage class, as HEAD, GET and the listings answer it. */
    public String storageClassName(StorageClass storageClass) {
        switch (this) {
            case OBS:
                switch (storageClass) {
                    case STANDARD_IA, ONEZONE_IA, MAZ_STANDARD_IA: return "WARM";
                    case GLACIER, GLACIER_IR: return "COLD";
                    case DEEP_ARCHIVE: return "DEEP_ARCHIVE";
                    case INTELLIGENT_TIERING, MAZ_INTELLIGENT_TIERING: return "INTELLIGENT_TIERING";
                    default: return "STANDARD";
                }
            case COS:
                switch (storageClass) {
                    case GLACIER, GLACIER_IR: return "ARCHIVE";
                    case ONEZONE_IA: return "STANDARD_IA";
                    case REDUCED_REDUNDANCY, OUTPOSTS, SNOW, EXPRESS_ONEZONE: return "STANDARD";
                    default: return storageClass.name();
                }
            case WOS:
                switch (storageClass) {
                    case STANDARD_IA, ONEZONE_IA, MAZ_STANDARD_IA, INTELLIGENT_TIERING, MAZ_INTELLIGENT_TIERING:
                        return "IA";
                    case GLACIER, GLACIER_IR, DEEP_ARCHIVE: return "Archive";
                    default: return "Standard";
                }
            default:
                switch (storageClass) {
                    case MAZ_STANDARD: return "STANDARD";
                    case MAZ_STANDARD_IA: return "STANDARD_IA";
                    case MAZ_INTELLIGENT_TIERING: return "INTELLIGENT_TIERING";
                    default: return storageClass.name();
                }
        }
    }

    private static S3Exception invalid(String value) {
        return new S3Exception(S3ErrorCode.INVALID_STORAGE_CLASS).with("StorageClassRequested", value);
    }
}
