package dev.rosetta.storage;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.storage.kv.Batch;
import dev.rosetta.storage.kv.Cursor;
import dev.rosetta.storage.kv.Database;
import dev.rosetta.storage.kv.KeyRange;
import dev.rosetta.storage.kv.Table;
import dev.rosetta.storage.schema.Keys;
import dev.rosetta.storage.schema.PartKey;
import dev.rosetta.storage.schema.UploadKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Multipart upload sessions: initiate, look up, abort, list. (Parts and Complete come next, on the
 * {@code parts} family and the per-upload locks below.) Thread-safe.
 *
 * <p><b>Concurrency.</b> Initiate holds the bucket's shared {@link BucketLocks lock} while it checks
 * that the bucket exists and commits, and DeleteBucket holds the exclusive one while it checks
 * emptiness and deletes: an upload is never left in a deleted bucket and a bucket is never deleted
 * while an upload is being created in it. Abort holds the upload's stripe of {@link #uploadLock} so
 * that it serialises with other operations on the same upload (UploadPart, Complete next).
 */
public final class MultipartSessionStore {
    private static final int UPLOAD_LOCK_STRIPES = 256;

    private final Database db;
    private final Table<String, BucketRecord> buckets;
    private final Table<UploadKey, MultipartUpload> uploads;
    private final Table<PartKey, byte[]> parts;
    private final BucketLocks bucketLocks;
    private final UploadIdGenerator ids;
    private final ReentrantLock[] uploadLocks;

    MultipartSessionStore(Database db, Table<String, BucketRecord> buckets, Table<UploadKey, MultipartUpload> uploads,
                          Table<PartKey, byte[]> parts, BucketLocks bucketLocks, UploadIdGenerator ids) {
        this.db = db;
        this.buckets = buckets;
        this.uploads = uploads;
        this.parts = parts;
        this.bucketLocks = bucketLocks;
        this.ids = ids;
        this.uploadLocks = new ReentrantLock[UPLOAD_LOCK_STRIPES];
        for (int i = 0; i < uploadLocks.length; i++) {
            uploadLocks[i] = new ReentrantLock();
        }
    }

    /**
     * Starts an upload: checks the bucket, makes an id, stores the session in one synced write.
     *
     * @param owner     the account that will own the object
     * @param initiator the account making the request
     * @param now       initiation time; kept (and encoded in the id) with millisecond precision
     * @throws S3Exception NoSuchBucket
     */
    public MultipartUpload initiate(String bucket, String key, Owner owner, Owner initiator, String dialect,
                                    ObjectHeaders headers, Instant now) {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        long millis = now.toEpochMilli();
        Lock lock = bucketLocks.shared(bucket);
        lock.lock();
        try {
            if (!buckets.contains(bucket)) {
                throw S3Exception.noSuchBucket(bucket);
            }
            MultipartUpload upload = new MultipartUpload(bucket, key, ids.next(millis), Instant.ofEpochMilli(millis),
                    owner, initiator, dialect, headers);
            try (Batch batch = db.batch()) {
                batch.put(uploads, new UploadKey(bucket, key, upload.uploadId()), upload).commit();
            }
            return upload;
        } finally {
            lock.unlock();
        }
    }

    public Optional<MultipartUpload> find(String bucket, String key, String uploadId) {
        return uploads.find(new UploadKey(bucket, key, uploadId));
    }

    /** @throws S3Exception NoSuchBucket if the bucket is gone, else NoSuchUpload */
    public MultipartUpload require(String bucket, String key, String uploadId) {
        MultipartUpload u = uploads.get(new UploadKey(bucket, key, uploadId));
        if (u == null) {
            throw missing(bucket, uploadId);
        }
        return u;
    }

