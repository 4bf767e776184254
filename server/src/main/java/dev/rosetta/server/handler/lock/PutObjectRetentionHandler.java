package dev.rosetta.server.handler.lock;

import dev.rosetta.protocol.dialect.Service;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.ObjectLock;
import dev.rosetta.protocol.xml.XmlRequestParser;
import dev.rosetta.protocol.xml.S3Time;
import dev.rosetta.protocol.xml.doc.RetentionRequest;
import dev.rosetta.server.handler.BodyPolicy;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.server.lock.ObjectLockRules;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.ObjectStore;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * {@code PUT /bucket/key?retention}: sets, extends or (GOVERNANCE with the owner's bypass only) shortens or
 * removes an object's retention. While a retention is in force, COMPLIANCE can only be extended (same mode, a
 * date not earlier); GOVERNANCE can be extended or turned into COMPLIANCE by anyone allowed to write, and
 * shortened or removed only with {@code x-amz-bypass-governance-retention: true} by the bucket owner; anything
 * else is {@code 403 AccessDenied}. An empty {@code <Retention/>} removes the retention. The date is ISO 8601 or
 * (the OBS SDK's form) milliseconds since the epoch, and must be in the future ({@code 400 InvalidArgument}).
 */
public final class PutObjectRetentionHandler implements DocumentHandler {
    private final BucketAccess access;
    private final ObjectStore objects;
    private final Clock clock;

    public PutObjectRetentionHandler(BucketAccess access, ObjectStore objects, Clock clock) {
        this.access = access;
        this.objects = objects;
        this.clock = clock;
    }

    @Override
    public BodyPolicy bodyPolicy() {
        return LockDocuments.BODY;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        LockDocuments.requireIntegrityHeader(ctx);
        BucketRecord bucket = ObjectLockTargets.requireLockBucket(access, ctx);
        RetentionRequest request = XmlRequestParser.parse(body, "Retention", RetentionRequest.class);
        String mode = trim(request.mode);
        String date = trim(request.retainUntilDate);
        if ((mode == null) != (date == null)) {
            throw new S3Exception(S3ErrorCode.MALFORMED_XML);
        }
        Instant now = clock.instant();
        Instant until = null;
        if (mode != null) {
            boolean known = mode.equals(ObjectLock.COMPLIANCE)
                    || (mode.equals(ObjectLock.GOVERNANCE) && Service.of(ctx.dialect()) != Service.OBS);
            if (!known) {
                throw new S3Exception(S3ErrorCode.MALFORMED_XML);
            }
            until = parseDate(date);
            if (!until.isAfter(now)) {
                throw S3Exception.invalidArgument("The retain until date must be in the future!", "RetainUntilDate",
                        S3Time.iso8601(until));
            }
        }
        boolean bypass = ObjectLockRules.bypassGovernance(ctx, bucket);
        Instant newUntil = until;
        ObjectLockUpdate.apply(objects, ctx.bucket(), ctx.key(), lock -> {
            if (lock != null && lock.retainedAt(now) && !allowed(lock, mode, newUntil, bypass)) {
                throw new S3Exception(S3ErrorCode.ACCESS_DENIED);
            }
            return lock == null ? new ObjectLock(mode, newUntil, null) : lock.withRetention(mode, newUntil);
        });
        return S3Response.ok();
    }

    /** Whether a retention in force may become ({@code mode}, {@code until}); null for removal. */
    static boolean allowed(ObjectLock current, String mode, Instant until, boolean bypass) {
        boolean weakens = mode == null || until.isBefore(current.retainUntil())
                || (current.mode().equals(ObjectLock.COMPLIANCE) && !mode.equals(ObjectLock.COMPLIANCE));
        if (!weakens) {
            return true;
        }
        return current.mode().equals(ObjectLock.GOVERNANCE) && bypass;
    }

    private static Instant parseDate(String value) {
        if (value.chars().allMatch(c -> c >= '0' && c <= '9') && value.length() <= 15) {
            return Instant.ofEpochMilli(Long.parseLong(value));
        }
        try {
            return OffsetDateTime.parse(value.toUpperCase(Locale.ROOT)).toInstant();
        } catch (DateTimeParseException e) {
            throw new S3Exception(S3ErrorCode.MALFORMED_XML);
        }
    }

    private static String trim(String v) {
        if (v == null) {
            return null;
        }
        String t = v.trim();
        return t.isEmpty() ? null : t;
    }
}
