package dev.rosetta.server.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.AsciiString;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast path reads what Netty's decoder reads, the same way: every input is decoded by both, whole and split
 * at every byte, and the messages they produce are compared.
 */
class S3RequestDecoderTest {
    private static final int MAX_LINE = 512;
    private static final int MAX_HEADERS = 1024;
    private static final String FAST = " [fast path]";

    private static final String SDK_GET = "GET /bucket/photos/2026/a%20b.jpg?versionId=3 HTTP/1.1\r\n"
            + "Host: 127.0.0.1:9000\r\n"
            + "amz-sdk-invocation-id: 0b9e3f1c-6c5e-4f8e-9d0a-1c2b3d4e5f60\r\n"
            + "amz-sdk-request: attempt=1; max=4\r\n"
            + "x-amz-content-sha256: UNSIGNED-PAYLOAD\r\n"
            + "X-Amz-Date: 20261122T010203Z\r\n"
            + "Authorization: AWS4-HMAC-SHA256 Credential=AK/20261122/us-east-1/s3/aws4_request, "
            + "SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=0123456789abcdef\r\n"
            + "User-Agent: aws-sdk-java/2.31.0 Linux/6.1 OpenJDK_64-Bit_Server_VM/17\r\n"
            + "\r\n";

    @Test
    void aPlainGetTakesTheFastPathAndReadsAsNettyReadsIt() {
        EmbeddedChannel fast = new EmbeddedChannel(new S3RequestDecoder(MAX_LINE, MAX_HEADERS, 8192));
        fast.writeInbound(ascii(SDK_GET));
        HttpRequest request = fast.readInbound();
        assertThat(request.headers()).isInstanceOf(PlainHttpHeaders.class);
        assertThat(request.uri()).isEqualTo("/bucket/photos/2026/a%20b.jpg?versionId=3");
        assertThat(request.headers().get("x-amz-date")).isEqualTo("20261122T010203Z");
        assertThat(request.headers().getAll("host")).containsExactly("127.0.0.1:9000");
        assertThat((Object) fast.readInbound()).isSameAs(LastHttpContent.EMPTY_LAST_CONTENT);
        assertThat(decodeBoth(SDK_GET)).isTrue();
    }

    @Test
    void aHeadArrivingInPiecesOrWithManyLinesIsNettys() {
        EmbeddedChannel fast = new EmbeddedChannel(new S3RequestDecoder(MAX_LINE, MAX_HEADERS, 8192));
        fast.writeInbound(ascii(SDK_GET.substring(0, 100)));
        fast.writeInbound(ascii(SDK_GET.substring(100)));
        HttpRequest pieces = fast.readInbound();
        assertThat(pieces.headers()).isNotInstanceOf(PlainHttpHeaders.class);
        assertThat(pieces.headers().get("x-amz-date")).isEqualTo("20261122T010203Z");

        StringBuilder many = new StringBuilder("GET /b/k HTTP/1.1\r\n");
        for (int i = 0; i < 65; i++) {
            many.append("X-").append(i).append(": v\r\n");
        }
        String manyLines = many.append("\r\n").toString();
        assertThat(decodeBoth(manyLines)).isFalse();
        assertThat(decodeBoth(manyLines.replace("X-64: v\r\n", ""))).isTrue(); // 64 lines: still plain
    }

    @Test
    void headsOutsideThePlainFormAreNettysAndDecodeAlike() {
        List<String> heads = List.of(
                "PUT /b/k HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello",
                "POST /b/k?uploads HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n",
                "POST /b?delete HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\n<a>",
                "POST /b?delete HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n<a>\r\n0\r\n\r\n",
                "GET /b/k HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\nContent-Length: 0\r\n\r\n",
                "GET /b/k HTTP/1.1\r\nHost: h\r\nContent-Length: 00\r\n\r\n",
                "GET /b/k HTTP/1.0\r\nHost: h\r\nConnection: keep-alive\r\n\r\n",
                "GET /b/k HTTP/1.1\r\nX-Folded: one\r\n  two\r\n\r\n",
                "GET /b/k HTTP/1.1\nHost: h\n\n",
                "GET /b/k HTTP/1.1\r\nHost : h\r\n\r\n",
                "GET /b/k HTTP/1.1\r\nX-Empty:\r\nX-Spaces: \t a  b \t\r\n\r\n",
                "GET /b/k HTTP/1.1\r\nX-Meta: caf\u00e9\r\n\r\n",
                "GET  /b/k HTTP/1.1\r\nHost: h\r\n\r\n",
                "get /b/k HTTP/1.1\r\nHost: h\r\n\r\n",
                "GET http://h/b/k HTTP/1.1\r\nHost: h\r\n\r\n",
                "GET /b/k HTTP/2.0\r\nHost: h\r\n\r\n",
                "\r\nGET /b/k HTTP/1.1\r\nHost: h\r\n\r\n",
                "DELETE /b/k HTTP/1.1\r\nHost: h\r\nExpect: 100-continue\r\n\r\n",
                "HEAD /b/k HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n",
                "OPTIONS /b/k HTTP/1.1\r\nOrigin: http://example.com\r\n\r\n",
                "GET /" + "a".repeat(MAX_LINE) + " HTTP/1.1\r\nHost: h\r\n\r\n",
                "GET /b/k HTTP/1.1\r\nX-Long: " + "v".repeat(MAX_HEADERS) + "\r\n\r\n",
                "GET /b/k HTTP/1.1\r\nBad\u0001Name: v\r\n\r\n",
                "GET /b/k HTTP/1.1\r\nX-Ctl: a\u0001b\r\n\r\n",
                "BREW /pot HTTP/1.1\r\n\r\n");
        for (String head : heads) {
            decodeBoth(head);
        }
    }

