package dev.rosetta.server.handler.multipart;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.headers.ObjectHeadersReader;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.ServerSideEncryption;
import dev.rosetta.protocol.xml.doc.InitiateMultipartUploadResult;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.server.lifecycle.AbortDates;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.MultipartSessionStore;
import dev.rosetta.storage.MultipartUpload;
import java.time.Clock;

/**
 * {@code POST /bucket/key?uploads}: checks every header the object will be created with, persists
 * them with a new upload id (one synced write), and answers InitiateMultipartUploadResult.
 */
public final class InitiateMultipartUploadHandler implements DocumentHandler {
    private final BucketAccess access;
    private final MultipartSessionStore uploads;
    private final Clock clock;

    public InitiateMultipartUploadHandler(BucketAccess access, MultipartSessionStore uploads, Clock clock) {
        this.access = access;
        this.uploads = uploads;
        this.clock = clock;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        Dialect dialect = ctx.dialect();
        ObjectHeaders headers = ObjectHeadersReader.read(ctx.head(), dialect);
        String checksumTypeHeader = dialect.header("checksum-type");
        String checksumType = ChecksumTypes.forInitiate(headers.checksumAlgorithm(),
                ctx.head().header(checksumTypeHeader), checksumTypeHeader);
        BucketRecord bucket = access.requireOwned(ctx);
        MultipartUpload upload = uploads.initiate(bucket.name(), ctx.key(), bucket.owner(), ctx.requirePrincipal(),
                dialect.name(), headers, checksumType, clock.instant());
        S3Response response = S3Response.xml(dialect,
                new InitiateMultipartUploadResult(upload.bucket(), upload.key(), upload.uploadId()));
        echoEncryption(response, dialect, headers.sse());
        response.header(dialect.header("checksum-algorithm"), headers.checksumAlgorithm());
        response.header(checksumTypeHeader, checksumType);
        AbortDates.addHeaders(response, dialect, bucket, upload);
        return response;
    }

    /** S3 echoes the encryption it will apply; never the customer key itself. */
    static void echoEncryption(S3Response response, Dialect dialect, ServerSideEncryption sse) {
        if (sse == null) {
            return;
        }
        response.header(dialect.header("server-side-encryption"), sse.algorithm());
        response.header(dialect.header("server-side-encryption-aws-kms-key-id"), sse.kmsKeyId());
        response.header(dialect.header("server-side-encryption-context"), sse.kmsContext());
        if (sse.bucketKeyEnabled() != null) {
            response.header(dialect.header("server-side-encryption-bucket-key-enabled"),
                    sse.bucketKeyEnabled().toString());
        }
        response.header(dialect.header("server-side-encryption-customer-algorithm"), sse.customerAlgorithm());
        response.header(dialect.header("server-side-encryption-customer-key-MD5"), sse.customerKeyMd5());
    }
}
