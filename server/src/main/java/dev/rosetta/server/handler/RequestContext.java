package dev.rosetta.server.handler;

import dev.rosetta.auth.Authentication;
import dev.rosetta.protocol.Operation;
import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.server.http.Addressing;
import java.time.Instant;

/**
 * One request as the handlers see it: its head, where it points, who sent it, which operation it
 * is, and which dialect answers it. Built on the event loop before the handler runs; immutable after.
 */
public final class RequestContext {
    private final String requestId;
    private final RequestHead head;
    private final Addressing addressing;
    private final Operation operation;
    private final Authentication authentication;
    private final Dialect dialect;
    private final Instant receivedAt;
    private final String endpointRegion;
    private final ClientConnection connection;

    public RequestContext(String requestId, RequestHead head, Addressing addressing, Operation operation,
                          Authentication authentication, Dialect dialect, Instant receivedAt) {
        this(requestId, head, addressing, operation, authentication, dialect, receivedAt, null);
    }

    /** @param endpointRegion the region of the endpoint the request reached, or null for the server's */
    public RequestContext(String requestId, RequestHead head, Addressing addressing, Operation operation,
                          Authentication authentication, Dialect dialect, Instant receivedAt, String endpointRegion) {
        this(requestId, head, addressing, operation, authentication, dialect, receivedAt, endpointRegion,
                ClientConnection.UNKNOWN);
    }

    /** @param connection what is known of the connection (TLS, loopback peer) */
    public RequestContext(String requestId, RequestHead head, Addressing addressing, Operation operation,
                          Authentication authentication, Dialect dialect, Instant receivedAt, String endpointRegion,
                          ClientConnection connection) {
        this.connection = connection == null ? ClientConnection.UNKNOWN : connection;
        this.endpointRegion = endpointRegion;
        this.requestId = requestId;
        this.head = head;
        this.addressing = addressing;
        this.operation = operation;
        this.authentication = authentication;
        this.dialect = dialect;
        this.receivedAt = receivedAt;
    }

    public String requestId() {
        return requestId;
    }

    public RequestHead head() {
        return head;
    }

    public Addressing addressing() {
        return addressing;
    }

    /** The addressed bucket; routing guarantees it for bucket and object operations. */
    public String bucket() {
        return addressing.bucket();
    }

    /** The addressed key; routing guarantees it for object operations. */
    public String key() {
        return addressing.key();
    }

    public Operation operation() {
        return operation;
    }

    public Authentication authentication() {
        return authentication;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Instant receivedAt() {
        return receivedAt;
    }

    /** The region of the endpoint the request reached (a JD or WOS endpoint's own), or null for the server's. */
    public String endpointRegion() {
        return endpointRegion;
    }

    /** The connection the request came on. */
    public ClientConnection connection() {
        return connection;
    }

    /** The account that signed the request, or null for an anonymous request. */
    public Owner principal() {
        return authentication.isAnonymous() ? null : authentication.credential().owner();
    }

    /** The signing account; AccessDenied for an anonymous request. */
    public Owner requirePrincipal() {
        Owner owner = principal();
        if (owner == null) {
            throw new S3Exception(S3ErrorCode.ACCESS_DENIED);
        }
        return owner;
    }

    /** The query parameter's decoded value, or null. */
    public String param(String name) {
        return head.query().get(name);
    }
}
