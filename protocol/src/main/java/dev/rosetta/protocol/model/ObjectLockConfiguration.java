package dev.rosetta.protocol.model;

import java.time.Instant;
import java.time.ZoneOffset;

/**
 * A bucket's object-lock (WORM) setting: enabled at CreateBucket ({@code x-amz-bucket-object-lock-enabled},
 * {@code x-obs-bucket-object-lock-enabled}) and never disabled after, with an optional default retention
 * set by PutObjectLockConfiguration.
 *
 * @param defaultRetention applied to new objects that name no retention of their own; null for none
 */
public record ObjectLockConfiguration(DefaultRetention defaultRetention) {

    /** Object lock enabled, no default retention. */
    public static final ObjectLockConfiguration ENABLED = new ObjectLockConfiguration(null);

    /**
     * The default retention: a mode and exactly one of days or years.
     *
     * @param mode  {@code GOVERNANCE} or {@code COMPLIANCE}
     * @param days  positive, or null
     * @param years positive, or null
     */
    public record DefaultRetention(String mode, Integer days, Integer years) {
        public DefaultRetention {
            if (mode == null || (days == null) == (years == null)) {
                throw new IllegalArgumentException("a default retention needs a mode and exactly one of days, years");
            }
        }

        /** When an object created at {@code created} is retained until: calendar days or years later, in UTC. */
        public Instant retainUntil(Instant created) {
            var t = created.atOffset(ZoneOffset.UTC);
            return (days != null ? t.plusDays(days) : t.plusYears(years)).toInstant();
        }
    }
}
