package dev.rosetta.auth.wos;

import dev.rosetta.auth.AuthErrors;
import dev.rosetta.auth.crypto.Hex;
import dev.rosetta.auth.crypto.Hmacs;
import dev.rosetta.auth.crypto.Sha256;
import dev.rosetta.auth.v4.V4Authorization;
import dev.rosetta.auth.v4.V4CanonicalRequest;
import dev.rosetta.auth.v4.V4Signer;
import dev.rosetta.protocol.http.RequestHead;
import java.util.List;

/**
 * Recomputes a WOS-HMAC-SHA256 signature and compares it in constant time, trying the canonical forms clients
 * are known to use (dialects.md §5.2, §2.4): header values trimmed and whitespace-collapsed (the SigV4 rule)
 * then as received (the WOS SDK does not trim); the raw path (what the WOS SDK signs, keeping {@code %2F}) then
 * the decoded and re-encoded path; '+' in the query literal, then as a space.
 */
final class WosV4SignatureCheck {
    private WosV4SignatureCheck() {
    }

    /**
     * @param excludedQueryParam a decoded parameter left out of the canonical query ({@code X-Wos-Signature}),
     *                           or null
     * @throws dev.rosetta.protocol.error.S3Exception {@code 403 SignatureDoesNotMatch} with the canonical request
     *                                                and string to sign of the first form tried
     */
    static void verify(RequestHead request, V4Authorization auth, String timestamp, byte[] signingKey,
            String hashedPayload, String excludedQueryParam) {
        StringBuilder trimmed = new StringBuilder(256);
        boolean allPresent = V4CanonicalRequest.appendCanonicalHeaders(trimmed, request, auth.signedHeaders());
        String untrimmed = untrimmedHeaders(request, auth.signedHeaders());
        String[] headerForms = uniq(trimmed.toString(), untrimmed);

        byte[] provided = Hex.decode(auth.signature());
        boolean canMatch = allPresent && provided != null && provided.length == 32;

        String rawPath = request.rawPath() == null || request.rawPath().isEmpty() ? "/" : request.rawPath();
        String[] uris = uniq(rawPath, V4CanonicalRequest.canonicalUri(rawPath));
        String rawQuery = request.rawQuery();
        String[] queries = rawQuery != null && rawQuery.indexOf('+') >= 0
                ? uniq(V4CanonicalRequest.canonicalQuery(rawQuery, false, excludedQueryParam),
                        V4CanonicalRequest.canonicalQuery(rawQuery, true, excludedQueryParam))
                : new String[] {V4CanonicalRequest.canonicalQuery(rawQuery, false, excludedQueryParam)};
        String scope = auth.scope().toString();

        String firstCanonical = null;
        String firstStringToSign = null;
        for (String headers : headerForms) {
            for (String uri : uris) {
                for (String query : queries) {
                    String canonical = V4CanonicalRequest.assemble(request.method(), uri, query, headers,
                            auth.signedHeadersLine(), hashedPayload);
                    String stringToSign = V4Signer.stringToSign(WosV4.ALGORITHM, timestamp, scope,
                            Sha256.hex(canonical));
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
            if (!canMatch) {
                break;
            }
        }
        throw AuthErrors.signatureDoesNotMatch(auth.accessKey(), firstStringToSign, auth.signature(),
                firstCanonical);
    }

    /** {@code name:value\n} per signed header, values exactly as received, repeats joined with ','. */
    static String untrimmedHeaders(RequestHead request, List<String> signedHeaders) {
        StringBuilder sb = new StringBuilder(256);
        for (String name : signedHeaders) {
            List<String> values = request.headers(name);
            sb.append(name).append(':');
            for (int v = 0, m = values.size(); v < m; v++) {
                if (v > 0) {
                    sb.append(',');
                }
                sb.append(values.get(v));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String[] uniq(String first, String second) {
        return first.equals(second) ? new String[] {first} : new String[] {first, second};
    }
}
