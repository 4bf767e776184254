package dev.rosetta.protocol.xml;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.error.S3Exception;
import java.util.Map;

/**
 * The {@code <Error>} document: Code, Message, the error's context elements, Resource, RequestId and
 * the dialect's host or trace id. No namespace, in every dialect.
 */
public final class ErrorDocument {
    private ErrorDocument() {
    }

    public static byte[] render(Dialect dialect, S3Exception error, String resource, String requestId, String hostId) {
        XmlWriter w = new XmlWriter(384);
        if (dialect.errorDeclaration() != null) {
            w.raw(dialect.errorDeclaration()).raw("\n");
        }
        w.start("Error");
        w.element("Code", error.errorCode().code());
        w.element("Message", error.getMessage());
        for (Map.Entry<String, String> e : error.details().entrySet()) {
            w.element(e.getKey(), e.getValue());
        }
        w.optional("Resource", resource);
        w.element("RequestId", requestId);
        if (dialect.errorHostIdElement() != null) {
            w.element(dialect.errorHostIdElement(), hostId);
        }
        w.end();
        return w.toBytes();
    }
}
