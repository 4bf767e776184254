package dev.rosetta.bench.http;

import dev.rosetta.bench.sign.SignableRequest;
import io.netty.buffer.ByteBuf;
import java.util.List;

/**
 * A signed request ready for the wire. The body, when there is one, is a retained view of a shared
 * buffer, released by the write.
 *
 * @param target      path and query as sent
 * @param headers     header lines ({@code Host} and the signer's included); Content-Length is added on send
 * @param body        null for no body
 * @param collectBody whether the response body is kept for the caller (it always is for error statuses)
 */
public record OutgoingRequest(RequestKind kind, String method, String target, List<SignableRequest.Header> headers,
                              ByteBuf body, boolean collectBody) {

    public long bodyLength() {
        return body == null ? 0 : body.readableBytes();
    }
}
