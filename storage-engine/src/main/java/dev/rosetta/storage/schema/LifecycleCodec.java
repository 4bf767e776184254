package dev.rosetta.storage.schema;

import dev.rosetta.protocol.model.BucketLifecycle;
import dev.rosetta.protocol.model.LifecycleRule;
import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.protocol.model.Tag;
import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.codec.RecordReader;
import dev.rosetta.storage.codec.RecordWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The nested encoding of a bucket's lifecycle configuration inside its {@link BucketRecordCodec} record.
 *
 * <pre>
 * lifecycle   1 rule (repeated, in order), 2 transitionDefaultMinimumObjectSize
 * rule        1 id, 2 enabled, 3 legacy prefix, 4 filter, 5 expiration, 6 transition (repeated),
 *             7 noncurrentVersionExpiration, 8 noncurrentVersionTransition (repeated),
 *             9 abortIncompleteMultipartUpload days
 * filter      1 prefix, 2 tag, 3 objectSizeGreaterThan, 4 objectSizeLessThan, 5 and
 *             (present and empty: the empty filter)
 * and         1 prefix, 2 tag (repeated), 3 objectSizeGreaterThan, 4 objectSizeLessThan
 * tag         1 key, 2 value
 * expiration  1 days, 2 date, 3 expiredObjectDeleteMarker
 * transition  1 days, 2 date, 3 storageClass (enum name)
 * noncurrent  1 noncurrentDays, 2 newerNoncurrentVersions, 3 storageClass (transitions only)
 * </pre>
 *
 * Days and counts are int32, sizes int64. Never reuse or renumber a tag.
 */
final class LifecycleCodec {
    private LifecycleCodec() {
    }

    private static final int RULE = 1;
    private static final int TRANSITION_DEFAULT = 2;

    private static final int R_ID = 1;
    private static final int R_ENABLED = 2;
    private static final int R_PREFIX = 3;
    private static final int R_FILTER = 4;
    private static final int R_EXPIRATION = 5;
    private static final int R_TRANSITION = 6;
    private static final int R_NONCURRENT_EXPIRATION = 7;
    private static final int R_NONCURRENT_TRANSITION = 8;
    private static final int R_ABORT_DAYS = 9;

    private static final int F_PREFIX = 1;
    private static final int F_TAG = 2;
    private static final int F_GREATER = 3;
    private static final int F_LESS = 4;
    private static final int F_AND = 5;

    private static final int TAG_KEY = 1;
    private static final int TAG_VALUE = 2;

    private static final int E_DAYS = 1;
    private static final int E_DATE = 2;
    private static final int E_MARKER = 3;

    private static final int T_DAYS = 1;
    private static final int T_DATE = 2;
    private static final int T_CLASS = 3;

    private static final int N_DAYS = 1;
    private static final int N_NEWER = 2;
    private static final int N_CLASS = 3;

    static void write(RecordWriter w, int tag, BucketLifecycle lifecycle) {
        if (lifecycle == null) {
            return;
        }
        int mark = w.beginNested(tag);
        for (LifecycleRule r : lifecycle.rules()) {
            int rm = w.beginNested(RULE);
            w.string(R_ID, r.id());
            w.bool(R_ENABLED, r.enabled());
            w.string(R_PREFIX, r.prefix());
            if (r.filter() != null) {
                writeFilter(w, r.filter());
            }
            LifecycleRule.Expiration e = r.expiration();
            if (e != null) {
                int em = w.beginNested(R_EXPIRATION);
                int32(w, E_DAYS, e.days());
                w.instant(E_DATE, e.date());
                w.bool(E_MARKER, e.expiredObjectDeleteMarker());
                w.endNested(em);
            }
            for (LifecycleRule.Transition t : r.transitions()) {
                int tm = w.beginNested(R_TRANSITION);
                int32(w, T_DAYS, t.days());
                w.instant(T_DATE, t.date());
                w.enumName(T_CLASS, t.storageClass());
                w.endNested(tm);
            }
            LifecycleRule.NoncurrentVersionExpiration nve = r.noncurrentVersionExpiration();
            if (nve != null) {
                int nm = w.beginNested(R_NONCURRENT_EXPIRATION);
                w.int32(N_DAYS, nve.noncurrentDays());
                int32(w, N_NEWER, nve.newerNoncurrentVersions());
                w.endNested(nm);
            }
            for (LifecycleRule.NoncurrentVersionTransition t : r.noncurrentVersionTransitions()) {
                int nm = w.beginNested(R_NONCURRENT_TRANSITION);
                w.int32(N_DAYS, t.noncurrentDays());
                int32(w, N_NEWER, t.newerNoncurrentVersions());
                w.enumName(N_CLASS, t.storageClass());
                w.endNested(nm);
            }
            int32(w, R_ABORT_DAYS, r.abortIncompleteMultipartUploadDays());
            w.endNested(rm);
        }
        w.string(TRANSITION_DEFAULT, lifecycle.transitionDefaultMinimumObjectSize());
        w.endNested(mark);
    }

