package dev.rosetta.server.lock;

import dev.rosetta.protocol.dialect.Service;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.handler.object.WriteGuards;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.WriteGuard;
import java.time.Clock;
import java.time.Instant;

/**
 * What a write that creates an object (PutObject, InitiateMultipartUpload, CopyObject; Complete for the guard)
 * takes from its bucket and must respect at its key:
 * <ul>
 *   <li>the bucket's default storage class when the request names none, and the object lock
 *       ({@link ObjectLockRules#forNewObject}); both are stored with the object, so changing a bucket's
 *       defaults later changes no existing object;</li>
 *   <li>the guard checked under the key's lock just before the commit: conditional headers
 *       ({@link WriteGuards}), COS's {@code x-cos-forbid-overwrite: true} ({@code 409 FileAlreadyExists}),
 *       then object-lock protection of the object it would replace ({@code 403 AccessDenied}).</li>
 * </ul>
 */
public final class NewObjectRules {
    /** COS's header; honoured on COS endpoints, whatever the signing scheme. */
    public static final String COS_FORBID_OVERWRITE = "x-cos-forbid-overwrite";

    private NewObjectRules() {
    }

    /** The headers to store: the request's with the bucket's defaults applied and the lock checked. */
    public static ObjectHeaders resolve(RequestContext ctx, BucketRecord bucket, ObjectHeaders requested,
                                        Instant now) {
        ObjectHeaders h = requested;
        if (h.storageClass() == null && bucket.defaultStorageClass() != null) {
            h = h.withStorageClass(bucket.defaultStorageClass());
        }
        return ObjectLockRules.forNewObject(h, bucket, ctx.dialect(), now);
    }

    /** The guard of a write that replaces whatever is at the request's key. */
    public static WriteGuard guard(RequestContext ctx, BucketRecord bucket, Clock clock) {
        WriteGuard conditional = WriteGuards.of(ctx.head(), ctx.key());
        boolean forbidOverwrite = forbidsOverwrite(ctx);
        WriteGuard lock = ObjectLockRules.protection(ctx, bucket, clock);
        return existing -> {
            conditional.check(existing);
            if (forbidOverwrite && existing != null) {
                throw new S3Exception(S3ErrorCode.FILE_ALREADY_EXISTS).with("Key", ctx.key());
            }
            lock.check(existing);
        };
    }

    /** Whether a COS request sent {@code x-cos-forbid-overwrite: true}. */
    static boolean forbidsOverwrite(RequestContext ctx) {
        if (Service.of(ctx.dialect()) != Service.COS) {
            return false;
        }
        String value = ctx.head().header(COS_FORBID_OVERWRITE);
        return value != null && value.trim().equalsIgnoreCase("true");
    }
}
