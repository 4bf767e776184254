package dev.rosetta.server.handler;

/**
 * What the server knows about the connection a request came on, for rules that depend on it (S3 refuses
 * SSE-C keys sent in the clear).
 *
 * @param tls      the connection is TLS
 * @param loopback the peer is a loopback address (the bytes never left the machine)
 */
public record ClientConnection(boolean tls, boolean loopback) {
    /** Nothing known: treated as a plain connection from elsewhere. */
    public static final ClientConnection UNKNOWN = new ClientConnection(false, false);
}
