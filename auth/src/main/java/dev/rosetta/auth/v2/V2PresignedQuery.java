package dev.rosetta.auth.v2;

import dev.rosetta.protocol.http.PercentCodec;
import dev.rosetta.protocol.http.QueryString;

/**
 * The parameters of a SigV2 presigned URL, {@code ?AWSAccessKeyId=&Expires=&Signature=} (dialects.md
 * §1.4).
 *
 * @param accessKey {@code AWSAccessKeyId}, decoded
 * @param expires   {@code Expires} as sent (decoded), the Date position of the string to sign
 * @param signature {@code Signature}, percent-decoded with a raw '+' kept as '+' (base64 text)
 */
public record V2PresignedQuery(String accessKey, String expires, String signature) {
    public static final String ACCESS_KEY_ID = "AWSAccessKeyId";
    public static final String EXPIRES = "Expires";
    public static final String SIGNATURE = "Signature";

    /** The three parameters (absent ones as ""); the scheme detector has already seen all three. */
    public static V2PresignedQuery parse(QueryString query) {
        String accessKey = query.get(ACCESS_KEY_ID);
        String expires = query.get(EXPIRES);
        return new V2PresignedQuery(accessKey == null ? "" : accessKey, expires == null ? "" : expires,
                signature(query.find(SIGNATURE)));
    }

    /**
     * Percent-decodes without form semantics: base64's '+' may arrive raw. A space can only be a '+'
     * some intermediary turned into {@code %20} or form-decoded, so it is read back as '+'.
     */
    static String signature(QueryString.Param p) {
        if (p == null || !p.hasValue()) {
            return "";
        }
        String decoded;
        try {
            decoded = PercentCodec.decodePath(p.rawValue());
        } catch (IllegalArgumentException e) {
            decoded = p.rawValue();
        }
        return decoded.indexOf(' ') >= 0 ? decoded.replace(' ', '+') : decoded;
    }
}
