package dev.rosetta.server.http;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.server.body.ResponseBody;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a handler answers: a status, headers, and a body (XML bytes or nothing). Request ids, Date,
 * Server, Content-Length and Connection are added by the writer.
 */
public final class S3Response {
    private final int status;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>(4);
    private byte[] body;
    private String contentType;
    private ResponseBody streamBody;
    private String errorCode;

    private S3Response(int status) {
        this.status = status;
    }

    public static S3Response status(int status) {
        return new S3Response(status);
    }

    public static S3Response ok() {
        return new S3Response(200);
    }

    public static S3Response noContent() {
        return new S3Response(204);
    }

    /** 200 with the document rendered in the dialect's style. */
    public static S3Response xml(Dialect dialect, XmlDocument document) {
        return new S3Response(200).body(dialect.render(document), "application/xml");
    }

    public S3Response header(String name, String value) {
        if (value != null) {
            headers.add(Map.entry(name, value));
        }
        return this;
    }

    /** Replaces every header of this name (ignoring case) with one value; null removes them. */
    public S3Response setHeader(String name, String value) {
        headers.removeIf(e -> e.getKey().equalsIgnoreCase(name));
        return header(name, value);
    }

    /** The first value of a header (ignoring case), or null. */
    public String headerValue(String name) {
        for (Map.Entry<String, String> e : headers) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    public S3Response body(byte[] bytes, String type) {
        this.body = bytes;
        this.contentType = type;
        return this;
    }

    /** A streamed body (object data); the caller sets Content-Length and Content-Type as headers. */
    public S3Response streamBody(ResponseBody b) {
        this.streamBody = b;
        return this;
    }

    /** Marks this response as the answer to an error with this S3 code (for logs and metrics). */
    public S3Response errorCode(String code) {
        this.errorCode = code;
        return this;
    }

    /** The S3 error code this response answers, or null for a success. */
    public String errorCode() {
        return errorCode;
    }

    /** The streamed body, or null. */
    public ResponseBody streamBody() {
        return streamBody;
    }

    public int status() {
        return status;
    }

    public List<Map.Entry<String, String>> headers() {
        return headers;
    }

    /** The body, or null for none. */
    public byte[] body() {
        return body;
    }

    public String contentType() {
        return contentType;
    }
}
