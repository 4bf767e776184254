package dev.rosetta.server.handler;

/**
 * How an operation takes its request body.
 *
 * @param maxBytes the largest body accepted; a larger one is refused before it is read
 */
public record BodyPolicy(Kind kind, long maxBytes) {

    public enum Kind {
        /** The operation has no body; one that is sent is read and dropped, up to {@code maxBytes}. */
        IGNORE,
        /** The operation reads a small document (XML) whole, up to {@code maxBytes}. */
        AGGREGATE
    }

    /** No body expected; up to 1 MiB sent anyway is dropped. */
    public static final BodyPolicy IGNORE = new BodyPolicy(Kind.IGNORE, 1 << 20);

    /** An XML document of at most {@code maxBytes}. */
    public static BodyPolicy xml(long maxBytes) {
        return new BodyPolicy(Kind.AGGREGATE, maxBytes);
    }
}
