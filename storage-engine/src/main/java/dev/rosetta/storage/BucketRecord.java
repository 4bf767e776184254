package dev.rosetta.storage;

import dev.rosetta.protocol.model.BucketLifecycle;
import dev.rosetta.protocol.model.Owner;
import java.time.Instant;
import java.util.Objects;

/**
 * A bucket as stored in the {@code buckets} column family. Future settings (ACL, versioning, object
 * lock, default storage class, ...) are added as new components and new record tags; records written
 * before then decode with their defaults.
 *
 * @param name               the bucket name (the whole string, e.g. COS {@code name-APPID})
 * @param owner              the account that created it
 * @param creationDate       creation time, millisecond precision
 * @param locationConstraint the LocationConstraint sent at creation, or null
 * @param dialect            name of the wire style the bucket was created in (e.g. {@code AWS})
 * @param lifecycle          the lifecycle configuration, or null when none is set
 */
public record BucketRecord(String name, Owner owner, Instant creationDate, String locationConstraint,
                           String dialect, BucketLifecycle lifecycle) {
    public BucketRecord {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(creationDate, "creationDate");
        Objects.requireNonNull(dialect, "dialect");
    }

    /** A bucket without a lifecycle configuration. */
    public BucketRecord(String name, Owner owner, Instant creationDate, String locationConstraint, String dialect) {
        this(name, owner, creationDate, locationConstraint, dialect, null);
    }

    /** This bucket with another lifecycle configuration (null removes it). */
    public BucketRecord withLifecycle(BucketLifecycle newLifecycle) {
        return new BucketRecord(name, owner, creationDate, locationConstraint, dialect, newLifecycle);
    }
}
