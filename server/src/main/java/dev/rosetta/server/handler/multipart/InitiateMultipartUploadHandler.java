package dev.rosetta.server.handler.multipart;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.ServerSideEncryption;
import dev.rosetta.protocol.xml.doc.InitiateMultipartUploadResult;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.server.crypto.SseService;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.handler.object.ObjectResponseHeaders;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.server.lifecycle.AbortDates;
import dev.rosetta.server.lock.NewObjectRules;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.MultipartSessionStore;
import dev.rosetta.storage.MultipartUpload;
import dev.rosetta.storage.Futures;
import java.time.Clock;
import java.util.concurrent.CompletionStage;

/**
 * {@code POST /bucket/key?uploads}: checks every header the object will be created with, persists
 * them with a new upload id (one synced write, by the group committer), and answers
 * InitiateMultipartUploadResult once it is durable.
 */
public final class InitiateMultipartUploadHandler implements DocumentHandler {
    private final BucketAccess access;
    private final MultipartSessionStore uploads;
    private final SseService sse;
    private final Clock clock;

    public InitiateMultipartUploadHandler(BucketAccess access, MultipartSessionStore uploads, SseService sse,
                                          Clock clock) {
        this.access = access;
        this.uploads = uploads;
        this.sse = sse;
        this.clock = clock;
    }

    @Override
    public boolean triesOnEventLoop() {
        return true; // a cache miss, a held lock or a new KMS key is run again on the executor
    }

    @Override
    public boolean allowsAnonymous() {
        return true;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        return Futures.join(handleAsync(ctx, body).toCompletableFuture());
    }

    @Override
    public CompletionStage<S3Response> handleAsync(RequestContext ctx, byte[] body) {
        BucketRecord bucket = access.require(ctx, Permission.WRITE); // before anything is created (SSE-KMS keys)
        Dialect dialect = ctx.dialect();
        ObjectHeaders headers = sse.forWrite(ctx, bucket).headers(); // SSE-KMS: the key exists (or is refused) from now on
        headers = NewObjectRules.resolve(ctx, bucket, headers, clock.instant()); // default class, object lock
        String checksumTypeHeader = dialect.header("checksum-type");
        String checksumType = ChecksumTypes.forInitiate(headers.checksumAlgorithm(),
                ctx.head().header(checksumTypeHeader), checksumTypeHeader);
        access.accounts().checkGrantees(headers.acl());
        ServerSideEncryption sse = headers.sse();
        String checksumAlgorithm = headers.checksumAlgorithm();
        return uploads.initiateAsync(bucket.name(), ctx.key(), access.writer(ctx, bucket), access.writer(ctx, bucket),
                dialect.name(), headers, checksumType, clock.instant()).thenApply(upload -> {
                    S3Response response = S3Response.xml(dialect,
                            new InitiateMultipartUploadResult(upload.bucket(), upload.key(), upload.uploadId()));
                    echoEncryption(response, dialect, sse);
                    response.header(dialect.header("checksum-algorithm"), checksumAlgorithm);
                    response.header(checksumTypeHeader, checksumType);
                    AbortDates.addHeaders(response, dialect, bucket, upload);
                    return response;
                });
    }

    /** S3 echoes the encryption it will apply; never the customer key itself. */
    static void echoEncryption(S3Response response, Dialect dialect, ServerSideEncryption sse) {
        ObjectResponseHeaders.encryption(response, dialect, sse);
    }
}
