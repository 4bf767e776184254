package dev.rosetta.auth.v4;

import dev.rosetta.auth.AuthErrors;
import dev.rosetta.auth.crypto.Hex;
import dev.rosetta.auth.crypto.Hmacs;
import dev.rosetta.auth.crypto.Sha256;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;

/**
 * Recomputes a V4 signature over the request and compares it in constant time, trying the canonical
 * forms clients are known to use (dialects.md §2.4, §9): the decoded and re-encoded path, then the raw
 * path; '+' in the query literal, then as a space. Shared by the header and the presigned form (and
 * usable by other V4-shaped schemes: the algorithm name is a parameter).
 */
public final class V4SignatureCheck {
    private V4SignatureCheck() {
    }

    /**
     * @param auth               access key, scope, signed headers and the signature provided (hex)
     * @param algorithm          the string-to-sign's first line ({@code AWS4-HMAC-SHA256})
     * @param timestamp          the request time as signed, {@code yyyyMMdd'T'HHmmss'Z'}
     * @param signingKey         the scope's signing key
     * @param hashedPayload      the canonical request's last line
     * @param excludedQueryParam a (decoded) query parameter left out of the canonical query
     *                           ({@code X-Amz-Signature} for presigned URLs), or null
     * @throws S3Exception {@code 403 SignatureDoesNotMatch} with the canonical request and string to sign
     *                     of the first form tried
     */
    public static void verify(RequestHead request, V4Authorization auth, String algorithm, String timestamp,
            byte[] signingKey, String hashedPayload, String excludedQueryParam) {
        StringBuilder headers = new StringBuilder(256);
        boolean allPresent = V4CanonicalRequest.appendCanonicalHeaders(headers, request, auth.signedHeaders());
        byte[] provided = Hex.decode(auth.signature());
        boolean canMatch = allPresent && provided != null && provided.length == 32;

        String rawPath = request.rawPath() == null || request.rawPath().isEmpty() ? "/" : request.rawPath();
        String rawQuery = request.rawQuery();
        String[] uris = uniq(V4CanonicalRequest.canonicalUri(rawPath), rawPath);
        String[] queries = rawQuery != null && rawQuery.indexOf('+') >= 0
                ? uniq(V4CanonicalRequest.canonicalQuery(rawQuery, false, excludedQueryParam),
                        V4CanonicalRequest.canonicalQuery(rawQuery, true, excludedQueryParam))
                : new String[] {V4CanonicalRequest.canonicalQuery(rawQuery, false, excludedQueryParam)};
        String scope = auth.scope().toString();

        String firstCanonical = null;
        String firstStringToSign = null;
        for (String uri : uris) {
            for (String query : queries) {
                String canonical = V4CanonicalRequest.assemble(request.method(), uri, query, headers,
                        auth.signedHeadersLine(), hashedPayload);
                String stringToSign = V4Signer.stringToSign(algorithm, timestamp, scope, Sha256.hex(canonical));
                if (firstCanonical == null) {
                    firstCanonical = canonical;
                    firstStringToSign = stringToSign;
                }
                if (!canMatch) {
                    break;
                }
                if (Hmacs.constantTimeEquals(V4Signer.sign(signingKey, stringToSign), provided)) {
                    return;
                }
            }
            if (!canMatch) {
                break;
            }
        }
        throw AuthErrors.signatureDoesNotMatch(auth.accessKey(), firstStringToSign, auth.signature(),
                firstCanonical);
    }

    private static String[] uniq(String first, String second) {
        return first.equals(second) ? new String[] {first} : new String[] {first, second};
    }
}
