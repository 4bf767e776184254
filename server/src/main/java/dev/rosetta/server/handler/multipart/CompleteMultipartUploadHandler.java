package dev.rosetta.server.handler.multipart;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.http.PercentCodec;
import dev.rosetta.protocol.xml.XmlRequestParser;
import dev.rosetta.protocol.xml.doc.CompleteMultipartUploadRequest;
import dev.rosetta.protocol.xml.doc.CompleteMultipartUploadResult;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.server.handler.BodyPolicy;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.handler.object.ObjectResponseHeaders;
import dev.rosetta.server.lock.NewObjectRules;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.CompleteResult;
import dev.rosetta.storage.MultipartSessionStore;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.RequestedPart;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /bucket/key?uploadId=ID}: checks the listed parts (order, ETags, sizes, checksums) and the
 * conditional-write headers, then turns the upload into the object in one synced write (metadata only:
 * the parts' blobs become the object's) and answers CompleteMultipartUploadResult. A retry after a
 * success answers the same; any failure leaves the upload as it was.
 */
public final class CompleteMultipartUploadHandler implements DocumentHandler {
    /** Room for 10,000 parts with every checksum element and generous whitespace. */
    static final long MAX_BODY_BYTES = 10_000L * 512 + 64 * 1024;

    private final BucketAccess access;
    private final MultipartSessionStore uploads;
    private final long minPartSize;
    private final Clock clock;

    public CompleteMultipartUploadHandler(BucketAccess access, MultipartSessionStore uploads, long minPartSize,
                                          Clock clock) {
        this.access = access;
        this.uploads = uploads;
        this.minPartSize = minPartSize;
        this.clock = clock;
    }

    @Override
    public BodyPolicy bodyPolicy() {
        return BodyPolicy.xml(MAX_BODY_BYTES);
    }

    @Override
    public boolean allowsAnonymous() {
        return true;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        Dialect dialect = ctx.dialect();
        var bucket = access.require(ctx, Permission.WRITE);
        List<CompleteMultipartUploadRequest.Part> parts = XmlRequestParser.parse(body, "CompleteMultipartUpload",
                CompleteMultipartUploadRequest.class).parts();
        List<RequestedPart> requested = new ArrayList<>(parts.size());
        for (CompleteMultipartUploadRequest.Part p : parts) {
            requested.add(new RequestedPart(p.partNumber(), p.etag()));
        }
        CompletionChecksums policy = new CompletionChecksums(minPartSize, NewObjectRules.guard(ctx, bucket, clock),
                parts, ctx.head(), dialect.header("checksum-type"), dialect.header("mp-object-size"));
        CompleteResult result = uploads.complete(ctx.bucket(), ctx.key(), ctx.param("uploadId"), requested, policy,
                clock.instant());
        ObjectRecord o = result.object();
        S3Response response = S3Response.xml(dialect, new CompleteMultipartUploadResult(location(ctx), o.bucket(),
                o.key(), o.etag(), o.checksums(), o.checksumType()));
        ObjectResponseHeaders.encryption(response, dialect, o.headers().sse());
        return response;
    }

    /** The object's URL as the client addressed it (path or virtual-host style). */
    private static String location(RequestContext ctx) {
        String host = ctx.head().header("host");
        String key = PercentCodec.uriEncodePath(ctx.key());
        if (host == null) {
            return "/" + ctx.bucket() + "/" + key;
        }
        return ctx.addressing().virtualHosted() ? "http://" + host + "/" + key
                : "http://" + host + "/" + ctx.bucket() + "/" + key;
    }
}
