package dev.rosetta.server.handler.lock;

import dev.rosetta.protocol.dialect.Service;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.server.body.ChecksumRequest;
import dev.rosetta.server.handler.BodyPolicy;
import dev.rosetta.server.handler.RequestContext;

/** What the object-lock document operations share. */
final class LockDocuments {
    /** Every lock document is a few hundred bytes. */
    static final BodyPolicy BODY = BodyPolicy.xml(64 * 1024);

    private LockDocuments() {
    }

    /**
     * S3 refuses PutObjectLockConfiguration, PutObjectRetention and PutObjectLegalHold bodies without
     * Content-MD5 or a flexible checksum; the AWS SDKs always send one. OBS's SDK sends neither and OBS does
     * not ask for one, so only AWS and JD endpoints require it.
     */
    static void requireIntegrityHeader(RequestContext ctx) {
        Service service = Service.of(ctx.dialect());
        if (service != Service.AWS && service != Service.JD) {
            return;
        }
        if (ctx.head().header("content-md5") != null) {
            return;
        }
        ChecksumRequest checksum = ChecksumRequest.of(ctx.head());
        if (checksum.headerValue() != null || checksum.fromTrailer()) {
            return;
        }
        throw new S3Exception(S3ErrorCode.INVALID_REQUEST, "Missing required header for this request: Content-MD5");
    }
}
