package dev.rosetta.auth;

/**
 * The request-signing schemes of dialects.md §0.3. {@link RequestAuthenticator} maps each to its
 * {@link RequestVerifier}; a scheme without one is answered {@code 501 NotImplemented} ({@link #AWS_V4A}
 * is always {@code 400 InvalidRequest}).
 */
public enum AuthScheme {
    /** No Authorization header and no signature query parameters. */
    ANONYMOUS("anonymous"),
    /** {@code Authorization: AWS AK:signature} (§1.1). */
    AWS_V2("AWS Signature Version 2"),
    /** {@code Authorization: AWS4-HMAC-SHA256 Credential=...} (§2.2). */
    AWS_V4("AWS Signature Version 4"),
    /** {@code Authorization: AWS4-ECDSA-P256-SHA256 ...}: never supported. */
    AWS_V4A("AWS Signature Version 4A"),
    /** {@code ?AWSAccessKeyId=&Expires=&Signature=} (§1.4). */
    AWS_V2_PRESIGNED("AWS Signature Version 2 query-string authentication"),
    /** {@code ?X-Amz-Algorithm=...} (§2.3). */
    AWS_V4_PRESIGNED("AWS Signature Version 4 query-string authentication"),
    /** {@code Authorization: OBS AK:signature} (§3.2). */
    OBS("OBS header authentication"),
    /** {@code ?AccessKeyId=&Expires=&Signature=} (§3.4). */
    OBS_PRESIGNED("OBS query-string authentication"),
    /** {@code Authorization: q-sign-algorithm=...} (§4). */
    COS("COS header authentication"),
    /** {@code ?q-sign-algorithm=...} or {@code ?sign=} (§4.4). */
    COS_PRESIGNED("COS query-string authentication"),
    /** {@code Authorization: WOS-HMAC-SHA256 ...} (§5.2). */
    WOS_V4("WOS-HMAC-SHA256 header authentication"),
    /** {@code ?X-Wos-Algorithm=...} (§5.2). */
    WOS_V4_PRESIGNED("WOS-HMAC-SHA256 query-string authentication"),
    /** {@code Authorization: WOS AK:signature} (§5.3). */
    WOS_V2("WOS header authentication");

    private final String description;

    AuthScheme(String description) {
        this.description = description;
    }

    /** A human-readable name, for error messages and logs. */
    public String description() {
        return description;
    }
}
