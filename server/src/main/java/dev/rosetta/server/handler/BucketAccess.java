package dev.rosetta.server.handler;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.server.access.AccessEvaluator;
import dev.rosetta.server.access.Accounts;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.BucketStore;
import dev.rosetta.storage.ObjectRecord;

/**
 * Who may act on a bucket and its objects, decided by {@link AccessEvaluator} from the records the handler
 * reads anyway. A missing bucket is NoSuchBucket for everyone, anonymous requests included (as S3 answers).
 * <ul>
 *   <li>{@link #requireOwned}: the bucket's configuration (location, versioning, lifecycle, deletion, ...) is
 *       its owner's alone, whatever the ACL;</li>
 *   <li>{@link #require(RequestContext, Permission)}: a bucket permission from its ACL (READ: listings,
 *       HeadBucket; WRITE: writing and deleting objects, multipart uploads; READ_ACP / WRITE_ACP: its ACL);</li>
 *   <li>{@link #requireObject}: an object permission (READ: GET/HEAD and copy source; READ_ACP / WRITE_ACP: its
 *       ACL). A missing object is NoSuchKey only for a principal that may list the bucket, else AccessDenied,
 *       so that keys cannot be probed (S3's rule).</li>
 * </ul>
 */
public final class BucketAccess {
    private final BucketStore buckets;
    private final Accounts accounts;

    public BucketAccess(BucketStore buckets) {
        this(buckets, Accounts.UNKNOWN);
    }

    public BucketAccess(BucketStore buckets, Accounts accounts) {
        this.buckets = buckets;
        this.accounts = accounts;
    }

    /** The server's accounts (grantee checks, display names). */
    public Accounts accounts() {
        return accounts;
    }

    /** The bucket, if the request's principal owns it; AccessDenied otherwise (anonymous too). */
    public BucketRecord requireOwned(RequestContext ctx) {
        Owner principal = ctx.requirePrincipal();
        BucketRecord bucket = buckets.require(ctx.bucket());
        if (!bucket.owner().id().equals(principal.id())) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED);
        }
        return bucket;
    }

    /** The bucket, if the principal (signed or anonymous) holds {@code permission} on it; else AccessDenied. */
    public BucketRecord require(RequestContext ctx, Permission permission) {
        BucketRecord bucket = buckets.require(ctx.bucket());
        require(ctx, bucket, permission);
        return bucket;
    }

    /** Checks a bucket permission on a bucket record already read (another bucket than the addressed one). */
    public void require(RequestContext ctx, BucketRecord bucket, Permission permission) {
        if (!AccessEvaluator.bucketAllows(ctx.principal(), bucket, permission)) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED);
        }
    }

    /** The addressed bucket, unchecked (the object's ACL decides next); NoSuchBucket when missing. */
    public BucketRecord bucket(RequestContext ctx) {
        return buckets.require(ctx.bucket());
    }

    /** A bucket by name, unchecked; NoSuchBucket when missing. */
    public BucketRecord bucket(String name) {
        return buckets.require(name);
    }

    /**
     * Checks an object permission.
     *
     * @param object the object read from {@code bucket}, or null when there is none
     * @param key    its key (for the NoSuchKey answer)
     * @return the object
     * @throws S3Exception AccessDenied; NoSuchKey when the object is missing and the principal may list the
     *                     bucket
     */
    public ObjectRecord requireObject(RequestContext ctx, BucketRecord bucket, ObjectRecord object, String key,
                                      Permission permission) {
        if (object == null) {
            throw missing(ctx, bucket, key);
        }
        if (!AccessEvaluator.objectAllows(ctx.principal(), bucket, object, permission)) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED);
        }
        return object;
    }

    /** Checks that the principal controls the object entirely (its owner, the bucket owner, FULL_CONTROL). */
    public ObjectRecord requireObjectControl(RequestContext ctx, BucketRecord bucket, ObjectRecord object,
                                             String key) {
        if (object == null) {
            throw missing(ctx, bucket, key);
        }
        if (!AccessEvaluator.objectControlled(ctx.principal(), bucket, object)) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED);
        }
        return object;
    }

    /** NoSuchKey for a principal that may list the bucket, AccessDenied for anyone else. */
    public S3Exception missing(RequestContext ctx, BucketRecord bucket, String key) {
        if (AccessEvaluator.bucketAllows(ctx.principal(), bucket, Permission.READ)) {
            return new S3Exception(S3ErrorCode.NO_SUCH_KEY).with("Key", key);
        }
        return new S3Exception(S3ErrorCode.ACCESS_DENIED);
    }

    /**
     * The account that owns what this request writes: the signer; for an anonymous write (a public-read-write
     * bucket) the bucket owner.
     */
    public Owner writer(RequestContext ctx, BucketRecord bucket) {
        Owner principal = ctx.principal();
        return principal != null ? principal : bucket.owner();
    }
}
