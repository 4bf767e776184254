package dev.rosetta.server.netty;

import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.AsciiString;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads the head of a plain, bodiless HTTP/1.x request from bytes: {@code GET}, {@code HEAD}, {@code DELETE},
 * {@code OPTIONS} or {@code POST}; a request target and header values of visible ASCII (and spaces or tabs
 * inside values); token header names; CRLF line ends; no {@code Transfer-Encoding} and no {@code Content-Length}
 * other than one {@code 0}. That is every GET an SDK sends. Anything else is {@link #NOT_PLAIN}: Netty's decoder
 * reads it, with its rules and errors. What this accepts, Netty's decoder accepts too and reads the same way
 * (values without surrounding whitespace, names as sent); {@code S3RequestDecoderTest} compares the two.
 *
 * <p>One instance per connection, reused from request to request; not thread-safe.
 */
final class PlainRequestHead {
    /** The bytes seen so far do not hold a whole head yet, and nothing says it will not be plain. */
    static final int NEED_MORE = -1;
    /** Not a plain head: Netty's decoder reads it. */
    static final int NOT_PLAIN = -2;

    private static final boolean[] TOKEN = new boolean[128];
    private static final byte[][] METHOD_NAMES = {
        bytes("GET "), bytes("HEAD "), bytes("DELETE "), bytes("POST "), bytes("OPTIONS ")
    };
    private static final HttpMethod[] METHODS = {
        HttpMethod.GET, HttpMethod.HEAD, HttpMethod.DELETE, HttpMethod.POST, HttpMethod.OPTIONS
    };
    private static final byte[] HTTP_1_ = bytes("HTTP/1.");
    /**
     * More lines than this are Netty's: its headers are hashed, where a lookup here walks the lines (an SDK sends
     * about ten).
     */
    private static final int MAX_LINES = 64;
    private static final AsciiString CONTENT_LENGTH = AsciiString.cached("content-length");
    private static final AsciiString TRANSFER_ENCODING = AsciiString.cached("transfer-encoding");

    static {
        for (char c = '0'; c <= '9'; c++) {
            TOKEN[c] = true;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            TOKEN[c] = true;
            TOKEN[c - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TOKEN[c] = true;
        }
    }

    private final int maxInitialLineBytes;
    private final int maxHeaderBytes;
    private AsciiString[] names = new AsciiString[16];
    private String[] values = new String[16];
    private int count;
    private HttpMethod method;
    private String uri;
    private HttpVersion version;

    PlainRequestHead(int maxInitialLineBytes, int maxHeaderBytes) {
        this.maxInitialLineBytes = maxInitialLineBytes;
        this.maxHeaderBytes = maxHeaderBytes;
    }

    /** The longest head this reads: a longer one is Netty's, which then reports the limit it passes. */
    int maxHeadBytes() {
        return maxInitialLineBytes + maxHeaderBytes + 4;
    }

    /**
     * @param b the bytes received, from the first byte of a request
     * @param n how many of them there are
     * @return the head's length through its blank line when it is plain and whole, else {@link #NEED_MORE} or
     *         {@link #NOT_PLAIN}
     */
    int parse(byte[] b, int n) {
        count = 0;
        int m = method(b, n);
        if (m < 0) {
            return m;
        }
        int pos = METHOD_NAMES[m].length;
        int uriStart = pos;
        while (pos < n && b[pos] > ' ' && b[pos] < 0x7F) {
            pos++;
        }
        if (pos == n) {
            return more(n);
        }
        if (b[pos] != ' ' || pos == uriStart) {
            return NOT_PLAIN;
        }
        int uriEnd = pos++;
        if (n - pos < HTTP_1_.length + 3) {
            return more(n);
        }
        if (!Arrays.equals(b, pos, pos + HTTP_1_.length, HTTP_1_, 0, HTTP_1_.length)
                || (b[pos + 7] != '1' && b[pos + 7] != '0') || b[pos + 8] != '\r' || b[pos + 9] != '\n') {
            return NOT_PLAIN;
        }
        pos += 10;
        if (pos - 2 >= maxInitialLineBytes) { // at the limit or near it: Netty's count decides
            return NOT_PLAIN;
        }
        int headersStart = pos;
        boolean contentLength = false;
        while (true) {
            if (pos + 1 >= n) {
                return more(n);
            }
            if (b[pos] == '\r') {
                if (b[pos + 1] != '\n') {
                    return NOT_PLAIN;
                }
                pos += 2;
                break;
            }
            int nameStart = pos;
            while (pos < n && b[pos] >= 0 && TOKEN[b[pos]]) {
                pos++;
            }
            if (pos == n) {
                return more(n);
            }
            if (b[pos] != ':' || pos == nameStart) {
                return NOT_PLAIN;
            }
            int nameEnd = pos++;
            while (pos < n && (b[pos] == ' ' || b[pos] == '\t')) {
                pos++;
            }
            int valueStart = pos;
            while (pos < n && ((b[pos] >= ' ' && b[pos] < 0x7F) || b[pos] == '\t')) {
                pos++;
            }
            if (pos + 1 >= n) {
                return more(n);
            }
            if (b[pos] != '\r' || b[pos + 1] != '\n') {
                return NOT_PLAIN;
            }
            int valueEnd = pos;
            while (valueEnd > valueStart && (b[valueEnd - 1] == ' ' || b[valueEnd - 1] == '\t')) {
                valueEnd--;
            }
            pos += 2;
            if (pos - headersStart >= maxHeaderBytes || count == MAX_LINES) {
                return NOT_PLAIN;
            }
            AsciiString name = new AsciiString(b, nameStart, nameEnd - nameStart, true);
            if (name.contentEqualsIgnoreCase(TRANSFER_ENCODING)) {
                return NOT_PLAIN;
            }
            if (name.contentEqualsIgnoreCase(CONTENT_LENGTH)) {
                if (contentLength || valueEnd - valueStart != 1 || b[valueStart] != '0') {
                    return NOT_PLAIN; // a body, or a length Netty must judge
                }
                contentLength = true;
            }
            add(name, latin1(b, valueStart, valueEnd - valueStart));
        }
        method = METHODS[m];
        uri = latin1(b, uriStart, uriEnd - uriStart);
        version = b[headersStart - 3] == '1' ? HttpVersion.HTTP_1_1 : HttpVersion.HTTP_1_0;
        return pos;
    }

    HttpMethod method() {
        return method;
    }

    String uri() {
        return uri;
    }

    HttpVersion version() {
        return version;
    }

    /** The header lines of the last head parsed, in order: values are strings, as Netty's decoder makes them. */
    HttpHeaders headers() {
        return new PlainHttpHeaders(Arrays.copyOf(names, count), Arrays.copyOf(values, count));
    }

    private int more(int n) {
        return n >= maxHeadBytes() ? NOT_PLAIN : NEED_MORE;
    }

    /** The index of the method the bytes start with, or NEED_MORE / NOT_PLAIN. */
    private static int method(byte[] b, int n) {
        for (int i = 0; i < METHOD_NAMES.length; i++) {
            byte[] name = METHOD_NAMES[i];
            int common = Math.min(n, name.length);
            if (Arrays.equals(b, 0, common, name, 0, common)) {
                return common == name.length ? i : NEED_MORE;
            }
        }
        return NOT_PLAIN;
    }

    private void add(AsciiString name, String value) {
        if (count == names.length) {
            names = Arrays.copyOf(names, count * 2);
            values = Arrays.copyOf(values, count * 2);
        }
        names[count] = name;
        values[count++] = value;
    }

    /** One char per byte, as Netty's decoder reads header bytes. */
    @SuppressWarnings("deprecation")
    private static String latin1(byte[] b, int offset, int length) {
        return new String(b, 0, offset, length);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
