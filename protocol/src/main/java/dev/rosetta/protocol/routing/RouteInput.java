package dev.rosetta.protocol.routing;

import dev.rosetta.protocol.http.QueryString;

/**
 * What the routing table looks at: the method, the addressed target, the query, and whether the
 * request names a copy source (in whichever dialect's header: {@code x-amz-copy-source},
 * {@code x-obs-copy-source}, ...).
 */
public record RouteInput(String method, Target target, QueryString query, boolean hasCopySource) {
}