    private static void writeFilter(RecordWriter w, LifecycleRule.Filter f) {
        int fm = w.beginNested(R_FILTER);
        w.string(F_PREFIX, f.prefix());
        if (f.tag() != null) {
            writeTag(w, F_TAG, f.tag());
        }
        int64(w, F_GREATER, f.objectSizeGreaterThan());
        int64(w, F_LESS, f.objectSizeLessThan());
        LifecycleRule.And and = f.and();
        if (and != null) {
            int am = w.beginNested(F_AND);
            w.string(F_PREFIX, and.prefix());
            for (Tag t : and.tags()) {
                writeTag(w, F_TAG, t);
            }
            int64(w, F_GREATER, and.objectSizeGreaterThan());
            int64(w, F_LESS, and.objectSizeLessThan());
            w.endNested(am);
        }
        w.endNested(fm);
    }

    private static void writeTag(RecordWriter w, int tag, Tag t) {
        int m = w.beginNested(tag);
        w.string(TAG_KEY, t.key());
        w.string(TAG_VALUE, t.value());
        w.endNested(m);
    }

    private static void int32(RecordWriter w, int tag, Integer value) {
        if (value != null) {
            w.int32(tag, value);
        }
    }

    private static void int64(RecordWriter w, int tag, Long value) {
        if (value != null) {
            w.int64(tag, value);
        }
    }

    static BucketLifecycle read(RecordReader r) {
        List<LifecycleRule> rules = new ArrayList<>();
        String transitionDefault = BucketLifecycle.ALL_STORAGE_CLASSES_128K;
        while (r.next()) {
            switch (r.tag()) {
                case RULE -> rules.add(readRule(r.nested()));
                case TRANSITION_DEFAULT -> transitionDefault = r.string();
                default -> { }
            }
        }
        return new BucketLifecycle(rules, transitionDefault);
    }

    private static LifecycleRule readRule(RecordReader r) {
        String id = null;
        boolean enabled = false;
        String prefix = null;
        LifecycleRule.Filter filter = null;
        LifecycleRule.Expiration expiration = null;
        List<LifecycleRule.Transition> transitions = new ArrayList<>();
        LifecycleRule.NoncurrentVersionExpiration nve = null;
        List<LifecycleRule.NoncurrentVersionTransition> nvts = new ArrayList<>();
        Integer abortDays = null;
        while (r.next()) {
            switch (r.tag()) {
                case R_ID -> id = r.string();
                case R_ENABLED -> enabled = r.bool();
                case R_PREFIX -> prefix = r.string();
                case R_FILTER -> filter = readFilter(r.nested());
                case R_EXPIRATION -> expiration = readExpiration(r.nested());
                case R_TRANSITION -> transitions.add(readTransition(r.nested()));
                case R_NONCURRENT_EXPIRATION -> {
                    Noncurrent n = readNoncurrent(r.nested());
                    nve = new LifecycleRule.NoncurrentVersionExpiration(n.days, n.newer);
                }
                case R_NONCURRENT_TRANSITION -> {
                    Noncurrent n = readNoncurrent(r.nested());
                    if (n.storageClass == null) {
                        throw new StorageException("corrupt lifecycle rule: noncurrent transition without class");
                    }
                    nvts.add(new LifecycleRule.NoncurrentVersionTransition(n.days, n.newer, n.storageClass));
                }
                case R_ABORT_DAYS -> abortDays = r.int32();
                default -> { }
            }
        }
        return new LifecycleRule(CommonCodecs.require(id, "lifecycle rule", "id"), enabled, prefix, filter,
                expiration, transitions, nve, nvts, abortDays);
    }