    /**
     * Drops an upload: its record and all its parts (one range tombstone over the upload's part keys)
     * in one synced write. Part blobs are removed after the commit, by the blob layer (next issue).
     *
     * @throws S3Exception NoSuchBucket if the bucket is gone, else NoSuchUpload (404, with UploadId)
     */
    public void abort(String bucket, String key, String uploadId) {
        UploadKey uk = new UploadKey(bucket, key, uploadId);
        Lock lock = uploadLock(uploadId);
        lock.lock();
        try {
            if (!uploads.contains(uk)) {
                throw missing(bucket, uploadId);
            }
            try (Batch batch = db.batch()) {
                batch.delete(uploads, uk)
                        .deleteRange(parts, Keys.partsOf(uploadId))
                        .commit();
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * ListMultipartUploads, with S3's semantics: entries sorted by key (UTF-8 byte order) then upload
     * id; markers, prefix and delimiter as documented on {@link UploadListRequest}. A common prefix
     * counts as one entry, is emitted once, and a common prefix at or before the key marker is not
     * emitted again (it was on an earlier page).
     *
     * <p>Cost is one seek per page plus one step per emitted upload and one seek per common prefix
     * (the cursor jumps past every key under it), so it grows with the page size, not the bucket.
     *
     * @throws S3Exception NoSuchBucket
     */
    public UploadListing list(String bucket, UploadListRequest request) {
        return list(bucket, request, null);
    }

    /** {@link #list(String, UploadListRequest)}, reporting the cursor's seeks and steps in {@code moves[0]}. */
    UploadListing list(String bucket, UploadListRequest request, long[] moves) {
        if (!buckets.contains(bucket)) {
            throw S3Exception.noSuchBucket(bucket);
        }
        int max = request.maxUploads();
        if (max == 0) {
            return UploadListing.EMPTY;
        }
        String prefix = request.prefix() == null ? "" : request.prefix();
        String delimiter = isEmpty(request.delimiter()) ? null : request.delimiter();
        String keyMarker = isEmpty(request.keyMarker()) ? null : request.keyMarker();
        String uploadIdMarker = keyMarker == null || isEmpty(request.uploadIdMarker()) ? null
                : request.uploadIdMarker();

        List<MultipartUpload> page = new ArrayList<>();
        List<String> commonPrefixes = new ArrayList<>();
        boolean truncated = false;
        String lastKey = null;
        String lastUploadId = null;

        KeyRange range = Keys.keysWithPrefix(bucket, prefix);
        try (Cursor<UploadKey, MultipartUpload> c = uploads.cursor(range)) {
            if (keyMarker == null) {
                c.seekToFirst();
            } else if (uploadIdMarker == null) {
                c.seekRaw(Keys.afterKey(bucket, keyMarker));
            } else {
                c.seek(new UploadKey(bucket, keyMarker, uploadIdMarker));
                if (c.valid()) {
                    UploadKey at = c.key();
                    if (at.key().equals(keyMarker) && at.uploadId().equals(uploadIdMarker)) {
                        c.next();
                    }
                }
            }
            int count = 0;
            while (c.valid()) {
                UploadKey at = c.key();
                if (delimiter != null) {
                    int d = at.key().indexOf(delimiter, prefix.length());
                    if (d >= 0) {
                        String cp = at.key().substring(0, d + delimiter.length());
                        if (keyMarker == null || Keys.compareUtf8(cp, keyMarker) > 0) {
                            if (count == max) {
                                truncated = true;
                                break;
                            }
                            commonPrefixes.add(cp);
                            count++;
                            lastKey = cp;
                            lastUploadId = null;
                        }
                        c.seekRaw(Keys.afterKeysWithPrefix(bucket, cp));
                        continue;
                    }
                }
                if (count == max) {
                    truncated = true;
                    break;
                }
                MultipartUpload u = c.value();
                page.add(u);
                count++;
                lastKey = u.key();
                lastUploadId = u.uploadId();
                c.next();
            }
            if (moves != null) {
                moves[0] = c.moves();
            }
        }
        return truncated
                ? new UploadListing(page, commonPrefixes, true, lastKey, lastUploadId)
                : new UploadListing(page, commonPrefixes, false, null, null);
    }

    private S3Exception missing(String bucket, String uploadId) {
        if (!buckets.contains(bucket)) {
            return S3Exception.noSuchBucket(bucket);
        }
        return new S3Exception(S3ErrorCode.NO_SUCH_UPLOAD).with("UploadId", uploadId);
    }

    /** The stripe lock serialising operations on one upload id. */
    Lock uploadLock(String uploadId) {
        int h = uploadId.hashCode();
        h ^= h >>> 16;
        return uploadLocks[h & (UPLOAD_LOCK_STRIPES - 1)];
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
