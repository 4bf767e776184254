package dev.rosetta.storage.schema;

import dev.rosetta.protocol.model.BucketLifecycle;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.codec.RecordReader;
import dev.rosetta.storage.codec.RecordWriter;
import dev.rosetta.storage.kv.ValueCodec;
import java.time.Instant;

/**
 * Value codec of the {@code buckets} family. Version 1 tags:
 * {@code 1 name, 2 owner {1 id, 2 displayName}, 3 creationDate, 4 locationConstraint, 5 dialect,
 * 6 lifecycle} (see {@link LifecycleCodec}; absent in records written before it, which decode with no
 * lifecycle). New settings get new tags; never reuse or renumber one.
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
        while (r.next()) {
            switch (r.tag()) {
                case NAME -> name = r.string();
                case OWNER -> owner = CommonCodecs.readOwner(r.nested());
                case CREATION_DATE -> created = r.instant();
                case LOCATION_CONSTRAINT -> location = r.string();
                case DIALECT -> dialect = r.string();
                case LIFECYCLE -> lifecycle = LifecycleCodec.read(r.nested());
                default -> { }
            }
        }
        return new BucketRecord(
                CommonCodecs.require(name, "bucket", "name"),
                CommonCodecs.require(owner, "bucket", "owner"),
                CommonCodecs.require(created, "bucket", "creationDate"),
                location,
                CommonCodecs.require(dialect, "bucket", "dialect"),
                lifecycle);
    }
}
