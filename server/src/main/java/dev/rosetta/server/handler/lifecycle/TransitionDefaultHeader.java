package dev.rosetta.server.handler.lifecycle;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.model.BucketLifecycle;
import dev.rosetta.server.http.S3Response;

/**
 * S3's {@code x-amz-transition-default-minimum-object-size}, sent and answered by Put/Get of a lifecycle
 * configuration. Only the AWS header family has it; other dialects neither read nor receive it.
 */
final class TransitionDefaultHeader {
    private static final String SUFFIX = "transition-default-minimum-object-size";

    private TransitionDefaultHeader() {
    }

    /** The header's name in this dialect, or null when its family has none. */
    static String name(Dialect dialect) {
        return dialect.headerPrefix().equals("x-amz-") ? dialect.header(SUFFIX) : null;
    }

    static void add(S3Response response, Dialect dialect, BucketLifecycle lifecycle) {
        String name = name(dialect);
        if (name != null) {
            response.header(name, lifecycle.transitionDefaultMinimumObjectSize());
        }
    }
}
