package dev.rosetta.server.http;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.xml.ErrorDocument;

/** Turns an {@link S3Exception} into the dialect's error response. */
public final class ErrorResponses {
    private ErrorResponses() {
    }

    public static S3Response of(S3Exception error, Dialect dialect, String resource, String requestId,
                                String hostId) {
        S3Response r = S3Response.status(error.status())
                .body(ErrorDocument.render(dialect, error, resource, requestId, hostId), "application/xml")
                .errorCode(error.errorCode().code());
        if (dialect.errorTraceHeader() != null) {
            r.header(dialect.errorTraceHeader(), hostId);
        }
        if (error.status() == 405) {
            r.header("Allow", "GET, PUT, POST, DELETE, HEAD");
        }
        return r;
    }
}
