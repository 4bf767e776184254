package dev.rosetta.server.handler.multipart;

import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.server.body.BodySink;
import dev.rosetta.server.body.ReceivedBody;
import dev.rosetta.server.crypto.SseService;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.handler.StreamingHandler;
import dev.rosetta.server.handler.object.ObjectResponseHeaders;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.MultipartSessionStore;
import dev.rosetta.storage.MultipartUpload;
import dev.rosetta.storage.PartRecord;
import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.blob.BlobStore;
import dev.rosetta.storage.blob.BlobWriter;
import dev.rosetta.storage.crypto.KeyEncryptionKey;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code PUT /bucket/key?partNumber=N&uploadId=ID}: the part number and the upload are checked before
 * any body byte is taken; the body streams into a new blob while its MD5 (the part's ETag) and the
 * upload's checksum (or the one the client sent) are computed; once every check passed the blob is
 * committed and the part stored in one synced write, replacing an earlier part with the same number.
 * A failure at any point leaves no part and no blob.
 */
public final class UploadPartHandler implements StreamingHandler {
    /** S3's largest part. */
    public static final long MAX_PART_BYTES = 5L << 30;

    private final BucketAccess access;
    private final MultipartSessionStore uploads;
    private final BlobStore blobs;
    private final SseService sse;
    private final Clock clock;

    public UploadPartHandler(BucketAccess access, MultipartSessionStore uploads, BlobStore blobs, SseService sse,
                             Clock clock) {
        this.access = access;
        this.uploads = uploads;
        this.blobs = blobs;
        this.sse = sse;
        this.clock = clock;
    }

    @Override
    public long maxBodyBytes() {
        return MAX_PART_BYTES;
    }

    @Override
    public boolean allowsAnonymous() {
        return true;
    }

    @Override
    public BodySink open(RequestContext ctx) {
        int partNumber = PartNumbers.parse(ctx.param("partNumber"));
        String uploadId = ctx.param("uploadId");
        access.require(ctx, Permission.WRITE);
        MultipartUpload upload = uploads.require(ctx.bucket(), ctx.key(), uploadId);
        ChecksumAlgorithm uploadAlgorithm = ChecksumAlgorithm.fromName(upload.headers().checksumAlgorithm());
        KeyEncryptionKey partKey = sse.forPart(ctx, upload); // SSE-C: the upload's key, checked before any byte
        BlobWriter blob = blobs.create(partKey == null ? null : partKey.newDataKey());
        return new BodySink() {
            @Override
            public ChecksumAlgorithm wantedChecksum() {
                return uploadAlgorithm;
            }

            @Override
            public void write(ByteBuffer data) {
                blob.write(data);
            }

            @Override
            public CompletionStage<S3Response> complete(ReceivedBody received) {
                ChecksumAlgorithm algorithm = received.checksumAlgorithm();
                if (uploadAlgorithm != null && algorithm != uploadAlgorithm) {
                    throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "Checksum Type mismatch occurred, expected"
                            + " checksum Type: " + uploadAlgorithm.headerSuffix() + ", actual checksum Type: "
                            + (algorithm == null ? "null" : algorithm.headerSuffix()));
                }
                Map<String, String> checksums = algorithm == null ? Map.of()
                        : Map.of(algorithm.name(), received.checksumBase64());
                BlobRef ref = blob.commit();
                PartRecord part = new PartRecord(partNumber, received.size(), received.md5Hex(), clock.instant(),
                        checksums, ref);
                S3Response response = S3Response.ok().header("ETag", ObjectResponseHeaders.quoted(part.etag()));
                if (algorithm != null) {
                    response.header(algorithm.headerName(), received.checksumBase64());
                }
                ObjectResponseHeaders.encryption(response, ctx.dialect(), upload.headers().sse());
                // owns the blob from here, stored or not; answered once durable
                return uploads.putPartAsync(ctx.bucket(), ctx.key(), uploadId, part).thenApply(replaced -> response);
            }

            @Override
            public void abort() {
                blob.abort();
            }
        };
    }
}
