package dev.rosetta.storage;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.blob.BlobStore;
import dev.rosetta.storage.kv.Batch;
import dev.rosetta.storage.kv.Cursor;
import dev.rosetta.storage.kv.Database;
import dev.rosetta.storage.kv.KeyRange;
import dev.rosetta.storage.kv.Table;
import dev.rosetta.storage.schema.Keys;
import dev.rosetta.storage.schema.ObjectKey;
import dev.rosetta.storage.schema.PartKey;
import dev.rosetta.storage.schema.Schema;
import dev.rosetta.storage.schema.UploadKey;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Lock;

/**
 * Multipart uploads: initiate, look up, list; upload parts, list them; complete or abort. Thread-safe.
 *
 * <p><b>Concurrency.</b> Initiate holds the bucket's shared {@link BucketLocks lock} while it checks
 * that the bucket exists and commits, and DeleteBucket holds the exclusive one while it checks
 * emptiness and deletes: an upload is never left in a deleted bucket. UploadPart, Abort and Complete
 * hold the upload's stripe lock, so they serialise per upload: a part is never added to an upload
 * that Complete or Abort has removed, and exactly one of a racing Complete and Abort wins. Complete
 * also writes the object, so it takes the bucket's shared lock and the key's stripe lock first, in the
 * order documented on {@link StorageEngine}.
 *
 * <p><b>Blobs.</b> A part handed to {@link #putPart} owns its blob from then on (deleted if refused).
 * Complete moves the chosen parts' blobs into the object's manifest in the same batch that deletes the
 * part records; blobs dropped by a commit (a replaced part, unlisted parts, a replaced object, an
 * aborted upload's parts) are deleted after it.
 */
public final class MultipartSessionStore {
    private static final int UPLOAD_LOCK_STRIPES = 256;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Database db;
    private final BucketStore buckets;
    private final Table<UploadKey, MultipartUpload> uploads;
    private final Table<PartKey, PartRecord> parts;
    private final Table<ObjectKey, ObjectRecord> objects;
    private final BucketLocks bucketLocks;
    private final StripedLocks keyLocks;
    private final StripedLocks uploadLocks = new StripedLocks(UPLOAD_LOCK_STRIPES);
    private final UploadIdGenerator ids;
    private final BlobReclaimer reclaimer;
    private final MultipartStats stats = new MultipartStats();
    private final ObjectExpiryIndex expiry;

    MultipartSessionStore(Database db, BucketStore buckets, Table<UploadKey, MultipartUpload> uploads,
                          Table<PartKey, PartRecord> parts, Table<ObjectKey, ObjectRecord> objects,
                          BucketLocks bucketLocks, StripedLocks keyLocks, UploadIdGenerator ids, BlobStore blobs) {
        this.db = db;
        this.buckets = buckets;
        this.uploads = uploads;
        this.parts = parts;
        this.objects = objects;
        this.bucketLocks = bucketLocks;
        this.keyLocks = keyLocks;
        this.ids = ids;
        this.reclaimer = new BlobReclaimer(blobs);
        this.expiry = new ObjectExpiryIndex(db.table(Schema.EXPIRY));
        countExisting();
    }

    /** Counts the uploads and part bytes already stored, once, when the engine opens. */
    private void countExisting() {
        long count = 0;
        try (Cursor<UploadKey, MultipartUpload> c = uploads.cursor(KeyRange.all())) {
            for (c.seekToFirst(); c.valid(); c.next()) {
                count++;
            }
        }
        long bytes = 0;
        try (Cursor<PartKey, PartRecord> c = parts.cursor(KeyRange.all())) {
            for (c.seekToFirst(); c.valid(); c.next()) {
                bytes += c.value().size();
            }
        }
        stats.reset(count, bytes);
    }

    /** Unfinished uploads and the bytes their parts hold. */
    public MultipartStats stats() {
        return stats;
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
        return initiate(bucket, key, owner, initiator, dialect, headers, null, now);
    }

