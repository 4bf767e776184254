package dev.rosetta.server.lock;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.ObjectLock;
import dev.rosetta.protocol.model.ObjectLockConfiguration;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.xml.S3Time;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.WriteGuard;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Object lock (WORM) as S3 defines it, without versioning: an object under an unexpired retention or a legal
 * hold cannot be deleted or overwritten. Where S3 would keep the old version and write a new one, Rosetta,
 * which keeps one version per key, refuses the write ({@code 403 AccessDenied}) and changes nothing.
 *
 * <ul>
 *   <li>COMPLIANCE: nobody can delete or overwrite before the date, nor shorten it.</li>
 *   <li>GOVERNANCE: the bucket owner may, with {@code x-amz-bypass-governance-retention: true} (in the
 *       request's header family).</li>
 *   <li>Legal hold ON: nobody, whatever the retention, until it is set OFF.</li>
 * </ul>
 * An incomplete multipart upload is not an object: it can always be aborted.
 */
public final class ObjectLockRules {
    static final String MISSING_CONFIGURATION = "Bucket is missing Object Lock Configuration";
    static final String PROTECTED = "Access Denied because object protected by object lock.";
    /** How long the expirer waits before looking again at an object under legal hold. */
    static final Duration LEGAL_HOLD_RECHECK = Duration.ofDays(1);

    private ObjectLockRules() {
    }

    /**
     * The lock a new object gets (PutObject, InitiateMultipartUpload, CopyObject): the request's, checked
     * against the bucket and the clock, else the bucket's default retention from {@code now}.
     *
     * @throws S3Exception InvalidRequest (lock headers on a bucket without object lock), InvalidArgument (a
     *                     retain-until date not in the future)
     */
    public static ObjectHeaders forNewObject(ObjectHeaders requested, BucketRecord bucket, Dialect dialect,
                                             Instant now) {
        ObjectLock lock = requested.objectLock();
        ObjectLockConfiguration config = bucket.objectLock();
        if (lock != null && config == null) {
            throw new S3Exception(S3ErrorCode.INVALID_REQUEST, MISSING_CONFIGURATION);
        }
        if (lock != null && lock.hasRetention()) {
            requireFuture(lock.retainUntil(), now, dialect.header("object-lock-retain-until-date"));
            return requested;
        }
        if (config == null || config.defaultRetention() == null) {
            return requested;
        }
        ObjectLockConfiguration.DefaultRetention d = config.defaultRetention();
        Boolean hold = lock == null ? null : lock.legalHold();
        return requested.withObjectLock(new ObjectLock(d.mode(), d.retainUntil(now), hold));
    }

    /** InvalidArgument unless {@code date} is after {@code now}. */
    static void requireFuture(Instant date, Instant now, String argumentName) {
        if (!date.isAfter(now)) {
            throw S3Exception.invalidArgument("The retain until date must be in the future!", argumentName,
                    S3Time.iso8601(date));
        }
    }

    /**
     * A guard refusing to delete or overwrite an object protected at the time the guard runs (under the key's
     * lock): {@code 403 AccessDenied}. The owner's GOVERNANCE bypass is honoured.
     */
    public static WriteGuard protection(RequestContext ctx, BucketRecord bucket, Clock clock) {
        if (!bucket.objectLockEnabled()) {
            return WriteGuard.NONE; // no object of a bucket without object lock can carry a lock
        }
        boolean bypass = bypassGovernance(ctx, bucket);
        return existing -> {
            if (existing != null && isProtected(existing.headers().objectLock(), clock.instant(), bypass)) {
                throw new S3Exception(S3ErrorCode.ACCESS_DENIED, PROTECTED);
            }
        };
    }

    /** Whether a lock forbids deleting or overwriting at {@code now}. */
    public static boolean isProtected(ObjectLock lock, Instant now, boolean bypassGovernance) {
        if (lock == null) {
            return false;
        }
        if (lock.legalHoldOn()) {
            return true;
        }
        if (!lock.retainedAt(now)) {
            return false;
        }
        return !(bypassGovernance && ObjectLock.GOVERNANCE.equals(lock.mode()));
    }

    /**
     * Whether the request asks to bypass GOVERNANCE retention ({@code <family>bypass-governance-retention: true})
     * and may: it is signed by the bucket's owner.
     */
    public static boolean bypassGovernance(RequestContext ctx, BucketRecord bucket) {
        String value = ctx.head().header(ctx.dialect().header("bypass-governance-retention"));
        if (value == null || !value.trim().equalsIgnoreCase("true")) {
            return false;
        }
        Owner principal = ctx.principal();
        return principal != null && principal.id().equals(bucket.owner().id());
    }

    /**
     * For the expirer: null when {@code object} may be deleted at {@code now}, else when to look again (the
     * retain-until date, or a day later under a legal hold). No bypass applies to expiry.
     */
    public static Instant protectedUntil(ObjectRecord object, Instant now) {
        ObjectLock lock = object.headers().objectLock();
        if (lock == null) {
            return null;
        }
        if (lock.legalHoldOn()) {
            Instant next = now.plus(LEGAL_HOLD_RECHECK);
            return lock.retainedAt(next) ? lock.retainUntil() : next;
        }
        return lock.retainedAt(now) ? lock.retainUntil() : null;
    }

    /**
     * S3's object-lock headers on HEAD and GET, in the reader's family: mode and retain-until date (ISO 8601)
     * when a retention is set, legal hold when one was ever set.
     */
    public static void addHeaders(S3Response r, Dialect dialect, ObjectLock lock) {
        if (lock == null) {
            return;
        }
        if (lock.hasRetention()) {
            r.header(dialect.header("object-lock-mode"), lock.mode());
            r.header(dialect.header("object-lock-retain-until-date"), S3Time.iso8601(lock.retainUntil()));
        }
        if (lock.legalHold() != null) {
            r.header(dialect.header("object-lock-legal-hold"), lock.legalHoldOn() ? "ON" : "OFF");
        }
    }
}