    private static LifecycleRule.Filter readFilter(RecordReader r) {
        String prefix = null;
        Tag tag = null;
        Long greater = null;
        Long less = null;
        LifecycleRule.And and = null;
        while (r.next()) {
            switch (r.tag()) {
                case F_PREFIX -> prefix = r.string();
                case F_TAG -> tag = readTag(r.nested());
                case F_GREATER -> greater = r.int64();
                case F_LESS -> less = r.int64();
                case F_AND -> and = readAnd(r.nested());
                default -> { }
            }
        }
        return new LifecycleRule.Filter(prefix, tag, greater, less, and);
    }

    private static LifecycleRule.And readAnd(RecordReader r) {
        String prefix = null;
        List<Tag> tags = new ArrayList<>();
        Long greater = null;
        Long less = null;
        while (r.next()) {
            switch (r.tag()) {
                case F_PREFIX -> prefix = r.string();
                case F_TAG -> tags.add(readTag(r.nested()));
                case F_GREATER -> greater = r.int64();
                case F_LESS -> less = r.int64();
                default -> { }
            }
        }
        return new LifecycleRule.And(prefix, tags, greater, less);
    }

    private static Tag readTag(RecordReader r) {
        String key = null;
        String value = null;
        while (r.next()) {
            switch (r.tag()) {
                case TAG_KEY -> key = r.string();
                case TAG_VALUE -> value = r.string();
                default -> { }
            }
        }
        return new Tag(CommonCodecs.require(key, "lifecycle tag", "key"),
                CommonCodecs.require(value, "lifecycle tag", "value"));
    }

    private static LifecycleRule.Expiration readExpiration(RecordReader r) {
        Integer days = null;
        Instant date = null;
        Boolean marker = null;
        while (r.next()) {
            switch (r.tag()) {
                case E_DAYS -> days = r.int32();
                case E_DATE -> date = r.instant();
                case E_MARKER -> marker = r.bool();
                default -> { }
            }
        }
        return new LifecycleRule.Expiration(days, date, marker);
    }

    private static LifecycleRule.Transition readTransition(RecordReader r) {
        Integer days = null;
        Instant date = null;
        StorageClass storageClass = null;
        while (r.next()) {
            switch (r.tag()) {
                case T_DAYS -> days = r.int32();
                case T_DATE -> date = r.instant();
                case T_CLASS -> storageClass = r.enumValue(StorageClass.class);
                default -> { }
            }
        }
        return new LifecycleRule.Transition(days, date,
                CommonCodecs.require(storageClass, "lifecycle transition", "storageClass"));
    }

    private record Noncurrent(int days, Integer newer, StorageClass storageClass) {
    }

    private static Noncurrent readNoncurrent(RecordReader r) {
        Integer days = null;
        Integer newer = null;
        StorageClass storageClass = null;
        while (r.next()) {
            switch (r.tag()) {
                case N_DAYS -> days = r.int32();
                case N_NEWER -> newer = r.int32();
                case N_CLASS -> storageClass = r.enumValue(StorageClass.class);
                default -> { }
            }
        }
        return new Noncurrent(CommonCodecs.require(days, "lifecycle noncurrent action", "noncurrentDays"), newer,
                storageClass);
    }
}
