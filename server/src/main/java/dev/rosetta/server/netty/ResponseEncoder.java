package dev.rosetta.server.netty;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.server.http.S3Response;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Writes an {@link S3Response}'s head as HTTP/1.1 bytes, with the headers every S3 response carries,
 * and for a document body the body after it: one buffer per response, no intermediate header map.
 * Standard header names are written with S3's capitalisation ({@code Content-Length}) for clients that
 * compare names case-sensitively. Characters are written as Netty's codec writes them: one byte each,
 * above U+00FF as {@code ?}. Every response carries Content-Length (but 204 and 304), so bodies never
 * need chunked transfer coding.
 */
final class ResponseEncoder {
    static final String SERVER = "Rosetta";
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte[] COLON_SPACE = {':', ' '};
    private static final byte[][] STATUS_LINES = new byte[600][];

    static {
        for (int code = 100; code < STATUS_LINES.length; code++) {
            STATUS_LINES[code] = line(code);
        }
    }
    private final DateHeader date;

    ResponseEncoder(DateHeader date) {
        this.date = date;
    }

    /** The interim answer to {@code Expect: 100-continue}. */
    static ByteBuf continueResponse(ByteBufAllocator alloc) {
        byte[] line = statusLine(100);
        return alloc.buffer(line.length + 2).writeBytes(line).writeBytes(CRLF);
    }

    /**
     * The response head, followed by the document body when there is one (and the request was not HEAD).
     * A streamed body is not included: the caller writes its segments after this buffer. The buffer has
     * room for {@code extraCapacity} more bytes, for a caller that appends a small body to it.
     */
    ByteBuf encode(ByteBufAllocator alloc, S3Response r, Dialect dialect, String requestId, String hostId,
                   boolean head, boolean keepAlive, HttpVersion version, int extraCapacity) {
        byte[] body = r.body();
        boolean writeBody = body != null && body.length > 0 && !head;
        boolean overrideType = body != null && r.contentType() != null;
        List<Map.Entry<String, String>> headers = r.headers();
        int size = 160 + requestId.length() * (2 + dialect.extraRequestIdHeaders().size())
                + (hostId == null ? 0 : hostId.length()) + (writeBody ? body.length : 0) + extraCapacity;
        for (int i = 0; i < headers.size(); i++) {
            Map.Entry<String, String> e = headers.get(i);
            size += e.getKey().length() + e.getValue().length() + 4;
        }
        if (overrideType) {
            size += r.contentType().length();
        }
        ByteBuf b = alloc.buffer(size);
        b.writeBytes(statusLine(r.status()));
        header(b, dialect.requestIdHeader(), requestId);
        for (String extra : dialect.extraRequestIdHeaders()) {
            header(b, extra, requestId);
        }
        if (dialect.id2Header() != null) {
            header(b, dialect.id2Header(), hostId);
        }
        header(b, "Date", date.now());
        header(b, "Server", SERVER);
        boolean hasLength = false;
        for (int i = 0; i < headers.size(); i++) {
            Map.Entry<String, String> e = headers.get(i);
            String name = e.getKey();
            if (overrideType && name.equalsIgnoreCase("Content-Type")) {
                continue;
            }
            hasLength |= name.equalsIgnoreCase("Content-Length");
            header(b, name, e.getValue());
        }
        if (overrideType) {
            header(b, "Content-Type", r.contentType());
        }
        if (!hasLength && r.status() != 204 && r.status() != 304) {
            long length = r.streamBody() != null ? r.streamBody().length() : body == null ? 0 : body.length;
            header(b, "Content-Length", Long.toString(length));
        }
        if (!keepAlive) {
            header(b, "Connection", "close");
        } else if (version.equals(HttpVersion.HTTP_1_0)) {
            header(b, "Connection", "keep-alive");
        }
        b.writeBytes(CRLF);
        if (writeBody) {
            b.writeBytes(body);
        }
        return b;
    }

    private static void header(ByteBuf b, String name, String value) {
        ByteBufUtil.writeAscii(b, name);
        b.writeBytes(COLON_SPACE);
        ByteBufUtil.writeAscii(b, value);
        b.writeBytes(CRLF);
    }

    /** {@code HTTP/1.1 <code> <reason>\r\n}, with Netty's reason phrases. */
    static byte[] statusLine(int code) {
        return code < 100 || code >= STATUS_LINES.length ? line(code) : STATUS_LINES[code];
    }

    private static byte[] line(int code) {
        HttpResponseStatus s = HttpResponseStatus.valueOf(code);
        return ("HTTP/1.1 " + s.code() + " " + s.reasonPhrase() + "\r\n").getBytes(StandardCharsets.ISO_8859_1);
    }
}
