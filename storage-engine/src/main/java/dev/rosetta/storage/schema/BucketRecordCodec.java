package dev.rosetta.storage.schema;

import dev.rosetta.protocol.model.AccessControl;
import dev.rosetta.protocol.model.BucketEncryption;
import dev.rosetta.protocol.model.BucketLifecycle;
import dev.rosetta.protocol.model.ObjectLockConfiguration;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.codec.RecordReader;
import dev.rosetta.storage.codec.RecordWriter;
import dev.rosetta.storage.kv.ValueCodec;
import java.time.Instant;

/**
 * Value codec of the {@code buckets} family. Version 1 tags:
 * {@code 1 name, 2 owner {1 id, 2 displayName}, 3 creationDate, 4 locationConstraint, 5 dialect,
 * 6 lifecycle} (see {@link LifecycleCodec}; absent in records written before it, which decode with no
 * lifecycle), {@code 7 acl} (see {@link AclCodec}; absent: private), {@code 8 objectLock {1 enabled (bool), 2 defaultRetention {1 mode, 2 days, 3 years}}}
 * (absent: object lock not enabled), {@code 9 defaultStorageClass} (enum name; absent: STANDARD),
 * {@code 10 encryption {1 algorithm, 2 kmsKeyId, 3 bucketKeyEnabled (bool)}} (absent: no default encryption).
 * New settings get new tags; never reuse or renumber one.
 */
public final class BucketRecordCodec implements ValueCodec<BucketRecord> {
    public static final BucketRecordCodec INSTANCE = new BucketRecordCodec();
    public static final int VERSION = 1;

    static final int NAME = 1;
    static final int OWNER = 2;
    static final int CREATION_DATE = 3;
    static final int LOCATION_CONSTRAINT = 4;
    static final int DIALECT = 5;
    static final int LIFECYCLE = 6;
    static final int ACL = 7;
    static final int OBJECT_LOCK = 8;
    static final int DEFAULT_STORAGE_CLASS = 9;
    static final int ENCRYPTION = 10;

    private static final int ENCRYPTION_ALGORITHM = 1;
    private static final int ENCRYPTION_KMS_KEY_ID = 2;
    private static final int ENCRYPTION_BUCKET_KEY = 3;

    private static final int LOCK_ENABLED = 1;
    private static final int LOCK_DEFAULT_RETENTION = 2;
    private static final int RETENTION_MODE = 1;
    private static final int RETENTION_DAYS = 2;
    private static final int RETENTION_YEARS = 3;

    private BucketRecordCodec() {
    }

    @Override
    public byte[] encode(BucketRecord b) {
        RecordWriter w = RecordWriter.begin(VERSION);
        w.string(NAME, b.name());
        CommonCodecs.writeOwner(w, OWNER, b.owner());
        w.instant(CREATION_DATE, b.creationDate());
        w.string(LOCATION_CONSTRAINT, b.locationConstraint());
        w.string(DIALECT, b.dialect());
        LifecycleCodec.write(w, LIFECYCLE, b.lifecycle());
        AclCodec.write(w, ACL, b.acl());
        writeObjectLock(w, b.objectLock());
        w.enumName(DEFAULT_STORAGE_CLASS, b.defaultStorageClass());
        writeEncryption(w, b.encryption());
        return w.toByteArray();
    }

