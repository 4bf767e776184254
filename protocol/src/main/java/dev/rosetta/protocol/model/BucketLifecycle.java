package dev.rosetta.protocol.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A bucket's lifecycle configuration: its rules in request order and the
 * {@code x-amz-transition-default-minimum-object-size} it was put with.
 */
public record BucketLifecycle(List<LifecycleRule> rules, String transitionDefaultMinimumObjectSize) {
    /** S3's default since September 2024: objects under 128 KiB are not transitioned. */
    public static final String ALL_STORAGE_CLASSES_128K = "all_storage_classes_128K";
    /** The older behaviour: each storage class has its own minimum. */
    public static final String VARIES_BY_STORAGE_CLASS = "varies_by_storage_class";

    public BucketLifecycle {
        rules = List.copyOf(rules);
        Objects.requireNonNull(transitionDefaultMinimumObjectSize, "transitionDefaultMinimumObjectSize");
    }

    /**
     * The rule that aborts incomplete multipart uploads of {@code key}: the first Enabled rule with an
     * AbortIncompleteMultipartUpload action whose prefix the key starts with.
     */
    public Optional<LifecycleRule> abortRuleFor(String key) {
        for (LifecycleRule r : rules) {
            if (r.abortsUploadsOf(key)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** Whether any Enabled rule aborts incomplete multipart uploads. */
    public boolean abortsUploads() {
        for (LifecycleRule r : rules) {
            if (r.enabled() && r.abortIncompleteMultipartUploadDays() != null && !r.hasTagFilter()
                    && !r.hasSizeFilter()) {
                return true;
            }
        }
        return false;
    }
}
