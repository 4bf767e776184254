package dev.rosetta.server.netty;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.server.http.S3Response;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.util.Map;

/**
 * Turns an {@link S3Response} into a Netty response with the headers every S3 response carries.
 * Standard header names are written with S3's capitalisation ({@code Content-Length}), not Netty's
 * lower-case constants, for clients that compare names case-sensitively.
 */
final class ResponseEncoder {
    static final String SERVER = "Rosetta";
    private static final AsciiString DATE = AsciiString.cached("Date");
    private static final AsciiString SERVER_HEADER = AsciiString.cached("Server");
    private static final AsciiString CONTENT_TYPE = AsciiString.cached("Content-Type");
    private static final AsciiString CONTENT_LENGTH = AsciiString.cached("Content-Length");
    private static final AsciiString CONNECTION = AsciiString.cached("Connection");
    private final DateHeader date;

    ResponseEncoder(DateHeader date) {
        this.date = date;
    }

    /**
     * The response head, and for a document body the whole response. With a streamed body the result
     * is a bare {@link HttpResponse}: the caller writes the body's segments and the last content.
     */
    HttpResponse encode(ByteBufAllocator alloc, S3Response r, Dialect dialect, String requestId, String hostId,
                        boolean head, boolean keepAlive, HttpVersion version) {
        byte[] body = r.body();
        HttpResponse res;
        if (r.streamBody() != null) {
            res = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()), false);
        } else {
            ByteBuf content = body == null || body.length == 0 || head ? Unpooled.EMPTY_BUFFER
                    : alloc.buffer(body.length).writeBytes(body);
            res = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(r.status()), content,
                    false);
        }
        HttpHeaders h = res.headers();
        h.set(dialect.requestIdHeader(), requestId);
        for (String extra : dialect.extraRequestIdHeaders()) {
            h.set(extra, requestId);
        }
        if (dialect.id2Header() != null) {
            h.set(dialect.id2Header(), hostId);
        }
        h.set(DATE, date.now());
        h.set(SERVER_HEADER, SERVER);
        for (Map.Entry<String, String> e : r.headers()) {
            h.add(e.getKey(), e.getValue());
        }
        if (body != null && r.contentType() != null) {
            h.set(CONTENT_TYPE, r.contentType());
        }
        if (!h.contains(CONTENT_LENGTH) && r.status() != 204 && r.status() != 304) {
            h.set(CONTENT_LENGTH, r.streamBody() != null ? r.streamBody().length() : body == null ? 0 : body.length);
        }
        if (!keepAlive) {
            h.set(CONNECTION, HttpHeaderValues.CLOSE);
        } else if (version.equals(HttpVersion.HTTP_1_0)) {
            h.set(CONNECTION, HttpHeaderValues.KEEP_ALIVE);
        }
        return res;
    }
}
