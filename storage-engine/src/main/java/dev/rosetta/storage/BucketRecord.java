package dev.rosetta.storage;

import dev.rosetta.protocol.model.AccessControl;
import dev.rosetta.protocol.model.BucketEncryption;
import dev.rosetta.protocol.model.BucketLifecycle;
import dev.rosetta.protocol.model.ObjectLockConfiguration;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.model.StorageClass;
import java.time.Instant;
import java.util.Objects;

/**
 * A bucket as stored in the {@code buckets} column family. Future settings (ACL, versioning, ...) are
 * added as new components and new record tags; records written before then decode with their defaults.
 *
 * @param name                the bucket name (the whole string, e.g. COS {@code name-APPID})
 * @param owner               the account that created it
 * @param creationDate        creation time, millisecond precision
 * @param locationConstraint  the LocationConstraint sent at creation, or null
 * @param dialect             name of the wire style the bucket was created in (e.g. {@code AWS})
 * @param lifecycle           the lifecycle configuration, or null when none is set
 * @param objectLock          the object-lock (WORM) configuration, or null when the bucket was created
 *                            without object lock
 * @param defaultStorageClass the storage class of objects written without one, or null for STANDARD
 * @param acl                 the bucket's ACL as set (canned or grants); null (and any default ACL, which is
 *                            stored as null) is private: the owner's FULL_CONTROL. Every {@code with...} method
 *                            keeps it; the constructors without it make a private bucket.
 * @param encryption          the default encryption of objects written without encryption headers, or null
 */
public record BucketRecord(String name, Owner owner, Instant creationDate, String locationConstraint,
                           String dialect, BucketLifecycle lifecycle, ObjectLockConfiguration objectLock,
                           StorageClass defaultStorageClass, AccessControl acl, BucketEncryption encryption) {
    public BucketRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(dialect, "dialect");
        if (acl != null && acl.isDefault()) {
            acl = null;
        }
    }

    /** A bucket with these settings and no default encryption. */
    public BucketRecord(String name, Owner owner, Instant creationDate, String locationConstraint, String dialect,
                        BucketLifecycle lifecycle, ObjectLockConfiguration objectLock,
                        StorageClass defaultStorageClass, AccessControl acl) {
        this(name, owner, creationDate, locationConstraint, dialect, lifecycle, objectLock, defaultStorageClass, acl,
                null);
    }

    /** A private bucket with these settings. */
    public BucketRecord(String name, Owner owner, Instant creationDate, String locationConstraint, String dialect,
                        BucketLifecycle lifecycle, ObjectLockConfiguration objectLock,
                        StorageClass defaultStorageClass) {
        this(name, owner, creationDate, locationConstraint, dialect, lifecycle, objectLock, defaultStorageClass,
                null);
    }

    /** A bucket with a lifecycle configuration and no other setting. */
    public BucketRecord(String name, Owner owner, Instant creationDate, String locationConstraint, String dialect,
                        BucketLifecycle lifecycle) {
        this(name, owner, creationDate, locationConstraint, dialect, lifecycle, null, null);
    }

    /** A bucket without a lifecycle configuration. */
    public BucketRecord(String name, Owner owner, Instant creationDate, String locationConstraint, String dialect) {
        this(name, owner, creationDate, locationConstraint, dialect, null);
    }

    /** This bucket with another lifecycle configuration (null removes it). */
    public BucketRecord withLifecycle(BucketLifecycle newLifecycle) {
        return new BucketRecord(name, owner, creationDate, locationConstraint, dialect, newLifecycle, objectLock,
                defaultStorageClass, acl, encryption);
    }

    /** This bucket with another object-lock configuration (null: object lock not enabled). */
    public BucketRecord withObjectLock(ObjectLockConfiguration newObjectLock) {
        return new BucketRecord(name, owner, creationDate, locationConstraint, dialect, lifecycle, newObjectLock,
                defaultStorageClass, acl, encryption);
    }

    /** This bucket with another default storage class (null: STANDARD). */
    public BucketRecord withDefaultStorageClass(StorageClass newDefault) {
        return new BucketRecord(name, owner, creationDate, locationConstraint, dialect, lifecycle, objectLock,
                newDefault, acl, encryption);
    }

    /** This bucket with another ACL (null or a default ACL: private). */
    public BucketRecord withAcl(AccessControl newAcl) {
        return new BucketRecord(name, owner, creationDate, locationConstraint, dialect, lifecycle, objectLock,
                defaultStorageClass, newAcl, encryption);
    }

    /** This bucket with another default encryption (null: objects are stored as their requests ask). */
    public BucketRecord withEncryption(BucketEncryption newEncryption) {
        return new BucketRecord(name, owner, creationDate, locationConstraint, dialect, lifecycle, objectLock,
                defaultStorageClass, acl, newEncryption);
    }

    /** The bucket's ACL; {@link AccessControl#DEFAULT} (private) when none was set. */
    public AccessControl accessControl() {
        return acl == null ? AccessControl.DEFAULT : acl;
    }

    /** Whether the bucket was created with object lock enabled. */
    public boolean objectLockEnabled() {
        return objectLock != null;
    }
}