    @Test
    void pipelinedPlainAndBodiedRequestsSplitAnywhereDecodeAlike() {
        String pipelined = SDK_GET
                + "PUT /b/k HTTP/1.1\r\nHost: h\r\nContent-Length: 11\r\n\r\nhello world"
                + "GET /b/k2 HTTP/1.1\r\nHost: h\r\n\r\n"
                + "POST /b?delete HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\n<a>\r\n0\r\n\r\n"
                + "HEAD /b/k3 HTTP/1.1\r\nHost: h\r\n\r\n";
        decodeBoth(pipelined);
    }

    @Test
    void afterABadRequestTheRestIsNettysToDiscard() {
        String bad = "GET /b/k HTTP/1.1\r\nHost: h\r\nContent-Length: x\r\n\r\n" + SDK_GET;
        decodeBoth(bad);
        EmbeddedChannel fast = new EmbeddedChannel(new S3RequestDecoder(MAX_LINE, MAX_HEADERS, 8192));
        fast.writeInbound(ascii(bad));
        HttpRequest first = fast.readInbound();
        assertThat(first.decoderResult().isFailure()).isTrue();
        Object rest;
        while ((rest = fast.readInbound()) != null) {
            assertThat(rest).isNotInstanceOf(HttpRequest.class);
            ReferenceCountUtil.release(rest);
        }
    }

    @Test
    void randomHeadsDecodeAlike() {
        Random random = new Random(20261122L);
        String[] methods = {"GET", "HEAD", "DELETE", "POST", "OPTIONS", "PUT"};
        String valueChars = "abcXYZ019 -_.~!$'()*,;:@/?=&\t\"";
        for (int i = 0; i < 200; i++) {
            StringBuilder head = new StringBuilder(methods[random.nextInt(methods.length)])
                    .append(" /b/k").append(random.nextInt(100)).append(" HTTP/1.").append(random.nextInt(2))
                    .append("\r\n");
            int lines = random.nextInt(12);
            for (int l = 0; l < lines; l++) {
                head.append(random.nextBoolean() ? "X-Amz-Meta-" : "x-h").append(l).append(':');
                head.append(" \t".substring(0, random.nextInt(3)));
                int length = random.nextInt(30);
                for (int c = 0; c < length; c++) {
                    head.append(valueChars.charAt(random.nextInt(valueChars.length())));
                }
                head.append(random.nextInt(10) == 0 ? "\n" : "\r\n");
            }
            if (random.nextInt(4) == 0) {
                head.append("Content-Length: ").append(random.nextInt(3)).append("\r\n\r\n");
                head.append("ab", 0, 2);
            } else {
                head.append("\r\n");
            }
            decodeBoth(head.toString());
        }
    }

