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
import dev.rosetta.server.handler.DocumentHandler;
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
    private final Endpoints endpoints;
    private final DialectResolver dialects;
    private final RequestAuthenticator authenticator;
    private final RoutingTable routes;
    private final HandlerRegistry handlers;
    private final Clock clock;

    public RequestProcessor(HostStyleResolver addressing, Endpoints endpoints, DialectResolver dialects,
                            RequestAuthenticator authenticator, RoutingTable routes, HandlerRegistry handlers,
                            Clock clock) {
        this.addressing = addressing;
        this.endpoints = endpoints;
        this.dialects = dialects;
        this.authenticator = authenticator;
        this.routes = routes;
        this.handlers = handlers;
        this.clock = clock;
    }

    /** Where a request arrived and how it will be answered, known from the head before anything is checked. */
    public record Classified(Endpoints.Endpoint endpoint, Dialect dialect) {
    }

    /** The dialect of answers that come before anything of the request is known (unparseable requests). */
    public Dialect defaultDialect() {
        return Dialect.AWS;
    }

    /** Finds the endpoint the request reached and the dialect that answers it. Never throws. */
    public Classified classify(RequestHead head) {
        Endpoints.Endpoint endpoint = endpoints.of(head.header("host"));
        return new Classified(endpoint, dialects.resolve(head, endpoint.style()));
    }

    /**
     * Checks a request head and finds its handler.
     *
     * @throws S3Exception the answer, when the request is refused before its body is read
     */
    public PreparedRequest admit(String requestId, RequestHead head, Classified classified) {
        Dialect dialect = classified.dialect();
        QueryString query;
        try {
            query = head.query();
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3ErrorCode.INVALID_URI).with("URI", head.rawPath());
        }
        Addressing where = addressing.resolve(head.header("host"), head.rawPath());
        Authentication auth = authenticator.authenticate(head, where.virtualHosted() ? where.bucket() : null,
                classified.endpoint().region());
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
        RequestContext ctx = new RequestContext(requestId, head, where, operation, auth, dialect, clock.instant());
        return new PreparedRequest(ctx, handler);
    }

    /** Checks a document body against the signature and Content-MD5, then runs the document handler. */
    public S3Response execute(PreparedRequest request, byte[] body) {
        RequestContext ctx = request.context();
        byte[] decoded = PayloadChecks.verify(ctx.head(), ctx.authentication().payload(), body);
        return ((DocumentHandler) request.handler()).handle(ctx, decoded);
    }
}
