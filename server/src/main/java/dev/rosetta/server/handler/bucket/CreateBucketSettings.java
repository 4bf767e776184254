package dev.rosetta.server.handler.bucket;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.dialect.HeaderFamily;
import dev.rosetta.protocol.dialect.Service;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.ObjectLockConfiguration;
import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;
import java.util.function.UnaryOperator;

/**
 * The bucket settings CreateBucket takes from headers, checked before anything is written:
 * <ul>
 *   <li>object lock: {@code x-amz-bucket-object-lock-enabled: true} (S3), {@code x-obs-bucket-object-lock-enabled}
 *       (OBS), the same suffix in the COS and WOS families; {@code false} or absent leaves it off, any other
 *       value is {@code 400 InvalidArgument};</li>
 *   <li>default storage class: OBS {@code x-obs-storage-class}, OBS's S3 mode {@code x-default-storage-class}
 *       (accepted with any {@code x-amz-} request), WOS {@code x-wos-storage-class}, in the family's names
 *       ({@code 400 InvalidStorageClass} otherwise). S3 and COS document no such header: an
 *       {@code x-amz-storage-class} / {@code x-cos-storage-class} on CreateBucket is ignored, as they do.</li>
 * </ul>
 */
public final class CreateBucketSettings {
    /** OBS's S3-mode name for the bucket's default storage class (its SDK's {@code V2Headers}). */
    public static final String DEFAULT_STORAGE_CLASS_HEADER = "x-default-storage-class";

    private CreateBucketSettings() {
    }

    /** The settings of the request, applied to the new record. */
    public static UnaryOperator<BucketRecord> read(RequestContext ctx) {
        Dialect dialect = ctx.dialect();
        boolean lock = objectLockEnabled(ctx, dialect);
        StorageClass storageClass = defaultStorageClass(ctx, dialect);
        return b -> {
            BucketRecord r = b;
            if (lock) {
                r = r.withObjectLock(ObjectLockConfiguration.ENABLED);
            }
            if (storageClass != null) {
                r = r.withDefaultStorageClass(storageClass);
            }
            return r;
        };
    }

    private static boolean objectLockEnabled(RequestContext ctx, Dialect dialect) {
        String name = dialect.header("bucket-object-lock-enabled");
        String value = ctx.head().header(name);
        if (value == null || value.trim().equalsIgnoreCase("false")) {
            return false;
        }
        if (value.trim().equalsIgnoreCase("true")) {
            return true;
        }
        throw S3Exception.invalidArgument("Invalid value for " + name + ".", name, value);
    }

    /** The header that names the bucket's default storage class in a family; null when it has none. */
    static String storageClassHeader(HeaderFamily family) {
        return switch (family) {
            case OBS -> "x-obs-storage-class";
            case WOS -> "x-wos-storage-class";
            case AMZ -> DEFAULT_STORAGE_CLASS_HEADER;
            case COS -> null;
        };
    }

    /**
     * HeadBucket on OBS and WOS answers the bucket's default storage class in the header CreateBucket takes (OBS:
     * {@code x-obs-storage-class}, or {@code x-default-storage-class} in its S3 mode, which the OBS SDK's
     * getBucketMetadata reads); STANDARD when none was set. Other services document no such header.
     */
    public static void addDefaultStorageClass(S3Response response, Dialect dialect, BucketRecord bucket) {
        Service service = Service.of(dialect);
        String header = storageClassHeader(dialect.family());
        if (header == null || (service != Service.OBS && service != Service.WOS)) {
            return;
        }
        StorageClass c = bucket.defaultStorageClass() == null ? StorageClass.STANDARD : bucket.defaultStorageClass();
        response.header(header, dialect.storageClassName(c));
    }

    private static StorageClass defaultStorageClass(RequestContext ctx, Dialect dialect) {
        String header = storageClassHeader(dialect.family());
        String value = header == null ? null : ctx.head().header(header);
        return value == null ? null : dialect.parseStorageClass(value);
    }
}
