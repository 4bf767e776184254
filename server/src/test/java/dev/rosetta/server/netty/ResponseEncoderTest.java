package dev.rosetta.server.netty;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.dialect.HeaderFamily;
import dev.rosetta.protocol.dialect.WireStyle;
import dev.rosetta.server.body.ResponseBody;
import dev.rosetta.server.http.S3Response;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bytes of a response head: status line, the headers every response carries, then the handler's. */
class ResponseEncoderTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:09:10Z"), ZoneOffset.UTC);
    private final ResponseEncoder encoder = new ResponseEncoder(new DateHeader(CLOCK));

    private String encode(S3Response r, Dialect dialect, boolean head, boolean keepAlive, HttpVersion version) {
        ByteBuf b = encoder.encode(UnpooledByteBufAllocator.DEFAULT, r, dialect, "REQ1", "HOST1", head, keepAlive,
                version, 0);
        try {
            return b.toString(StandardCharsets.ISO_8859_1);
        } finally {
            b.release();
        }
    }

    @Test
    void aDocumentResponseCarriesItsTypeLengthAndBodyAfterTheIds() {
        S3Response r = S3Response.ok().header("x-amz-version-id", "v1")
                .body("<a/>".getBytes(StandardCharsets.UTF_8), "application/xml");
        assertThat(encode(r, Dialect.AWS, false, true, HttpVersion.HTTP_1_1)).isEqualTo("""
                HTTP/1.1 200 OK\r
                x-amz-request-id: REQ1\r
                x-amz-id-2: HOST1\r
                Date: Sun, 22 Nov 2026 08:09:10 GMT\r
                Server: Rosetta\r
                x-amz-version-id: v1\r
                Content-Type: application/xml\r
                Content-Length: 4\r
                \r
                <a/>""");
    }

    @Test
    void aHeadAnswerKeepsTheLengthButNotTheBody() {
        S3Response r = S3Response.status(404).body("<Error/>".getBytes(StandardCharsets.UTF_8), "application/xml");
        String out = encode(r, Dialect.AWS, true, true, HttpVersion.HTTP_1_1);
        assertThat(out).startsWith("HTTP/1.1 404 Not Found\r\n").contains("Content-Length: 8\r\n").endsWith("\r\n\r\n");
    }

    @Test
    void aStreamedBodyIsDeclaredButNotWritten() {
        S3Response r = S3Response.ok().header("Content-Type", "text/plain")
                .streamBody(ResponseBody.of(List.of(new ResponseBody.BytesSegment(new byte[10], 0, 7))));
        String out = encode(r, Dialect.AWS, false, true, HttpVersion.HTTP_1_1);
        assertThat(out).contains("Content-Type: text/plain\r\n", "Content-Length: 7\r\n").endsWith("\r\n\r\n");
    }

    @Test
    void theHandlersLengthIsKeptAndTheDocumentTypeReplacesTheHandlers() {
        S3Response r = S3Response.status(206).header("content-length", "3").header("content-type", "x/y")
                .body(new byte[] {1, 2, 3}, "application/xml");
        String out = encode(r, Dialect.AWS, false, true, HttpVersion.HTTP_1_1);
        assertThat(out).startsWith("HTTP/1.1 206 Partial Content\r\n").contains("content-length: 3\r\n")
                .doesNotContain("Content-Length").doesNotContain("x/y").contains("Content-Type: application/xml\r\n");
    }

    @Test
    void noContentHasNoLength() {
        String out = encode(S3Response.noContent(), Dialect.AWS, false, true, HttpVersion.HTTP_1_1);
        assertThat(out).startsWith("HTTP/1.1 204 No Content\r\n").doesNotContain("Content-Length");
    }

    @Test
    void connectionHeaderSaysCloseOrKeepsAnHttp10ClientAlive() {
        assertThat(encode(S3Response.ok(), Dialect.AWS, false, false, HttpVersion.HTTP_1_1))
                .contains("Connection: close\r\n");
        assertThat(encode(S3Response.ok(), Dialect.AWS, false, true, HttpVersion.HTTP_1_0))
                .contains("Connection: keep-alive\r\n");
        assertThat(encode(S3Response.ok(), Dialect.AWS, false, true, HttpVersion.HTTP_1_1))
                .doesNotContain("Connection");
    }

    @Test
    void aDialectNamesItsOwnRequestIdHeaders() {
        Dialect cosOverS3 = new Dialect("COS-S3", HeaderFamily.AMZ, WireStyle.COS_S3);
        String out = encode(S3Response.ok(), cosOverS3, false, true, HttpVersion.HTTP_1_1);
        assertThat(out).contains("x-amz-request-id: REQ1\r\n", "x-cos-request-id: REQ1\r\n", "x-amz-id-2: HOST1\r\n");
    }

    @Test
    void charactersAreWrittenOneByteEachAsNettyDoes() {
        S3Response r = S3Response.ok().header("x-amz-meta-a", "caf\u00e9 \u2603");
        String out = encode(r, Dialect.AWS, false, true, HttpVersion.HTTP_1_1);
        assertThat(out).contains("x-amz-meta-a: caf\u00e9 ?\r\n");
    }

    @Test
    void statusLinesUseNettysReasonPhrases() {
        assertThat(new String(ResponseEncoder.statusLine(503), StandardCharsets.ISO_8859_1))
                .isEqualTo("HTTP/1.1 503 Service Unavailable\r\n");
        assertThat(new String(ResponseEncoder.statusLine(299), StandardCharsets.ISO_8859_1))
                .isEqualTo("HTTP/1.1 299 Success (299)\r\n");
        ByteBuf c = ResponseEncoder.continueResponse(UnpooledByteBufAllocator.DEFAULT);
        assertThat(c.toString(StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
        c.release();
    }
}
