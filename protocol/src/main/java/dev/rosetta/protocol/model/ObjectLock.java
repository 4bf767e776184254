package dev.rosetta.protocol.model;

import java.time.Instant;

/**
 * Object-lock settings requested for an object.
 *
 * @param mode        {@code GOVERNANCE} or {@code COMPLIANCE}, or null
 * @param retainUntil the retain-until date, or null
 * @param legalHold   true for {@code ON}, false for {@code OFF}, null when not sent
 */
public record ObjectLock(String mode, Instant retainUntil, Boolean legalHold) {
    public boolean isEmpty() {
        return mode == null && retainUntil == null && legalHold == null;
    }
}
