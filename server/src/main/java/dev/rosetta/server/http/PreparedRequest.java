package dev.rosetta.server.http;

import dev.rosetta.server.handler.OperationHandler;
import dev.rosetta.server.handler.RequestContext;

/** A request whose head passed every check, and who serves it. */
public record PreparedRequest(RequestContext context, OperationHandler handler) {
}
