package dev.rosetta.server.http;

import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.protocol.Operation;
import dev.rosetta.protocol.dialect.Service;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.server.handler.RequestContext;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Content-MD5 on InitiateMultipartUpload is checked against the (empty) body like any document body
 * ({@link PayloadChecks}: {@code 400 BadDigest}), except where a vendor documents another answer: the WOS
 * documentation of InitiateMultipartUpload gives {@code 403 SignatureDoesNotMatch} for a Content-MD5 that does
 * not match, so WOS and WCS endpoints answer that (whatever the signing scheme). Runs before
 * {@link PayloadChecks}.
 */
final class InitiateDigest {
    private InitiateDigest() {
    }

    static void check(RequestContext ctx, byte[] body) {
        if (ctx.operation() != Operation.INITIATE_MULTIPART_UPLOAD || Service.of(ctx.dialect()) != Service.WOS
                || ctx.authentication().payload() instanceof PayloadRequirement.Streaming) {
            return;
        }
        String contentMd5 = ctx.head().header("content-md5");
        if (contentMd5 == null) {
            return;
        }
        byte[] expected = PayloadChecks.decodeMd5(contentMd5);
        byte[] actual;
        try {
            actual = MessageDigest.getInstance("MD5").digest(body);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new S3Exception(S3ErrorCode.SIGNATURE_DOES_NOT_MATCH,
                    "The Content-MD5 you specified did not match what we received.");
        }
    }
}
