package dev.rosetta.bench.http;

import io.netty.handler.codec.http.HttpHeaders;
import java.nio.charset.StandardCharsets;

/**
 * A response, or a transport failure ({@link #status()} 0). The body is kept only when the request asked for
 * it or the status is an error; {@link #bodyBytes()} counts it either way.
 */
public final class Response {
    private static final int MAX_CODE_SCAN = 64 * 1024;

    private final int status;
    private final String reason;
    private final HttpHeaders headers;
    private final long bodyBytes;
    private final byte[] body;
    private final String failure;

    Response(int status, String reason, HttpHeaders headers, long bodyBytes, byte[] body) {
        this.status = status;
        this.reason = reason;
        this.headers = headers;
        this.bodyBytes = bodyBytes;
        this.body = body;
        this.failure = null;
    }

    private Response(String failure) {
        this.status = 0;
        this.reason = "";
        this.headers = null;
        this.bodyBytes = 0;
        this.body = null;
        this.failure = failure;
    }

    /** A transport failure: connection refused or closed, timeout, malformed response. */
    public static Response failure(String what) {
        return new Response(what);
    }

    /** The HTTP status; 0 for a transport failure. */
    public int status() {
        return status;
    }

    public boolean isSuccess() {
        return status >= 200 && status < 300;
    }

    /** A response header, or null (always null for a transport failure). */
    public String header(String name) {
        return headers == null ? null : headers.get(name);
    }

    public long bodyBytes() {
        return bodyBytes;
    }

    /** The body as UTF-8 text; "" when it was not kept. */
    public String bodyText() {
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /**
     * What went wrong, as the error table shows it: {@code 404 NoSuchKey} (the S3 code from the XML body),
     * {@code 503 Service Unavailable} (no code in the body), or {@code transport: ...}.
     */
    public String errorKey() {
        if (failure != null) {
            return "transport: " + failure;
        }
        String code = s3Code();
        return status + " " + (code != null ? code : reason);
    }

    /** The {@code <Code>} of an S3 error document, or null. */
    public String s3Code() {
        if (body == null) {
            return null;
        }
        String text = new String(body, 0, Math.min(body.length, MAX_CODE_SCAN), StandardCharsets.UTF_8);
        int start = text.indexOf("<Code>");
        int end = start < 0 ? -1 : text.indexOf("</Code>", start);
        return end < 0 ? null : text.substring(start + 6, end).strip();
    }

    @Override
    public String toString() {
        return failure != null ? "Response[" + failure + "]" : "Response[" + status + " " + reason + ", " + bodyBytes + " bytes]";
    }
}
