package dev.rosetta.server.http;

import dev.rosetta.server.handler.BodyPolicy;
import dev.rosetta.server.handler.OperationHandler;
import dev.rosetta.server.handler.RequestContext;

/** A request whose head passed every check: who serves it and how its body is taken. */
public record PreparedRequest(RequestContext context, OperationHandler handler) {
    public BodyPolicy bodyPolicy() {
        return handler.bodyPolicy();
    }
}
