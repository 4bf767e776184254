package dev.rosetta.protocol.model;

import java.time.Instant;

/**
 * Object-lock settings requested for an object, and (stored with it) the object's retention and legal
 * hold.
 *
 * @param mode        {@code GOVERNANCE} or {@code COMPLIANCE}, or null
 * @param retainUntil the retain-until date, or null
 * @param legalHold   true for {@code ON}, false for {@code OFF}, null when not sent
 */
public record ObjectLock(String mode, Instant retainUntil, Boolean legalHold) {
    public static final String GOVERNANCE = "GOVERNANCE";
    public static final String COMPLIANCE = "COMPLIANCE";

    public boolean isEmpty() {
        return mode == null && retainUntil == null && legalHold == null;
    }

    /** Whether a retention period is set (mode and date). */
    public boolean hasRetention() {
        return mode != null && retainUntil != null;
    }

    /** Whether the retention still protects the object at {@code now}. */
    public boolean retainedAt(Instant now) {
        return hasRetention() && retainUntil.isAfter(now);
    }

    public boolean legalHoldOn() {
        return Boolean.TRUE.equals(legalHold);
    }

    /** This lock with another retention (both null removes it); the legal hold is kept. */
    public ObjectLock withRetention(String newMode, Instant newRetainUntil) {
        return new ObjectLock(newMode, newRetainUntil, legalHold);
    }

    /** This lock with another legal hold; the retention is kept. */
    public ObjectLock withLegalHold(Boolean on) {
        return new ObjectLock(mode, retainUntil, on);
    }
}
