package dev.rosetta.protocol.headers;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.dialect.Service;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import dev.rosetta.protocol.model.ObjectLock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * The object-lock headers of a write, in the dialect's family ({@code x-amz-object-lock-mode},
 * {@code x-obs-object-lock-mode}, ...): mode and retain-until date (both or neither) and legal hold. Their
 * syntax is checked here; what depends on the bucket and the clock (object lock enabled, date in the future,
 * default retention) is the server's job. OBS has the COMPLIANCE mode only.
 */
public final class ObjectLockHeaders {
    private ObjectLockHeaders() {
    }

    /** The lock the request asks for, or null when it sent none of the headers. */
    public static ObjectLock read(RequestHead head, Dialect dialect) {
        String modeHeader = dialect.header("object-lock-mode");
        String dateHeader = dialect.header("object-lock-retain-until-date");
        String holdHeader = dialect.header("object-lock-legal-hold");
        String mode = trim(head.header(modeHeader));
        String date = trim(head.header(dateHeader));
        String hold = trim(head.header(holdHeader));
        if (mode == null && date == null && hold == null) {
            return null;
        }
        if (mode != null) {
            checkMode(dialect, modeHeader, mode);
        }
        if ((mode == null) != (date == null)) {
            throw S3Exception.invalidArgument(dateHeader + " and " + modeHeader + " must both be supplied",
                    mode == null ? modeHeader : dateHeader, null);
        }
        Instant retainUntil = date == null ? null : parseDate(date, dateHeader);
        Boolean legalHold = null;
        if (hold != null) {
            if (!hold.equals("ON") && !hold.equals("OFF")) {
                throw S3Exception.invalidArgument("Legal Hold must be either of 'ON' or 'OFF'", holdHeader, hold);
            }
            legalHold = hold.equals("ON");
        }
        return new ObjectLock(mode, retainUntil, legalHold);
    }

    /** A mode value: GOVERNANCE or COMPLIANCE; OBS knows COMPLIANCE only. InvalidArgument otherwise. */
    public static void checkMode(Dialect dialect, String argumentName, String mode) {
        boolean known = mode.equals(ObjectLock.COMPLIANCE)
                || (mode.equals(ObjectLock.GOVERNANCE) && Service.of(dialect) != Service.OBS);
        if (!known) {
            throw S3Exception.invalidArgument("Unknown wormMode directive.", argumentName, mode);
        }
    }

    /** An ISO 8601 date-time with offset ({@code 2030-01-01T00:00:00Z}, fractions allowed). */
    public static Instant parseDate(String value, String argumentName) {
        try {
            return OffsetDateTime.parse(value.trim().toUpperCase(Locale.ROOT)).toInstant();
        } catch (DateTimeParseException e) {
            throw S3Exception.invalidArgument("The retain until date must be provided in ISO 8601 format",
                    argumentName, value);
        }
    }

    private static String trim(String v) {
        return v == null ? null : v.trim();
    }
}
