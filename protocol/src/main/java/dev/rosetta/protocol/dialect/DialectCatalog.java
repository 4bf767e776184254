package dev.rosetta.protocol.dialect;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The dialects one server answers in, built once from the configured namespaces, and the rule that
 * picks one per request:
 * <ul>
 *   <li>a vendor signing scheme decides by itself: OBS → OBS, COS → COS, WOS → WOS (WCS's namespace on
 *       a WCS endpoint);</li>
 *   <li>an AWS-family signature is answered in the endpoint's style with {@code x-amz-} headers:
 *       AWS, JD, OBS's S3 mode, COS (AWS plus {@code x-cos-request-id}), WOS, WCS;</li>
 *   <li>an anonymous request takes the endpoint's style; on an OBS endpoint it is OBS native unless it
 *       carries {@code x-amz-} headers and no {@code x-obs-} ones (docs/dialects.md §3.1).</li>
 * </ul>
 */
public final class DialectCatalog {

    /** The namespaces that depend on a region or a brand. */
    public record Namespaces(String obs, String wos, String wcs) {
        public static Namespaces defaults(String region) {
            return new Namespaces(WireStyle.obsNamespace(region), WireStyle.WOS_NAMESPACE, WireStyle.WCS_NAMESPACE);
        }
    }

    private final Dialect aws = Dialect.AWS;
    private final Dialect jd = new Dialect("JD", HeaderFamily.AMZ, WireStyle.AWS);
    private final Dialect obs;
    private final Dialect obsS3;
    private final Dialect cos = new Dialect("COS", HeaderFamily.COS, WireStyle.COS);
    private final Dialect cosS3 = new Dialect("COS-S3", HeaderFamily.AMZ, WireStyle.COS_S3);
    private final Dialect wos;
    private final Dialect wosS3;
    private final Dialect wcs;
    private final Dialect wcsS3;
    private final Map<String, Dialect> byName = new LinkedHashMap<>();

    public DialectCatalog(Namespaces namespaces) {
        obs = new Dialect("OBS", HeaderFamily.OBS, WireStyle.obs(namespaces.obs()));
        obsS3 = new Dialect("OBS-S3", HeaderFamily.AMZ, WireStyle.obsS3(namespaces.obs()));
        WireStyle wosWire = WireStyle.wos("WOS", namespaces.wos());
        WireStyle wcsWire = WireStyle.wos("WCS", namespaces.wcs());
        wos = new Dialect("WOS", HeaderFamily.WOS, wosWire);
        wosS3 = new Dialect("WOS-S3", HeaderFamily.AMZ, wosWire);
        wcs = new Dialect("WCS", HeaderFamily.WOS, wcsWire);
        wcsS3 = new Dialect("WCS-S3", HeaderFamily.AMZ, wcsWire);
        for (Dialect d : new Dialect[] {aws, jd, obs, obsS3, cos, cosS3, wos, wosS3, wcs, wcsS3}) {
            byName.put(d.name(), d);
        }
    }

    /**
     * The dialect of a request.
     *
     * @param hasObsHeaders whether the request carries an {@code x-obs-} header (anonymous requests to OBS)
     * @param hasAmzHeaders whether it carries an {@code x-amz-} header
     */
    public Dialect resolve(EndpointStyle endpoint, SigningFamily family, boolean hasObsHeaders,
                           boolean hasAmzHeaders) {
        switch (family) {
            case OBS:
                return obs;
            case COS:
                return cos;
            case WOS:
                return endpoint == EndpointStyle.WCS ? wcs : wos;
            case AWS:
                return switch (endpoint) {
                    case AWS -> aws;
                    case JD -> jd;
                    case OBS -> obsS3;
                    case COS -> cosS3;
                    case WOS -> wosS3;
                    case WCS -> wcsS3;
                };
            default:
                return switch (endpoint) {
                    case AWS -> aws;
                    case JD -> jd;
                    case OBS -> hasAmzHeaders && !hasObsHeaders ? obsS3 : obs;
                    case COS -> cos;
                    case WOS -> wos;
                    case WCS -> wcs;
                };
        }
    }

    /** A dialect by its name (as stored with buckets and uploads), or null. */
    public Dialect byName(String name) {
        return byName.get(name);
    }

    /** Every dialect of this catalog. */
    public Iterable<Dialect> all() {
        return byName.values();
    }
}
