package dev.rosetta.server.http;

import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.SchemeDetector;
import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.dialect.DialectCatalog;
import dev.rosetta.protocol.dialect.EndpointStyle;
import dev.rosetta.protocol.dialect.SigningFamily;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;
import java.util.List;
import java.util.Map;

/**
 * Picks the dialect of a request from its head alone, before it is authenticated, so that even an
 * authentication failure is answered in the client's dialect: the signing scheme's family and the
 * endpoint's style go to {@link DialectCatalog#resolve}.
 */
public final class DialectResolver {
    private final DialectCatalog catalog;

    public DialectResolver(DialectCatalog catalog) {
        this.catalog = catalog;
    }

    public Dialect resolve(RequestHead head, EndpointStyle endpoint) {
        SigningFamily family;
        try {
            family = familyOf(SchemeDetector.detect(head));
        } catch (S3Exception unsupportedScheme) {
            family = SigningFamily.AWS;
        }
        boolean obsHeaders = false;
        boolean amzHeaders = false;
        if (family == SigningFamily.ANONYMOUS && endpoint == EndpointStyle.OBS) {
            List<Map.Entry<String, String>> entries = head.headerEntries();
            for (Map.Entry<String, String> e : entries) {
                String name = e.getKey();
                obsHeaders |= name.regionMatches(true, 0, "x-obs-", 0, 6);
                amzHeaders |= name.regionMatches(true, 0, "x-amz-", 0, 6);
            }
        }
        return catalog.resolve(endpoint, family, obsHeaders, amzHeaders);
    }

    /** The signing family of a scheme. */
    public static SigningFamily familyOf(AuthScheme scheme) {
        return switch (scheme) {
            case ANONYMOUS -> SigningFamily.ANONYMOUS;
            case OBS, OBS_PRESIGNED -> SigningFamily.OBS;
            case COS, COS_PRESIGNED -> SigningFamily.COS;
            case WOS_V4, WOS_V4_PRESIGNED, WOS_V2 -> SigningFamily.WOS;
            default -> SigningFamily.AWS;
        };
    }

    public DialectCatalog catalog() {
        return catalog;
    }
}
