package dev.rosetta.server.http;

import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.PayloadRequirement;
import dev.rosetta.auth.RequestAuthenticator;
import dev.rosetta.protocol.Operation;
import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.dialect.EndpointStyle;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.QueryString;
import dev.rosetta.protocol.http.RequestHead;
import dev.rosetta.protocol.names.ObjectKeys;
import dev.rosetta.protocol.routing.RouteInput;
import dev.rosetta.protocol.routing.RoutingTable;
import dev.rosetta.protocol.routing.Target;
import dev.rosetta.server.handler.ClientConnection;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.HandlerRegistry;
import dev.rosetta.server.handler.OperationHandler;
import dev.rosetta.server.handler.RequestContext;
import java.time.Clock;
import java.util.concurrent.CompletionStage;

/**
 * The transport-independent steps of a request. {@link #admit} runs on the event loop as soon as
 * the head has arrived: addressing, authentication, routing and the up-front refusals, so that
 * {@code 100 Continue} is only sent for a request that will be served. {@link #execute} runs on the
 * blocking executor once the body is in.
 */
public final class RequestProcessor {
    private static final String EMPTY_SHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
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
        return admit(requestId, head, classified, ClientConnection.UNKNOWN);
    }

    /**
     * {@link #admit(String, RequestHead, Classified)} for a request on a known connection.
     *
     * @throws S3Exception the answer, when the request is refused before its body is read
     */
    public PreparedRequest admit(String requestId, RequestHead head, Classified classified,
                                 ClientConnection connection) {
        Dialect dialect = classified.dialect();
        QueryString query;
        try {
            query = head.query();
        } catch (IllegalArgumentException e) {
            throw new S3Exception(S3ErrorCode.INVALID_URI).with("URI", head.rawPath());
        }
        Addressing where = addressing.resolve(head.header("host"), head.rawPath());
        Authentication auth = obsSdkV4Payload(authenticator.authenticate(head,
                where.virtualHosted() ? where.bucket() : null, classified.endpoint().region()),
                classified.endpoint().style());
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
        RequestContext ctx = new RequestContext(requestId, head, where, operation, auth, dialect, clock.instant(),
                classified.endpoint().region(), connection);
        return new PreparedRequest(ctx, handler);
    }

    /**
     * esdk-obs-java's V4 mode sends {@code x-amz-content-sha256} with the hash of the empty body whatever the body
     * (its {@code obs.properties} constant), and OBS does not check it. On an OBS endpoint that value therefore
     * commits to nothing: it is taken as {@code UNSIGNED-PAYLOAD} (which any client may send anyway), so the SDK's
     * uploads are not refused as XAmzContentSHA256Mismatch. Content-MD5 is still checked.
     */
    private static Authentication obsSdkV4Payload(Authentication auth, EndpointStyle endpoint) {
        if (endpoint == EndpointStyle.OBS && auth.scheme() == AuthScheme.AWS_V4
                && auth.payload() instanceof PayloadRequirement.Sha256 sha256 && sha256.hex().equals(EMPTY_SHA256)) {
            return new Authentication(auth.scheme(), auth.credential(), PayloadRequirement.unsigned());
        }
        return auth;
    }

    /**
     * Checks a document body against the signature and Content-MD5, then runs the document handler
     * ({@link DocumentHandler#handleAsync}): the answer may complete later, once the handler's write is durable.
     */
    public CompletionStage<S3Response> execute(PreparedRequest request, byte[] body) {
        RequestContext ctx = request.context();
        InitiateDigest.check(ctx, body); // WOS answers a wrong Content-MD5 on initiate with 403
        byte[] decoded = PayloadChecks.verify(ctx.head(), ctx.authentication().payload(), body);
        return ((DocumentHandler) request.handler()).handleAsync(ctx, decoded);
    }
}
