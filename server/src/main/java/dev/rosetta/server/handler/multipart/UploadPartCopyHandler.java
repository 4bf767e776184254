package dev.rosetta.server.handler.multipart;

import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.protocol.xml.doc.CopyResult;
import dev.rosetta.server.crypto.SseService;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.handler.object.BodyCopier;
import dev.rosetta.server.handler.object.CopySource;
import dev.rosetta.server.handler.object.ObjectResponseHeaders;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.MultipartSessionStore;
import dev.rosetta.storage.MultipartUpload;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.ObjectStore;
import dev.rosetta.storage.PartRecord;
import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.blob.BlobStore;
import dev.rosetta.storage.blob.BlobWriter;
import dev.rosetta.storage.crypto.EnvelopeOpener;
import dev.rosetta.storage.crypto.KeyEncryptionKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code PUT /bucket/key?partNumber=N&uploadId=ID} with {@code x-amz-copy-source}: a part made of a
 * byte range ({@code x-amz-copy-source-range: bytes=first-last}, else the whole source) of an existing
 * object. The bytes are streamed into a new blob in 1 MiB chunks on the worker while the part's MD5 and
 * the upload's checksum are computed; then the part is stored as UploadPart stores one.
 */
public final class UploadPartCopyHandler implements DocumentHandler {
    private static final Pattern RANGE = Pattern.compile("bytes=(\\d{1,19})-(\\d{1,19})");
    private static final int ATTEMPTS = 3;

    private final BucketAccess access;
    private final MultipartSessionStore uploads;
    private final ObjectStore objects;
    private final BlobStore blobs;
    private final BodyCopier copier;
    private final SseService sse;
    private final Clock clock;

    public UploadPartCopyHandler(BucketAccess access, MultipartSessionStore uploads, ObjectStore objects,
                                 BlobStore blobs, SseService sse, Clock clock) {
        this.access = access;
        this.uploads = uploads;
        this.objects = objects;
        this.blobs = blobs;
        this.copier = new BodyCopier(blobs);
        this.sse = sse;
        this.clock = clock;
    }

    @Override
    public boolean allowsAnonymous() {
        return true;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        int partNumber = PartNumbers.parse(ctx.param("partNumber"));
        String uploadId = ctx.param("uploadId");
        CopySource source = CopySource.parse(ctx);
        access.require(ctx, Permission.WRITE);
        MultipartUpload upload = uploads.require(ctx.bucket(), ctx.key(), uploadId);
        BucketRecord sourceBucket = source.bucket(access);
        KeyEncryptionKey partKey = sse.forPart(ctx, upload);
        ChecksumAlgorithm algorithm = ChecksumAlgorithm.fromName(upload.headers().checksumAlgorithm());
        for (int attempt = 1; ; attempt++) {
            ObjectRecord o = source.read(access, ctx, sourceBucket, objects);
            EnvelopeOpener sourceKeys = sse.forRead(ctx, o, true);
            CopySource.checkConditions(ctx, o);
            long[] range = range(ctx, o.size());
            if (range[1] - range[0] + 1 > CopySource.MAX_COPY_BYTES) {
                throw tooLarge();
            }
            PartRecord part;
            try {
                part = copy(o, range[0], range[1], partNumber, algorithm, sourceKeys, partKey);
            } catch (NoSuchFileException replacedMeanwhile) {
                if (attempt == ATTEMPTS) {
                    throw new UncheckedIOException(replacedMeanwhile);
                }
                continue; // the source was overwritten between reading its record and opening its blobs
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            uploads.putPart(ctx.bucket(), ctx.key(), uploadId, part); // owns the blob from here
            S3Response response = S3Response.xml(ctx.dialect(),
                    CopyResult.part(part.lastModified(), part.etag(), part.checksums()));
            ObjectResponseHeaders.encryption(response, ctx.dialect(), upload.headers().sse());
            return response;
        }
    }

    private PartRecord copy(ObjectRecord o, long first, long last, int partNumber, ChecksumAlgorithm algorithm,
                            EnvelopeOpener sourceKeys, KeyEncryptionKey partKey) throws IOException {
        try (BlobWriter writer = blobs.create(partKey == null ? null : partKey.newDataKey())) {
            BodyCopier.Digests d = copier.read(o.body(), first, last, true, algorithm, writer, sourceKeys);
            BlobRef ref = writer.commit();
            return new PartRecord(partNumber, d.size(), HexFormat.of().formatHex(d.md5()), clock.instant(),
                    algorithm == null ? Map.of() : Map.of(algorithm.name(), d.checksum()), ref);
        } catch (StorageException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw e;
        }
    }

    /** {@code [first, last]} of the source: the whole object without the header, else the header's range. */
    private static long[] range(RequestContext ctx, long size) {
        String name = ctx.dialect().header("copy-source-range");
        String value = ctx.head().header(name);
        if (value == null) {
            return new long[] {0, size - 1};
        }
        Matcher m = RANGE.matcher(value.strip());
        long first;
        long last;
        try {
            if (!m.matches()) {
                throw new NumberFormatException();
            }
            first = Long.parseLong(m.group(1));
            last = Long.parseLong(m.group(2));
        } catch (NumberFormatException e) {
            throw S3Exception.invalidArgument("The x-amz-copy-source-range value must be of the form bytes=first-last"
                    + " where first and last are the zero-based offsets of the first and last bytes to copy",
                    name, value);
        }
        if (first > last || last >= size) {
            throw S3Exception.invalidArgument("Range specified is not valid for source object of size: " + size,
                    name, value);
        }
        return new long[] {first, last};
    }

    private static S3Exception tooLarge() {
        return new S3Exception(S3ErrorCode.INVALID_REQUEST, "The specified copy source is larger than the maximum"
                + " allowable size for a copy source: " + CopySource.MAX_COPY_BYTES);
    }
}
