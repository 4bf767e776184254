package dev.rosetta.server.http;

import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.RequestAuthenticator;
import dev.rosetta.protocol.Operation;
import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.QueryString;
import dev.rosetta.protocol.http.RequestHead;
import dev.rosetta.protocol.names.ObjectKeys;
import dev.rosetta.protocol.routing.RouteInput;
import dev.rosetta.protocol.routing.RoutingTable;
import dev.rosetta.protocol.routing.Target;
import dev.rosetta.server.handler.HandlerRegistry;
import dev.rosetta.server.handler.OperationHandler;
import dev.rosetta.server.handler.RequestContext;
import java.time.Clock;

/**
 * The transport-independent steps of a request. {@link #admit} runs on the event loop as soon as
 * the head has arrived: addressing, authentication, routing and the up-front refusals, so that
 * {@code 100 Continue} is only sent for a request that will be served. {@link #execute} runs on the
 * blocking executor once the body is in.
 */
public final class RequestProcessor {
    private final HostStyleResolver addressing;
    private final RequestAuthenticator authenticator;
    private final RoutingTable routes;
    private final HandlerRegistry handlers;
    private final Dialect dialect;
    private final Clock clock;

    public RequestProcessor(HostStyleResolver addressing, RequestAuthenticator authenticator, RoutingTable routes,
                            HandlerRegistry handlers, Dialect dialect, Clock clock) {
        this.addressing = addressing;
        this.authenticator = authenticator;
        this.routes = routes;
        this.handlers = handlers;
        this.dialect = dialect;
        this.clock = clock;
    }

    /** The dialect of answers that come before anything of the request is known. */
    public Dialect defaultDialect() {
        return dialect;
    }

    /** The dialect that answers a request, as far as the head tells. */
    public Dialect dialectFor(RequestHead head) {
        return dialect;
    }

    /**
     * Checks a request head and finds its handler.
     *
     * @throws S3Exception the answer, when the request is refused before its body is read
     */
    public PreparedRequest admit(String requestId, RequestHead head) {
        QueryString query;
        try {
            query = head.query();
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3ErrorCode.INVALID_URI).with("URI", head.rawPath());
        }
        Addressing where = addressing.resolve(head.header("host"), head.rawPath());
        Authentication auth = authenticator.authenticate(head, where.virtualHosted() ? where.bucket() : null);
        Target target = !where.hasBucket() ? Target.SERVICE : where.hasKey() ? Target.OBJECT : Target.BUCKET;
        Operation operation = routes.resolve(new RouteInput(head.method(), target, query,
                head.hasHeader(dialect.header("copy-source"))));
        OperationHandler handler = handlers.get(operation);
        if (handler == null) {
            throw new S3Exception(S3ErrorCode.NOT_IMPLEMENTED,
                    operation.s3Name() + " is not implemented by this server.");
        }
        if (where.hasKey()) {
            ObjectKeys.validate(where.key());
        }
        if (auth.isAnonymous() && !handler.allowsAnonymous()) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED);
        }
        RequestContext ctx = new RequestContext(requestId, head, where, operation, auth, dialectFor(head),
                clock.instant());
        return new PreparedRequest(ctx, handler);
    }

    /** Checks the body against the signature and Content-MD5, then runs the handler. */
    public S3Response execute(PreparedRequest request, byte[] body) {
        RequestContext ctx = request.context();
        PayloadChecks.verify(ctx.head(), ctx.authentication().payload(), body);
        return request.handler().handle(ctx, body);
    }
}