    @Override
    public BucketRecord decode(byte[] bytes) {
        RecordReader r = RecordReader.open(bytes, VERSION);
        String name = null;
        Owner owner = null;
        Instant created = null;
        String location = null;
        String dialect = null;
        BucketLifecycle lifecycle = null;
        ObjectLockConfiguration objectLock = null;
        StorageClass defaultStorageClass = null;
        AccessControl acl = null;
        BucketEncryption encryption = null;
        while (r.next()) {
            switch (r.tag()) {
                case NAME -> name = r.string();
                case OWNER -> owner = CommonCodecs.readOwner(r.nested());
                case CREATION_DATE -> created = r.instant();
                case LOCATION_CONSTRAINT -> location = r.string();
                case DIALECT -> dialect = r.string();
                case LIFECYCLE -> lifecycle = LifecycleCodec.read(r.nested());
                case ACL -> acl = AclCodec.read(r.nested());
                case OBJECT_LOCK -> objectLock = readObjectLock(r.nested());
                case DEFAULT_STORAGE_CLASS -> defaultStorageClass = r.enumValue(StorageClass.class);
                case ENCRYPTION -> encryption = readEncryption(r.nested());
                default -> { }
            }
        }
        return new BucketRecord(
                CommonCodecs.require(name, "bucket", "name"),
                CommonCodecs.require(owner, "bucket", "owner"),
                CommonCodecs.require(created, "bucket", "creationDate"),
                location,
                CommonCodecs.require(dialect, "bucket", "dialect"),
                lifecycle,
                objectLock,
                defaultStorageClass,
                acl,
                encryption);
    }

    private static void writeEncryption(RecordWriter w, BucketEncryption e) {
        if (e == null) {
            return;
        }
        int m = w.beginNested(ENCRYPTION);
        w.string(ENCRYPTION_ALGORITHM, e.algorithm());
        w.string(ENCRYPTION_KMS_KEY_ID, e.kmsKeyId());
        if (e.bucketKeyEnabled() != null) {
            w.bool(ENCRYPTION_BUCKET_KEY, e.bucketKeyEnabled());
        }
        w.endNested(m);
    }

    private static BucketEncryption readEncryption(RecordReader r) {
        String algorithm = null;
        String keyId = null;
        Boolean bucketKey = null;
        while (r.next()) {
            switch (r.tag()) {
                case ENCRYPTION_ALGORITHM -> algorithm = r.string();
                case ENCRYPTION_KMS_KEY_ID -> keyId = r.string();
                case ENCRYPTION_BUCKET_KEY -> bucketKey = r.bool();
                default -> { }
            }
        }
        return new BucketEncryption(CommonCodecs.require(algorithm, "bucket encryption", "algorithm"), keyId, bucketKey);
    }

    private static void writeObjectLock(RecordWriter w, ObjectLockConfiguration lock) {
        if (lock == null) {
            return;
        }
        int m = w.beginNested(OBJECT_LOCK);
        w.bool(LOCK_ENABLED, Boolean.TRUE);
        ObjectLockConfiguration.DefaultRetention d = lock.defaultRetention();
        if (d != null) {
            int n = w.beginNested(LOCK_DEFAULT_RETENTION);
            w.string(RETENTION_MODE, d.mode());
            if (d.days() != null) {
                w.int32(RETENTION_DAYS, d.days());
            }
            if (d.years() != null) {
                w.int32(RETENTION_YEARS, d.years());
            }
            w.endNested(n);
        }
        w.endNested(m);
    }

    private static ObjectLockConfiguration readObjectLock(RecordReader r) {
        boolean enabled = false;
        ObjectLockConfiguration.DefaultRetention retention = null;
        while (r.next()) {
            switch (r.tag()) {
                case LOCK_ENABLED -> enabled = r.bool();
                case LOCK_DEFAULT_RETENTION -> retention = readRetention(r.nested());
                default -> { }
            }
        }
        return enabled ? new ObjectLockConfiguration(retention) : null;
    }

    private static ObjectLockConfiguration.DefaultRetention readRetention(RecordReader r) {
        String mode = null;
        Integer days = null;
        Integer years = null;
        while (r.next()) {
            switch (r.tag()) {
                case RETENTION_MODE -> mode = r.string();
                case RETENTION_DAYS -> days = r.int32();
                case RETENTION_YEARS -> years = r.int32();
                default -> { }
            }
        }
        try {
            return new ObjectLockConfiguration.DefaultRetention(mode, days, years);
        } catch (IllegalArgumentException e) {
            throw new StorageException("corrupt bucket record: " + e.getMessage(), e);
        }
    }
}