    @Test
    void theFastPathsHeadersAnswerAsNettysDo() {
        String head = "GET /b/k HTTP/1.1\r\nHost: h\r\nX-Multi: a\r\nConnection: keep-alive, Upgrade\r\n"
                + "x-multi: b\r\nContent-Length: 0\r\nIf-Modified-Since: Sun, 22 Nov 2026 01:02:03 GMT\r\n"
                + "X-Short: 12\r\nX-Bad-Int: 1x\r\nExpect: 100-continue\r\n\r\n";
        HttpRequest fast = firstRequest(new S3RequestDecoder(MAX_LINE, MAX_HEADERS, 8192), head);
        HttpRequest netty = firstRequest(new HttpRequestDecoder(MAX_LINE, MAX_HEADERS, 8192), head);
        HttpHeaders f = fast.headers();
        HttpHeaders n = netty.headers();
        assertThat(f).isInstanceOf(PlainHttpHeaders.class);
        for (String name : List.of("host", "HOST", "x-multi", "X-MULTI", "connection", "content-length", "absent",
                "if-modified-since", "x-short", "x-bad-int", "expect")) {
            assertThat(f.get(name)).as(name).isEqualTo(n.get(name));
            assertThat(f.get(AsciiString.of(name))).as(name).isEqualTo(n.get(AsciiString.of(name)));
            assertThat(f.getAll(name)).as(name).isEqualTo(n.getAll(name));
            assertThat(f.contains(name)).as(name).isEqualTo(n.contains(name));
            assertThat(f.getInt(name)).as(name).isEqualTo(n.getInt(name));
            assertThat(f.getShort(name, (short) -1)).as(name).isEqualTo(n.getShort(name, (short) -1));
        }
        assertThat(f.getTimeMillis("if-modified-since")).isEqualTo(n.getTimeMillis("if-modified-since"))
                .isEqualTo(1_795_309_323_000L);
        assertThat(f.getTimeMillis("host")).isNull(); // Netty's throws a ParseException; nothing here asks
        assertThat(f.names()).containsExactlyElementsOf(n.names());
        assertThat(f.size()).isEqualTo(n.size());
        assertThat(f.entries()).isEqualTo(n.entries());
        assertThat(f.containsValue("connection", "upgrade", true)).isTrue();
        assertThat(f.contains("x-multi", "B", true)).isTrue();
        assertThat(f.contains("x-multi", "B", false)).isFalse();
        assertThat(HttpUtil.isKeepAlive(fast)).isEqualTo(HttpUtil.isKeepAlive(netty)).isTrue();
        assertThat(HttpUtil.is100ContinueExpected(fast)).isEqualTo(HttpUtil.is100ContinueExpected(netty)).isTrue();
        assertThat(HttpUtil.getContentLength(fast, -1L)).isEqualTo(HttpUtil.getContentLength(netty, -1L)).isZero();
        assertThat(HttpUtil.isTransferEncodingChunked(fast)).isFalse();
        assertThatThrownBy(() -> f.set("host", "other")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(f.get("host")).isEqualTo("h");
    }

    private static HttpRequest firstRequest(HttpRequestDecoder decoder, String head) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        channel.writeInbound(ascii(head));
        HttpRequest request = channel.readInbound();
        channel.finishAndReleaseAll();
        return request;
    }

    /**
     * Decodes {@code input} with Netty's decoder whole, and with the fast-path decoder whole and split at every
     * byte; asserts the same messages come out.
     *
     * @return whether the fast path read at least one request
     */
    private static boolean decodeBoth(String input) {
        byte[] bytes = input.getBytes(StandardCharsets.ISO_8859_1);
        List<String> expected = describe(new HttpRequestDecoder(MAX_LINE, MAX_HEADERS, 8192), bytes, bytes.length);
        boolean fastPath = false;
        for (int split = 1; split <= bytes.length; split++) {
            S3RequestDecoder decoder = new S3RequestDecoder(MAX_LINE, MAX_HEADERS, 8192);
            List<String> actual = describe(decoder, bytes, split);
            fastPath |= actual.stream().anyMatch(m -> m.endsWith(FAST));
            assertThat(actual.stream().map(m -> m.replace(FAST, "")).toList()).as("split at %d of %s", split, input)
                    .isEqualTo(expected);
        }
        return fastPath;
    }

    /** What a decoder makes of the bytes, given in two writes split at {@code split}: one line per message. */
    private static List<String> describe(HttpRequestDecoder decoder, byte[] bytes, int split) {
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        channel.writeInbound(Unpooled.wrappedBuffer(bytes, 0, split));
        if (split < bytes.length) {
            channel.writeInbound(Unpooled.wrappedBuffer(bytes, split, bytes.length - split));
        }
        channel.finish();
        List<String> out = new ArrayList<>();
        StringBuilder content = new StringBuilder();
        Object m;
        while ((m = channel.readInbound()) != null) {
            String failure = m instanceof DecoderResultProvider p && p.decoderResult().isFailure()
                    ? " FAILED " + p.decoderResult().cause().getClass().getSimpleName() : "";
            if (m instanceof HttpRequest r) {
                StringBuilder sb = new StringBuilder(r.method() + " " + r.uri() + " " + r.protocolVersion() + failure);
                for (Map.Entry<String, String> h : r.headers()) {
                    sb.append(" | ").append(h.getKey()).append('=').append(h.getValue());
                }
                if (r.headers() instanceof PlainHttpHeaders) {
                    sb.append(FAST); // which decoder read it, not part of the comparison
                }
                out.add(sb.toString());
            }
            if (m instanceof HttpContent c) {
                ByteBuf data = c.content();
                content.append(data.toString(StandardCharsets.ISO_8859_1));
                if (m instanceof LastHttpContent last) {
                    out.add("body " + content + " trailers " + last.trailingHeaders().entries() + failure);
                    content.setLength(0);
                }
            }
            ReferenceCountUtil.release(m);
        }
        if (content.length() > 0) {
            out.add("partial body " + content);
        }
        return out;
    }

    private static ByteBuf ascii(String s) {
        return Unpooled.copiedBuffer(s, StandardCharsets.US_ASCII);
    }
}
