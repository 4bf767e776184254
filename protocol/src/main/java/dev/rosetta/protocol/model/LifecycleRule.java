package dev.rosetta.protocol.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One rule of a bucket's lifecycle configuration, as PutBucketLifecycleConfiguration accepted it
 * (checked by {@code xml.doc.LifecycleConfigurationRequest}). Absent elements are null; lists are
 * never null. Rosetta acts on {@link #abortIncompleteMultipartUploadDays()} only; the other actions are
 * kept and returned as sent.
 *
 * @param id          the rule's ID (one is generated when the request had none)
 * @param enabled     Status {@code Enabled}; false for {@code Disabled}
 * @param prefix      the legacy rule-level {@code Prefix}, or null when the rule has a {@link Filter}
 * @param filter      the {@code Filter}, or null when the rule has a legacy prefix
 * @param abortIncompleteMultipartUploadDays {@code AbortIncompleteMultipartUpload/DaysAfterInitiation}
 */
public record LifecycleRule(String id, boolean enabled, String prefix, Filter filter, Expiration expiration,
                            List<Transition> transitions, NoncurrentVersionExpiration noncurrentVersionExpiration,
                            List<NoncurrentVersionTransition> noncurrentVersionTransitions,
                            Integer abortIncompleteMultipartUploadDays) {
    public LifecycleRule {
        Objects.requireNonNull(id, "id");
        transitions = transitions == null ? List.of() : List.copyOf(transitions);
        noncurrentVersionTransitions = noncurrentVersionTransitions == null ? List.of()
                : List.copyOf(noncurrentVersionTransitions);
    }

    /**
     * A rule's {@code Filter}: at most one of its members is set (several predicates go in {@link And});
     * none set is the empty filter, every object.
     */
    public record Filter(String prefix, Tag tag, Long objectSizeGreaterThan, Long objectSizeLessThan, And and) {
        /** {@code <Filter/>}: every object. */
        public static final Filter ALL = new Filter(null, null, null, null, null);

        public static Filter prefix(String prefix) {
            return new Filter(prefix, null, null, null, null);
        }
    }

    /** {@code Filter/And}: every predicate must hold. */
    public record And(String prefix, List<Tag> tags, Long objectSizeGreaterThan, Long objectSizeLessThan) {
        public And {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /** Exactly one member is set. */
    public record Expiration(Integer days, Instant date, Boolean expiredObjectDeleteMarker) {
    }

    /** Exactly one of days and date is set. */
    public record Transition(Integer days, Instant date, StorageClass storageClass) {
        public Transition {
            Objects.requireNonNull(storageClass, "storageClass");
        }
    }

    public record NoncurrentVersionExpiration(int noncurrentDays, Integer newerNoncurrentVersions) {
    }

    public record NoncurrentVersionTransition(int noncurrentDays, Integer newerNoncurrentVersions,
                                              StorageClass storageClass) {
        public NoncurrentVersionTransition {
            Objects.requireNonNull(storageClass, "storageClass");
        }
    }

    /** The key prefix the rule selects: the legacy prefix, the filter's, the filter's And's, or "". */
    public String keyPrefix() {
        if (prefix != null) {
            return prefix;
        }
        if (filter == null) {
            return "";
        }
        if (filter.prefix() != null) {
            return filter.prefix();
        }
        if (filter.and() != null && filter.and().prefix() != null) {
            return filter.and().prefix();
        }
        return "";
    }

    /** Whether the filter selects by object tags. */
    public boolean hasTagFilter() {
        return filter != null && (filter.tag() != null || (filter.and() != null && !filter.and().tags().isEmpty()));
    }

    /** Whether the filter selects by object size. */
    public boolean hasSizeFilter() {
        if (filter == null) {
            return false;
        }
        if (filter.objectSizeGreaterThan() != null || filter.objectSizeLessThan() != null) {
            return true;
        }
        And and = filter.and();
        return and != null && (and.objectSizeGreaterThan() != null || and.objectSizeLessThan() != null);
    }

    /** Whether this rule aborts incomplete multipart uploads of {@code key}: enabled, with the action, prefix matching. */
    public boolean abortsUploadsOf(String key) {
        return enabled && abortIncompleteMultipartUploadDays != null && !hasTagFilter() && !hasSizeFilter()
                && key.startsWith(keyPrefix());
    }
}
