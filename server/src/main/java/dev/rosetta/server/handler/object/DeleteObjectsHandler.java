package dev.rosetta.server.handler.object;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import dev.rosetta.protocol.names.ObjectKeys;
import dev.rosetta.protocol.xml.XmlRequestParser;
import dev.rosetta.protocol.xml.doc.DeleteRequest;
import dev.rosetta.protocol.xml.doc.DeleteResult;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.server.body.ChecksumRequest;
import dev.rosetta.server.handler.BodyPolicy;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.ListingParams;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.server.lock.ObjectLockRules;
import dev.rosetta.storage.ObjectStore;
import dev.rosetta.storage.WriteGuard;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /bucket?delete}: up to 1000 keys, each deleted on its own (one synced write per key, as
 * DeleteObject), answered with a Deleted entry per key (none in quiet mode) and an Error entry per key
 * that failed, in request order. The body must carry Content-MD5 or an {@code x-amz-checksum-*}
 * (verified before this handler runs, like every document body).
 */
public final class DeleteObjectsHandler implements DocumentHandler {
    private static final Logger log = LoggerFactory.getLogger(DeleteObjectsHandler.class);
    /** 1000 keys of 1024 bytes, each character possibly written as a 6-byte character reference. */
    static final long MAX_BODY_BYTES = 8L << 20;

    private final BucketAccess access;
    private final ObjectStore objects;

    private final Clock clock;

    public DeleteObjectsHandler(BucketAccess access, ObjectStore objects) {
        this(access, objects, Clock.systemUTC());
    }

    /** @param clock what object-lock retain-until dates are compared with */
    public DeleteObjectsHandler(BucketAccess access, ObjectStore objects, Clock clock) {
        this.access = access;
        this.objects = objects;
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
        boolean urlEncoded = ListingParams.encodingTypeIsUrl(ctx.param("encoding-type"));
        requireIntegrityHeader(ctx.head());
        var bucket = access.require(ctx, Permission.WRITE);
        WriteGuard lock = ObjectLockRules.protection(ctx, bucket, clock); // a locked key gets an AccessDenied entry
        DeleteRequest request = XmlRequestParser.parse(body, "Delete", DeleteRequest.class);
        boolean quiet = request.quiet();
        List<DeleteRequest.Target> targets = request.objects();
        List<DeleteResult.Entry> entries = new ArrayList<>();
        for (DeleteRequest.Target t : targets) {
            try {
                ObjectKeys.validate(t.key());
                DeleteObjectHandler.requireNullVersion(t.versionId());
                objects.delete(ctx.bucket(), t.key(), lock);
                if (!quiet) {
                    entries.add(new DeleteResult.Deleted(t.key(), t.versionId()));
                }
            } catch (S3Exception e) {
                if (e.errorCode() == S3ErrorCode.NO_SUCH_BUCKET) {
                    throw e;
                }
                entries.add(new DeleteResult.Error(t.key(), t.versionId(), e.errorCode().code(), e.getMessage()));
            } catch (RuntimeException e) {
                log.error("request {}: deleting key {} failed", ctx.requestId(), t.key(), e);
                entries.add(new DeleteResult.Error(t.key(), t.versionId(), S3ErrorCode.INTERNAL_ERROR.code(),
                        S3ErrorCode.INTERNAL_ERROR.defaultMessage()));
            }
        }
        return S3Response.xml(ctx.dialect(), new DeleteResult(entries, urlEncoded));
    }

    /** S3 refuses a Delete body that carries neither Content-MD5 nor a flexible checksum. */
    private static void requireIntegrityHeader(RequestHead head) {
        if (head.header("content-md5") != null) {
            return;
        }
        ChecksumRequest checksum = ChecksumRequest.of(head);
        if (checksum.headerValue() != null || checksum.fromTrailer()) {
            return;
        }
        throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "Missing required header for this request: Content-MD5");
    }
}
