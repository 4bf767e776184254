package dev.rosetta.bench.sign;

import java.util.Locale;

/** Adds a dialect's authentication headers to a request. Implementations are thread-safe. */
public interface Signer {

    /**
     * Signs the request as of {@code epochMillis}: adds the date header the scheme needs when the request has
     * none, then {@code Authorization}.
     */
    void sign(SignableRequest request, long epochMillis);

    /** The {@code --sign} name. */
    String name();

    /** Whether {@link SignableRequest#payloadSha256()} is part of the signature (SigV4, WOS). */
    default boolean signsPayload() {
        return false;
    }

    /**
     * The signer for a {@code --sign} value: {@code v4}, {@code v2}, {@code obs}, {@code cos}, {@code wos}, or
     * {@code none} (anonymous, no header added).
     */
    static Signer of(String scheme, String accessKey, String secretKey, String region) {
        switch (scheme.toLowerCase(Locale.ROOT)) {
            case "v4":
                return new V4Signer(V4Signer.Flavour.AWS, accessKey, secretKey, region);
            case "wos":
                return new V4Signer(V4Signer.Flavour.WOS, accessKey, secretKey, region);
            case "v2":
                return new V2Signer(V2Signer.Flavour.AWS, accessKey, secretKey);
            case "obs":
                return new V2Signer(V2Signer.Flavour.OBS, accessKey, secretKey);
            case "cos":
                return new CosSigner(accessKey, secretKey, CosSigner.DEFAULT_VALIDITY_SECONDS);
            case "none":
                return new Signer() {
                    @Override
                    public void sign(SignableRequest request, long epochMillis) {
                    }

                    @Override
                    public String name() {
                        return "none";
                    }
                };
            default:
                throw new IllegalArgumentException("unknown signing scheme '" + scheme + "' (v4, v2, obs, cos, wos, none)");
        }
    }
}
