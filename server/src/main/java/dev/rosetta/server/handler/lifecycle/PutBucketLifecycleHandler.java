package dev.rosetta.server.handler.lifecycle;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import dev.rosetta.protocol.model.BucketLifecycle;
import dev.rosetta.protocol.model.LifecycleRule;
import dev.rosetta.protocol.xml.doc.LifecycleConfigurationRequest;
import dev.rosetta.server.body.ChecksumRequest;
import dev.rosetta.server.handler.BodyPolicy;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.BucketStore;
import java.util.List;

/**
 * {@code PUT /bucket?lifecycle} (PutBucketLifecycleConfiguration): replaces the bucket's lifecycle
 * configuration with the one in the body, checked as S3 checks it
 * ({@link LifecycleConfigurationRequest}), in one synced write of the bucket record. Like S3 the body
 * must carry Content-MD5 or an {@code x-amz-checksum-*} (verified before this handler runs). Rosetta acts
 * on AbortIncompleteMultipartUpload only; the other actions are stored and returned as sent.
 */
public final class PutBucketLifecycleHandler implements DocumentHandler {
    /** 1000 rules with 255-character IDs and long prefixes, written with character references. */
    static final long MAX_BODY_BYTES = 8L << 20;

    private final BucketAccess access;
    private final BucketStore buckets;

    public PutBucketLifecycleHandler(BucketAccess access, BucketStore buckets) {
        this.access = access;
        this.buckets = buckets;
    }

    @Override
    public BodyPolicy bodyPolicy() {
        return BodyPolicy.xml(MAX_BODY_BYTES);
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        requireIntegrityHeader(ctx.head());
        BucketRecord bucket = access.requireOwned(ctx);
        Dialect dialect = ctx.dialect();
        String transitionDefault = transitionDefault(ctx);
        List<LifecycleRule> rules = LifecycleConfigurationRequest.parse(body, dialect::parseStorageClass,
                LifecycleConfigurationRequest::generateId);
        BucketLifecycle lifecycle = new BucketLifecycle(rules,
                transitionDefault == null ? BucketLifecycle.ALL_STORAGE_CLASSES_128K : transitionDefault);
        buckets.update(bucket.name(), b -> b.withLifecycle(lifecycle));
        S3Response response = S3Response.ok();
        TransitionDefaultHeader.add(response, dialect, lifecycle);
        return response;
    }

    /** The {@code x-amz-transition-default-minimum-object-size} sent, or null; InvalidArgument for others. */
    private static String transitionDefault(RequestContext ctx) {
        String name = TransitionDefaultHeader.name(ctx.dialect());
        String value = name == null ? null : ctx.head().header(name);
        if (value == null) {
            return null;
        }
        String v = value.strip();
        if (v.equals(BucketLifecycle.ALL_STORAGE_CLASSES_128K) || v.equals(BucketLifecycle.VARIES_BY_STORAGE_CLASS)) {
            return v;
        }
        throw S3Exception.invalidArgument("Invalid value for header " + name + ": " + value, name, value);
    }

    /** S3 refuses a lifecycle body that carries neither Content-MD5 nor a flexible checksum. */
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
