/**
 * Request authentication: who signed a request, and what remains to be checked on its body.
 *
 * <p>{@link dev.rosetta.auth.RequestAuthenticator} is the entry point. {@link dev.rosetta.auth.SchemeDetector}
 * maps a request to an {@link dev.rosetta.auth.AuthScheme} by the first-match rules of dialects.md §0.3; the
 * authenticator holds one {@link dev.rosetta.auth.RequestVerifier} per scheme (schemes without one answer
 * {@code 501 NotImplemented}). To add a scheme, write its verifier and register it in the authenticator's
 * constructor (one line).
 *
 * <p>The expected SigV4 region is given per request
 * ({@link dev.rosetta.auth.RequestAuthenticator#authenticate(dev.rosetta.protocol.http.RequestHead, String, String)}),
 * so one server can serve endpoints of several regions; the constructor's region is the default.
 *
 * <p>Sub-packages: {@code v2} (AWS Signature V2: string to sign, sub-resource lists, header and presigned
 * verifiers), {@code v4} (AWS Signature V4: Authorization and presigned-query parsing, scope rules, canonical
 * request, signer, signature check, signing-key cache, {@code x-amz-content-sha256}, header and presigned
 * verifiers), {@code chunked} (aws-chunked body decoding with chunk and trailer signatures), {@code time}
 * (HTTP date formats, skew check), {@code crypto} (HMAC, SHA-256, hex, base64, constant-time comparison).
 *
 * <p>Verifiers try the documented canonicalisation alternates before answering SignatureDoesNotMatch, and
 * compare decoded signature bytes in constant time. Secrets never appear in messages, error details or
 * {@code toString()}.
 */
package dev.rosetta.auth;
