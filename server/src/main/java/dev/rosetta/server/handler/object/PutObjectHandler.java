package dev.rosetta.server.handler.object;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.server.body.BodySink;
import dev.rosetta.server.body.ReceivedBody;
import dev.rosetta.server.crypto.SseService;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.handler.StreamingHandler;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.server.lock.NewObjectRules;
import dev.rosetta.storage.BodyWriter;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.ObjectStore;
import dev.rosetta.storage.WriteGuard;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * {@code PUT /bucket/key}: the body streams into the object store's body writer (inline in the record
 * when small, a durable blob otherwise) while its digests are computed; once every check passed the
 * record is committed in one synced write, replacing any previous object, and the old blobs are freed.
 * The write goes to the group committer: the thread that served the request does not wait for the fsync, the
 * answer is sent once the write is durable.
 */
public final class PutObjectHandler implements StreamingHandler {
    /** S3's largest single PUT. */
    public static final long MAX_OBJECT_BYTES = 5L << 30;

    private final BucketAccess access;
    private final ObjectStore objects;
    private final SseService sse;
    private final Clock clock;

    public PutObjectHandler(BucketAccess access, ObjectStore objects, SseService sse, Clock clock) {
        this.access = access;
        this.objects = objects;
        this.sse = sse;
        this.clock = clock;
    }

    @Override
    public long maxBodyBytes() {
        return MAX_OBJECT_BYTES;
    }

    @Override
    public boolean triesOnEventLoop(long length) {
        return objects.storesInline(length); // kept in memory, committed asynchronously
    }

    @Override
    public boolean allowsAnonymous() {
        return true;
    }

    @Override
    public BodySink open(RequestContext ctx) {
        BucketRecord bucket = access.require(ctx, Permission.WRITE); // before anything is created (SSE-KMS keys)
        Dialect dialect = ctx.dialect();
        SseService.WriteEncryption encryption = sse.forWrite(ctx, bucket); // the headers, and the key the bytes get
        ObjectHeaders headers = NewObjectRules.resolve(ctx, bucket, encryption.headers(), clock.instant());
        WriteGuard guard = NewObjectRules.guard(ctx, bucket, clock); // conditions, forbid-overwrite, object lock
        access.accounts().checkGrantees(headers.acl());
        BodyWriter body = objects.newBody(encryption.newDataKey());
        return new BodySink() {
            @Override
            public void write(ByteBuffer data) {
                body.write(data);
            }

            @Override
            public CompletionStage<S3Response> complete(ReceivedBody received) {
                Map<String, String> checksums = received.checksumAlgorithm() == null ? Map.of()
                        : Map.of(received.checksumAlgorithm().name(), received.checksumBase64());
                ObjectRecord record = new ObjectRecord(bucket.name(), ctx.key(), received.size(), received.md5Hex(),
                        clock.instant(), access.writer(ctx, bucket), dialect.name(), headers, checksums,
                        checksums.isEmpty() ? null : "FULL_OBJECT", body.finish(), null);
                // built here, not on the group committer's thread, whose time every queued write waits for
                S3Response response = S3Response.ok().header("ETag", ObjectResponseHeaders.quoted(record.etag()));
                if (received.checksumAlgorithm() != null) {
                    response.header(received.checksumAlgorithm().headerName(), received.checksumBase64());
                    response.header("x-amz-checksum-type", "FULL_OBJECT");
                }
                ObjectResponseHeaders.encryption(response, dialect, headers.sse());
                return objects.putAsync(record, guard).thenApply(replaced -> response);
            }

            @Override
            public void abort() {
                body.abort();
            }
        };
    }
}
