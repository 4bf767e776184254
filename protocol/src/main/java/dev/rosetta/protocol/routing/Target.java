package dev.rosetta.protocol.routing;

/** What a request addresses: the service, a bucket, or an object in a bucket. */
public enum Target {
    SERVICE,
    BUCKET,
    OBJECT
}
