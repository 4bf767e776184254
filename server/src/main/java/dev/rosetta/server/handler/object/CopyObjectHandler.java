package dev.rosetta.server.handler.object;

import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.protocol.model.Tag;
import dev.rosetta.protocol.xml.doc.CopyResult;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.server.crypto.CopyBodies;
import dev.rosetta.server.crypto.SseService;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.server.lock.NewObjectRules;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.ObjectBody;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.ObjectStore;
import dev.rosetta.storage.WriteGuard;
import dev.rosetta.storage.blob.BlobStore;
import dev.rosetta.storage.crypto.EnvelopeOpener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code PUT /bucket/key} with {@code x-amz-copy-source}. The metadata directive COPY (default) keeps
 * the source's content headers and user metadata, REPLACE takes the request's; the tagging directive
 * likewise for tags; storage class, ACL, encryption, redirect and lock always come from the request,
 * as in S3. The bytes are not read (unless the encryption changes between plain and encrypted): a copy onto
 * itself reuses the source's blobs (a metadata-only rewrite), any other copy gets its own hard-linked blobs
 * ({@link BlobStore#copy}); inline bodies are
 * copied as they are. The ETag and checksums stay the source's, unless the request names another
 * checksum algorithm, which is then computed over the bytes (FULL_OBJECT). Encryption: an SSE-C source needs
 * its key in the copy-source headers; the destination is encrypted as the request asks, by re-wrapping the
 * source's data keys or, between plain and encrypted, by streaming the bytes through the ciphers
 * ({@link CopyBodies}).
 */
public final class CopyObjectHandler implements DocumentHandler {
    private static final int ATTEMPTS = 3;
    static final String SELF_COPY_MESSAGE = "This copy request is illegal because it is trying to copy an object to"
            + " itself without changing the object's metadata, storage class, website redirect location or"
            + " encryption attributes.";

    private final BucketAccess access;
    private final ObjectStore objects;
    private final BodyCopier copier;
    private final CopyBodies bodies;
    private final SseService sse;
    private final Clock clock;

    public CopyObjectHandler(BucketAccess access, ObjectStore objects, BlobStore blobs, SseService sse, Clock clock) {
        this.access = access;
        this.objects = objects;
        this.copier = new BodyCopier(blobs);
        this.bodies = new CopyBodies(blobs);
        this.sse = sse;
        this.clock = clock;
    }

    /** Signals that the object copied onto itself changed before the copy committed. */
    private static final class SourceChanged extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SourceChanged() {
            super(null, null, false, false);
        }
    }

    @Override
    public boolean allowsAnonymous() {
        return true;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        Dialect dialect = ctx.dialect();
        RequestHead h = ctx.head();
        CopySource source = CopySource.parse(ctx);
        BucketRecord bucket = access.require(ctx, Permission.WRITE); // before anything is created (SSE-KMS keys)
        BucketRecord sourceBucket = source.bucket(access);
        boolean replaceMetadata = directive(h, dialect.header("metadata-directive"), "Unknown metadata directive.");
        boolean replaceTags = directive(h, dialect.header("tagging-directive"), "Unknown tagging directive.");
        SseService.WriteEncryption encryption = sse.forWrite(ctx, bucket); // the destination's headers and key
        ObjectHeaders requested = encryption.headers();
        WriteGuard destinationGuard = NewObjectRules.guard(ctx, bucket, clock); // conditions, forbid-overwrite, lock
        access.accounts().checkGrantees(requested.acl());
        boolean self = source.isTarget(ctx);
        for (int attempt = 1; ; attempt++) {
            ObjectRecord src = source.read(access, ctx, sourceBucket, objects);
            EnvelopeOpener sourceKeys = sse.forRead(ctx, src, true);
            CopySource.checkConditions(ctx, src);
            if (src.size() > CopySource.MAX_COPY_BYTES) {
                throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "The specified copy source is larger than the"
                        + " maximum allowable size for a copy source: " + CopySource.MAX_COPY_BYTES);
            }
            ChecksumAlgorithm wanted = ChecksumAlgorithm.fromName(requested.checksumAlgorithm());
            if (self && !replaceMetadata && !changesAttributes(requested, src, wanted)) {
                throw new S3Exception(S3ErrorCode.INVALID_REQUEST, SELF_COPY_MESSAGE);
            }
            ObjectHeaders headers = NewObjectRules.resolve(ctx, bucket,
                    destinationHeaders(src.headers(), requested, replaceMetadata, replaceTags), clock.instant());
            ObjectRecord record;
            try {
                Map<String, String> checksums = src.checksums();
                String checksumType = src.checksumType();
                if (wanted != null && !checksums.containsKey(wanted.name())) {
                    BodyCopier.Digests d = copier.read(src.body(), 0, src.size() - 1, false, wanted, null,
                            sourceKeys);
                    checksums = Map.of(wanted.name(), d.checksum());
                    checksumType = "FULL_OBJECT";
                }
                ObjectBody copied = bodies.copy(src.body(), self, sourceKeys, encryption.key());
                record = new ObjectRecord(bucket.name(), ctx.key(), src.size(), src.etag(), clock.instant(),
                        access.writer(ctx, bucket), dialect.name(), headers, checksums, checksumType, copied, null);
            } catch (NoSuchFileException replacedMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw new UncheckedIOException(replacedMeanwhile);
                }
                continue;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            WriteGuard guard = existing -> {
                destinationGuard.check(existing);
                if (self && (existing == null || !existing.body().equals(src.body()))) {
                    throw new SourceChanged(); // its blobs may be gone: read it again
                }
            };
            try {
                objects.put(record, guard); // owns the record's blobs from here, stored or not
            } catch (SourceChanged changed) {
                if (attempt == ATTEMPTS) {
                    throw new S3Exception(S3ErrorCode.NO_SUCH_KEY).with("Key", source.key());
                }
                continue;
            }
            S3Response response = S3Response.xml(dialect, CopyResult.object(record.lastModified(), record.etag(),
                    record.checksums(), record.checksumType()));
            ObjectResponseHeaders.encryption(response, dialect, headers.sse());
            return response;
        }
    }

    /** True for REPLACE, false for COPY or absent; InvalidArgument otherwise. */
    private static boolean directive(RequestHead h, String name, String message) {
        String value = h.header(name);
        if (value == null) {
            return false;
        }
        String v = value.strip().toUpperCase(Locale.ROOT);
        if (v.equals("COPY")) {
            return false;
        }
        if (v.equals("REPLACE")) {
            return true;
        }
        throw S3Exception.invalidArgument(message, name, value);
    }

    /** Whether a copy onto itself changes something S3 lets it change without REPLACE. */
    private static boolean changesAttributes(ObjectHeaders requested, ObjectRecord src, ChecksumAlgorithm wanted) {
        StorageClass current = src.headers().storageClass() == null ? StorageClass.STANDARD
                : src.headers().storageClass();
        return (requested.storageClass() != null && requested.storageClass() != current)
                || requested.websiteRedirectLocation() != null
                || requested.sse() != null
                || (wanted != null && !src.checksums().containsKey(wanted.name()));
    }

    private static ObjectHeaders destinationHeaders(ObjectHeaders src, ObjectHeaders req, boolean replaceMetadata,
                                                    boolean replaceTags) {
        ObjectHeaders content = replaceMetadata ? req : src;
        List<Tag> tags = replaceTags ? req.tags() : src.tags();
        String checksumAlgorithm = req.checksumAlgorithm() != null ? req.checksumAlgorithm() : src.checksumAlgorithm();
        return new ObjectHeaders(content.contentType(), content.cacheControl(), content.contentDisposition(),
                content.contentEncoding(), content.contentLanguage(), content.expires(),
                req.websiteRedirectLocation(), content.userMetadata(), req.storageClass(), req.acl(), tags,
                req.sse(), req.objectLock(), checksumAlgorithm, req.expiresDays());
    }
}
