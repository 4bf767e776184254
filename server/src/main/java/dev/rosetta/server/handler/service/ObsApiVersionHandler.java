package dev.rosetta.server.handler.service;

import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;

/**
 * The Huawei SDKs' negotiation probe, an anonymous {@code HEAD /?apiversion} (or
 * {@code HEAD /bucket?apiversion}): {@code 200} with {@code x-obs-api: 3.0} tells the SDK to sign with
 * its native OBS scheme. Answered on every endpoint and whether or not the bucket exists, since the
 * SDK probes before CreateBucket and raises on a 404.
 */
public final class ObsApiVersionHandler implements DocumentHandler {
    @Override
    public boolean allowsAnonymous() {
        return true;
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        return S3Response.ok().header("x-obs-api", "3.0");
    }
}
