package dev.rosetta.server.handler.object;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.Preconditions;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.server.lock.ObjectLockRules;
import dev.rosetta.storage.ObjectStore;
import dev.rosetta.storage.WriteGuard;
import java.time.Clock;

/**
 * {@code DELETE /bucket/key}: 204 whether or not the key existed (S3 answers the same), the record
 * removed in one synced write and its blobs after. {@code If-Match} makes the delete conditional (412
 * when the ETag differs, 404 NoSuchKey when nothing is there), as S3's conditional deletes.
 */
public final class DeleteObjectHandler implements DocumentHandler {
    private final BucketAccess access;
    private final ObjectStore objects;
    private final Clock clock;

    public DeleteObjectHandler(BucketAccess access, ObjectStore objects) {
        this(access, objects, Clock.systemUTC());
    }

    /** @param clock what object-lock retain-until dates are compared with */
    public DeleteObjectHandler(BucketAccess access, ObjectStore objects, Clock clock) {
        this.access = access;
        this.objects = objects;
        this.clock = clock;
    }

    @Override
    public boolean allowsAnonymous() {
        return true;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        requireNullVersion(ctx.param("versionId"));
        String ifMatch = ctx.head().header("if-match");
        WriteGuard guard = ifMatch == null ? WriteGuard.NONE : existing -> {
            if (existing == null) {
                throw new S3Exception(S3ErrorCode.NO_SUCH_KEY).with("Key", ctx.key());
            }
            if (!Preconditions.matches(ifMatch, existing.etag())) {
                throw Preconditions.failed("If-Match");
            }
        };
        var bucket = access.require(ctx, Permission.WRITE);
        WriteGuard lock = ObjectLockRules.protection(ctx, bucket, clock); // 403 under retention or legal hold
        WriteGuard conditional = guard;
        objects.delete(ctx.bucket(), ctx.key(), existing -> {
            conditional.check(existing);
            lock.check(existing);
        });
        return S3Response.noContent();
    }

    /** Without versioning only the {@code null} version exists; other version ids are NotImplemented. */
    static void requireNullVersion(String versionId) {
        if (versionId != null && !versionId.equals("null")) {
            throw new S3Exception(S3ErrorCode.NOT_IMPLEMENTED,
                    "Deleting a specific version is not implemented by this server (no versioning).")
                    .with("ArgumentName", "versionId");
        }
    }
}
