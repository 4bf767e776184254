package dev.rosetta.storage.schema;

import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.MultipartUpload;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.PartRecord;
import dev.rosetta.storage.kv.ColumnFamily;
import dev.rosetta.storage.kv.ValueCodec;
import java.util.List;

/**
 * Every column family of the metadata store, in one place: name, key codec, value codec. Key layouts
 * are documented in {@link Keys}; value layouts in each codec.
 *
 * <p>{@link #FORMAT_VERSION} is the format of the store as a whole (key layouts, family set); it only
 * changes for an incompatible change. Record values carry their own version byte and evolve by adding
 * tags, which needs no bump here.
 */
public final class Schema {
    private Schema() {
    }

    public static final int FORMAT_VERSION = 1;

    public static final ColumnFamily<String, BucketRecord> BUCKETS =
            new ColumnFamily<>("buckets", Keys.BUCKET, BucketRecordCodec.INSTANCE);

    public static final ColumnFamily<ObjectKey, ObjectRecord> OBJECTS =
            new ColumnFamily<>("objects", Keys.OBJECT, ObjectRecordCodec.INSTANCE);

    public static final ColumnFamily<UploadKey, MultipartUpload> UPLOADS =
            new ColumnFamily<>("uploads", Keys.UPLOAD, MultipartUploadCodec.INSTANCE);

    public static final ColumnFamily<PartKey, PartRecord> PARTS =
            new ColumnFamily<>("parts", Keys.PART, PartRecordCodec.INSTANCE);

    /**
     * Objects due to be deleted ({@code x-obs-expires}): one empty value per object with an expiry, keyed by
     * due time, written in the same batch as the object record (see {@code ObjectExpiryIndex}). Added after
     * format 1 shipped: RocksDB creates the family when an older directory is opened.
     */
    public static final ColumnFamily<ExpiryKey, byte[]> EXPIRY =
            new ColumnFamily<>("expiry", ExpiryKey.CODEC, ValueCodec.RAW);

    public static final List<ColumnFamily<?, ?>> ALL = List.of(BUCKETS, OBJECTS, UPLOADS, PARTS, EXPIRY);
}
