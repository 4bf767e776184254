package dev.rosetta.server.netty;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResultProvider;
import io.netty.handler.codec.http.DefaultHttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;

/**
 * Netty's HTTP/1.1 request decoder with a fast path in front: a plain, bodiless request whose head is whole in
 * the bytes received ({@link PlainRequestHead}: every GET an SDK sends) is read from one copy of its bytes into a
 * request with read-only headers, about a third of the work of Netty's general parser. Every other request (a head
 * still arriving included), and every byte from such a head to the end of its message, goes to Netty's decoder,
 * which also keeps all the error handling; a connection whose decoder failed stays with Netty's (which discards
 * what follows).
 */
final class S3RequestDecoder extends HttpRequestDecoder {
    private static final int FIRST_COPY_BYTES = 2048;

    private final PlainRequestHead plain;
    private byte[] scratch = new byte[FIRST_COPY_BYTES];
    /** Whether Netty's decoder is between messages, so the next bytes start a request the fast path may read. */
    private boolean atMessageStart = true;
    private boolean failed;

    S3RequestDecoder(int maxInitialLineBytes, int maxHeaderBytes, int maxChunkBytes) {
        super(maxInitialLineBytes, maxHeaderBytes, maxChunkBytes);
        this.plain = new PlainRequestHead(maxInitialLineBytes, maxHeaderBytes);
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, ByteBuf in, List<Object> out) throws Exception {
        if (atMessageStart && !failed && in.isReadable()) {
            int head = readPlainHead(in);
            if (head > 0) {
                in.skipBytes(head);
                out.add(new DefaultHttpRequest(plain.version(), plain.method(), plain.uri(), plain.headers()));
                out.add(LastHttpContent.EMPTY_LAST_CONTENT);
                return;
            }
            // a head that is not whole yet is Netty's too: its parser is incremental, where reading the head again
            // from the start on every read would let a client sending a byte at a time cost quadratic work
        }
        int before = out.size();
        int readerIndex = in.readerIndex();
        super.decode(ctx, in, out);
        for (int i = before; i < out.size(); i++) {
            Object o = out.get(i);
            if (o instanceof DecoderResultProvider p && p.decoderResult().isFailure()) {
                failed = true;
            }
        }
        if (out.size() > before) {
            atMessageStart = out.get(out.size() - 1) instanceof LastHttpContent;
        } else if (in.readerIndex() != readerIndex) {
            atMessageStart = false; // Netty holds part of a head or body
        }
    }

    /** The plain head's length, or {@link PlainRequestHead#NEED_MORE} / {@link PlainRequestHead#NOT_PLAIN}. */
    private int readPlainHead(ByteBuf in) {
        int readable = in.readableBytes();
        int copied = Math.min(readable, scratch.length);
        in.getBytes(in.readerIndex(), scratch, 0, copied);
        int head = plain.parse(scratch, copied);
        if (head == PlainRequestHead.NEED_MORE && readable > copied && scratch.length < plain.maxHeadBytes()) {
            scratch = new byte[plain.maxHeadBytes()]; // a long head: this connection keeps the larger buffer
            copied = Math.min(readable, scratch.length);
            in.getBytes(in.readerIndex(), scratch, 0, copied);
            head = plain.parse(scratch, copied);
        }
        return head;
    }
}