    /**
     * {@link #initiate(String, String, Owner, Owner, String, ObjectHeaders, Instant)} with the upload's
     * multipart checksum type ({@code COMPOSITE}, {@code FULL_OBJECT}, or null for none).
     */
    public MultipartUpload initiate(String bucket, String key, Owner owner, Owner initiator, String dialect,
                                    ObjectHeaders headers, String checksumType, Instant now) {
        return Futures.join(initiateAsync(bucket, key, owner, initiator, dialect, headers, checksumType, now));
    }

    /**
     * {@link #initiate(String, String, Owner, Owner, String, ObjectHeaders, String, Instant)} without waiting
     * for the disk: the session is queued for the group committer and the bucket's shared lock held until it
     * is durable (so DeleteBucket cannot pass it). Dependent actions run on the committer's thread.
     *
     * @return completed with the upload once durable, or failed with {@link StorageException}
     * @throws S3Exception NoSuchBucket, before anything is queued
     */
    public CompletableFuture<MultipartUpload> initiateAsync(String bucket, String key, Owner owner, Owner initiator,
                                                            String dialect, ObjectHeaders headers,
                                                            String checksumType, Instant now) {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(now, "now");
        long millis = now.toEpochMilli();
        Lock lock = bucketLocks.shared(bucket);
        MultipartUpload upload;
        CompletableFuture<Void> committed;
        CacheOnlyReads.lock(lock);
        try {
            if (!buckets.exists(bucket)) {
                throw S3Exception.noSuchBucket(bucket);
            }
            upload = new MultipartUpload(bucket, key, ids.next(millis), Instant.ofEpochMilli(millis),
                    owner, initiator, dialect, headers, checksumType);
            try (Batch batch = db.batch()) {
                committed = batch.put(uploads, new UploadKey(bucket, key, upload.uploadId()), upload).commitAsync();
            }
        } catch (RuntimeException | Error e) {
            lock.unlock();
            throw e;
        }
        return committed.handle((done, failure) -> {
            lock.unlock();
            if (failure != null) {
                throw Futures.unwrap(failure);
            }
            stats.uploadOpened();
            return upload;
        });
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
     * in one synced write, then the parts' blobs.
     *
     * @return the bytes the upload's parts held (freed once their blobs are deleted)
     * @throws S3Exception NoSuchBucket if the bucket is gone, else NoSuchUpload (404, with UploadId)
     */
    public long abort(String bucket, String key, String uploadId) {
        UploadKey uk = new UploadKey(bucket, key, uploadId);
        List<BlobRef> dropped = new ArrayList<>();
        long partBytes = 0;
        Lock lock = uploadLocks.of(uploadId);
        lock.lock();
        try {
            if (!uploads.contains(uk)) {
                throw missing(bucket, uploadId);
            }
            List<PartRecord> uploaded = allParts(uploadId);
            for (PartRecord p : uploaded) {
                dropped.add(p.blob());
                partBytes += p.size();
            }
            try (Batch batch = db.batch()) {
                batch.delete(uploads, uk);
                deleteParts(batch, uploadId, uploaded);
                batch.commit();
            }
            stats.uploadClosed(partBytes);
        } finally {
            lock.unlock();
        }
        reclaimer.free(dropped);
        return partBytes;
    }

    // --- parts ---------------------------------------------------------------------------------------

    /**
     * Stores an uploaded part (one synced write), replacing an earlier part with the same number, whose
     * blob is then deleted. {@code part}'s blob must be committed; the store owns it from this call on
     * and deletes it if the part is refused.
     *
     * @return the replaced part, or null
     * @throws S3Exception NoSuchBucket if the bucket is gone, else NoSuchUpload
     */
    public PartRecord putPart(String bucket, String key, String uploadId, PartRecord part) {
        return Futures.join(putPartAsync(bucket, key, uploadId, part));
    }

    /**
     * {@link #putPart} without waiting for the disk: the part is queued for the group committer and the upload's
     * lock held until it is durable. Dependent actions run on the committer's thread.
     *
     * @return completed with the replaced part (or null) once durable, or failed with {@link StorageException}
     * @throws S3Exception as {@link #putPart}, before anything is queued
     */
    public CompletableFuture<PartRecord> putPartAsync(String bucket, String key, String uploadId, PartRecord part) {
        Objects.requireNonNull(part, "part");
        PartKey pk = new PartKey(uploadId, part.partNumber());
        PartRecord replaced;
        boolean refusing = false;
        CompletableFuture<Void> committed;
        Lock lock = uploadLocks.of(uploadId);
        lock.lock();
        try {
            if (!uploads.contains(new UploadKey(bucket, key, uploadId))) {
                refusing = true;
                throw missing(bucket, uploadId);
            }
            replaced = parts.get(pk);
            try (Batch batch = db.batch()) {
                committed = batch.put(parts, pk, part).commitAsync();
            }
        } catch (RuntimeException | Error e) {
            lock.unlock();
            if (refusing) {
                reclaimer.free(List.of(part.blob()));
            } else {
                reclaimer.adopt(List.of(part.blob())); // the metadata decides; the sweep cleans up
            }
            throw e;
        }
        return committed.handle((done, failure) -> {
            lock.unlock();
            reclaimer.adopt(List.of(part.blob())); // committed or not, the metadata decides
            if (failure != null) {
                throw Futures.unwrap(failure);
            }
            stats.partStored(part.size(), replaced == null ? 0 : replaced.size());
            if (replaced != null && !replaced.blob().id().equals(part.blob().id())) {
                reclaimer.free(List.of(replaced.blob()));
            }
            return replaced;
        });
    }

    /**
     * ListParts: the upload and its parts numbered above {@code partNumberMarker}, up to {@code maxParts}
     * (0 gives an empty, not truncated, page). Cost grows with the page.
     *
     * @throws S3Exception NoSuchBucket if the bucket is gone, else NoSuchUpload
     */
    public PartListing listParts(String bucket, String key, String uploadId, int partNumberMarker, int maxParts) {
        if (maxParts < 0) {
            throw new IllegalArgumentException("maxParts must be >= 0: " + maxParts);
        }
        MultipartUpload upload = require(bucket, key, uploadId);
        int marker = Math.max(0, partNumberMarker);
        List<PartRecord> page = new ArrayList<>();
        boolean truncated = false;
        if (maxParts > 0 && marker < Integer.MAX_VALUE) {
            try (Cursor<PartKey, PartRecord> c = parts.cursor(Keys.partsOf(uploadId))) {
                for (c.seek(new PartKey(uploadId, marker + 1)); c.valid(); c.next()) {
                    if (page.size() == maxParts) {
                        truncated = true;
                        break;
                    }
                    page.add(c.value());
                }
            }
        }
        int next = page.isEmpty() ? marker : page.get(page.size() - 1).partNumber();
        return new PartListing(upload, page, truncated, next);
    }

    // --- complete ------------------------------------------------------------------------------------

    /**
     * CompleteMultipartUpload: turns the upload into the object at its key, in one synced write that
     * deletes the upload record and all its parts and writes the object; then deletes the blobs of the
     * replaced object and of the parts uploaded but not listed.
     *
     * <p>S3's rules, checked in this order: part numbers strictly ascending (InvalidPartOrder); each
     * listed part uploaded and its ETag matching, quotes and case ignored (InvalidPart, with PartNumber
     * and ETag); every part but the last at least {@code policy.minPartSize()} (EntityTooSmall, with
     * ProposedSize, MinSizeAllowed, PartNumber, ETag); then {@code policy.checksums} and
     * {@code policy.guard()} against the current object. The object's ETag is
     * {@code hex(MD5(concat(binary part MD5s)))-N}; it takes the upload's owner, dialect and headers.
     *
     * <p>A retried Complete whose upload is gone but whose object is still the one it completed (same
     * {@code completedUploadId}) returns that object with {@code alreadyCompleted}.
     *
     * @param requested the parts listed in the request, in request order
     * @param now       the object's Last-Modified
     * @throws S3Exception NoSuchBucket, NoSuchUpload, MalformedXML (no parts), the errors above, or
     *                     whatever the policy throws; nothing is changed then
     */
    public CompleteResult complete(String bucket, String key, String uploadId, List<RequestedPart> requested,
                                   CompletionPolicy policy, Instant now) {
        Objects.requireNonNull(requested, "requested");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(now, "now");
        UploadKey uk = new UploadKey(bucket, key, uploadId);
        ObjectKey ok = new ObjectKey(bucket, key);
        ObjectRecord existing;
        ObjectRecord record;
        List<BlobRef> unlisted = new ArrayList<>();
        Lock bucketLock = bucketLocks.shared(bucket);
        bucketLock.lock();
        try {
            if (!buckets.exists(bucket)) {
                throw S3Exception.noSuchBucket(bucket);
            }
            Lock keyLock = keyLocks.of(bucket, key);
            keyLock.lock();
            try {
                Lock uploadLock = uploadLocks.of(uploadId);
                uploadLock.lock();
                try {
                    existing = objects.get(ok);
                    MultipartUpload upload = uploads.get(uk);
                    if (upload == null) {
                        if (existing != null && uploadId.equals(existing.completedUploadId())) {
                            return new CompleteResult(existing, true);
                        }
                        throw missing(bucket, uploadId);
                    }
                    List<PartRecord> uploaded = allParts(uploadId);
                    List<PartRecord> chosen = choose(requested, uploaded, policy.minPartSize(), unlisted);
                    ObjectChecksums checksums = policy.checksums(List.copyOf(chosen), upload);
                    if (checksums == null) {
                        checksums = ObjectChecksums.NONE;
                    }
                    List<ManifestPart> manifest = new ArrayList<>(chosen.size());
                    for (PartRecord p : chosen) {
                        manifest.add(ManifestPart.of(p));
                    }
                    ObjectBody.Manifest body = new ObjectBody.Manifest(manifest);
                    record = new ObjectRecord(bucket, key, body.size(), multipartEtag(chosen), now, upload.owner(),
                            upload.dialect(), upload.headers(), checksums.values(), checksums.type(), body, uploadId);
                    policy.guard().check(existing);
                    try (Batch batch = db.batch()) {
                        batch.delete(uploads, uk).put(objects, ok, record);
                        deleteParts(batch, uploadId, uploaded);
                        expiry.stage(batch, existing, record);
                        batch.commit();
                    }
                    long partBytes = 0;
                    for (PartRecord p : uploaded) {
                        partBytes += p.size();
                    }
                    stats.uploadClosed(partBytes);
                } finally {
                    uploadLock.unlock();
                }
            } finally {
                keyLock.unlock();
            }
        } finally {
            bucketLock.unlock();
        }
        reclaimer.replaced(existing, record);
        reclaimer.free(unlisted);
        return new CompleteResult(record, false);
    }

    /**
     * Checks the requested list against the uploaded parts; returns the chosen parts in order and adds
     * the blobs of uploaded parts not listed to {@code unlisted}.
     */
    private static List<PartRecord> choose(List<RequestedPart> requested, List<PartRecord> uploaded, long minPartSize,
                                           List<BlobRef> unlisted) {
        if (requested.isEmpty()) {
            throw new S3Exception(S3ErrorCode.MALFORMED_XML);
        }
        for (int i = 1; i < requested.size(); i++) {
            if (requested.get(i).partNumber() <= requested.get(i - 1).partNumber()) {
                throw new S3Exception(S3ErrorCode.INVALID_PART_ORDER);
            }
        }
        Map<Integer, PartRecord> byNumber = new HashMap<>();
        for (PartRecord p : uploaded) {
            byNumber.put(p.partNumber(), p);
        }
        List<PartRecord> chosen = new ArrayList<>(requested.size());
        for (RequestedPart r : requested) {
            PartRecord p = byNumber.remove(r.partNumber());
            if (p == null || !etagMatches(r.etag(), p.etag())) {
                throw new S3Exception(S3ErrorCode.INVALID_PART)
                        .with("PartNumber", Integer.toString(r.partNumber()))
                        .with("ETag", r.etag());
            }
            chosen.add(p);
        }
        for (int i = 0; i < chosen.size() - 1; i++) {
            PartRecord p = chosen.get(i);
            if (p.size() < minPartSize) {
                throw new S3Exception(S3ErrorCode.ENTITY_TOO_SMALL)
                        .with("ProposedSize", Long.toString(p.size()))
                        .with("MinSizeAllowed", Long.toString(minPartSize))
                        .with("PartNumber", Integer.toString(p.partNumber()))
                        .with("ETag", p.etag());
            }
        }
        for (PartRecord p : byNumber.values()) {
            unlisted.add(p.blob());
        }
        return chosen;
    }

    /** Whether a client's ETag names a part's: surrounding quotes and case ignored. */
    static boolean etagMatches(String requested, String stored) {
        if (requested == null) {
            return false;
        }
        String r = requested.strip();
        if (r.length() >= 2 && r.startsWith("\"") && r.endsWith("\"")) {
            r = r.substring(1, r.length() - 1);
        }
        return r.equalsIgnoreCase(stored);
    }

    /** {@code hex(MD5(concatenation of each part's binary MD5)) + "-" + N}. */
    static String multipartEtag(List<PartRecord> chosen) {
        MessageDigest md5;
        try {
            md5 = MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("MD5 unavailable", e);
        }
        for (PartRecord p : chosen) {
            md5.update(hexToBytes(p.etag()));
        }
        byte[] digest = md5.digest();
        char[] out = new char[digest.length * 2];
        for (int i = 0; i < digest.length; i++) {
            out[2 * i] = HEX[(digest[i] >> 4) & 0xF];
            out[2 * i + 1] = HEX[digest[i] & 0xF];
        }
        return new String(out) + "-" + chosen.size();
    }

    private static byte[] hexToBytes(String hex) {
        if (hex.length() % 2 != 0) {
            throw new StorageException("part ETag is not hex: " + hex);
        }
        byte[] out = new byte[hex.length() / 2];
        for (int i = 0; i < out.length; i++) {
            int hi = Character.digit(hex.charAt(2 * i), 16);
            int lo = Character.digit(hex.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                throw new StorageException("part ETag is not hex: " + hex);
            }
            out[i] = (byte) ((hi << 4) | lo);
        }
        return out;
    }

    /**
     * Deletes the listed parts one key at a time. Not a range delete: every range tombstone stays in the
     * memtable until flushed and is replayed by each new iterator, so aborting many uploads with range
     * deletes made every later cursor slower (quadratic in the number of aborts).
     */
    private void deleteParts(Batch batch, String uploadId, List<PartRecord> uploaded) {
        for (PartRecord p : uploaded) {
            batch.delete(parts, new PartKey(uploadId, p.partNumber()));
        }
    }

    /** Every part of an upload, by part number (at most 10,000). */
    private List<PartRecord> allParts(String uploadId) {
        List<PartRecord> out = new ArrayList<>();
        try (Cursor<PartKey, PartRecord> c = parts.cursor(Keys.partsOf(uploadId))) {
            for (c.seekToFirst(); c.valid(); c.next()) {
                out.add(c.value());
            }
        }
        return out;
    }

    // --- listing -------------------------------------------------------------------------------------

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
        if (!buckets.exists(bucket)) {
            throw S3Exception.noSuchBucket(bucket);
        }
        int max = request.maxUploads();
        if (max == 0) {
            return UploadListing.EMPTY;
        }
        String prefix = request.prefix() == null ? "" : request.prefix();
        String delimiter = ListingWalk.isEmpty(request.delimiter()) ? null : request.delimiter();
        String keyMarker = ListingWalk.isEmpty(request.keyMarker()) ? null : request.keyMarker();
        String uploadIdMarker = keyMarker == null || ListingWalk.isEmpty(request.uploadIdMarker()) ? null
                : request.uploadIdMarker();

        ListingWalk.Page<MultipartUpload> page;
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
            page = ListingWalk.walk(c, UploadKey::key, bucket, prefix, delimiter, keyMarker, max);
            if (moves != null) {
                moves[0] = c.moves();
            }
        }
        if (!page.truncated()) {
            return new UploadListing(page.entries(), page.commonPrefixes(), false, null, null);
        }
        return new UploadListing(page.entries(), page.commonPrefixes(), true, page.lastKey(),
                page.lastEntry() == null ? null : page.lastEntry().uploadId());
    }

    private S3Exception missing(String bucket, String uploadId) {
        if (!buckets.exists(bucket)) {
            return S3Exception.noSuchBucket(bucket);
        }
        return new S3Exception(S3ErrorCode.NO_SUCH_UPLOAD).with("UploadId", uploadId);
    }
}
