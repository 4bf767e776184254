package dev.rosetta.auth.v4;

import dev.rosetta.auth.AuthErrors;
import dev.rosetta.auth.crypto.Hex;
import dev.rosetta.auth.crypto.Hmacs;
import dev.rosetta.auth.crypto.Sha256;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.RequestHead;

/**
 * Recomputes a V4-shaped signature over the request and compares it in constant time, trying the
 * canonical forms clients are known to use (dialects.md §2.4, §3.3, §5.2, §9): the path decoded and
 * re-encoded or raw as sent (the OBS and WOS SDKs sign their raw path, keeping {@code %2F}); '+' in the
 * query literal, then as a space; header values trimmed and collapsed (the SigV4 rule), then as received
 * (the OBS and WOS SDKs do not trim). The first form is tried in bytes ({@link V4FirstFormSignature});
 * only a mismatch pays for strings and the alternatives. Shared by the AWS header
 * and presigned forms and by WOS-HMAC-SHA256: the algorithm name and the preferred path form are
 * parameters.
 */
public final class V4SignatureCheck {

    /** Which path form is tried first: the one the scheme's usual clients sign. */
    public enum PathFirst {
        /** AWS SDKs: the path decoded and re-encoded. */
        ENCODED,
        /** OBS and WOS SDKs: the raw path as sent. */
        RAW
    }

    private V4SignatureCheck() {
    }

    /** {@link #verify(RequestHead, V4Authorization, String, String, byte[], String, String, PathFirst)} as AWS clients sign. */
    public static void verify(RequestHead request, V4Authorization auth, String algorithm, String timestamp,
            byte[] signingKey, String hashedPayload, String excludedQueryParam) {
        verify(request, auth, algorithm, timestamp, signingKey, hashedPayload, excludedQueryParam, PathFirst.ENCODED);
    }

    /**
     * @param auth               access key, scope, signed headers and the signature provided (hex)
     * @param algorithm          the string-to-sign's first line ({@code AWS4-HMAC-SHA256}, {@code WOS-HMAC-SHA256})
     * @param timestamp          the request time as signed, {@code yyyyMMdd'T'HHmmss'Z'}
     * @param signingKey         the scope's signing key
     * @param hashedPayload      the canonical request's last line
     * @param excludedQueryParam a (decoded) query parameter left out of the canonical query
     *                           ({@code X-Amz-Signature} for presigned URLs), or null
     * @throws S3Exception {@code 403 SignatureDoesNotMatch} with the canonical request and string to sign
     *                     of the first form tried
     */
    public static void verify(RequestHead request, V4Authorization auth, String algorithm, String timestamp,
            byte[] signingKey, String hashedPayload, String excludedQueryParam, PathFirst pathFirst) {
        if (V4FirstFormSignature.matches(request, auth, algorithm, timestamp, signingKey, hashedPayload,
                excludedQueryParam, pathFirst)) {
            return;
        }
        StringBuilder trimmed = new StringBuilder(256);
        boolean allPresent = V4CanonicalRequest.appendCanonicalHeaders(trimmed, request, auth.signedHeaders());
        byte[] provided = Hex.decode(auth.signature());
        boolean canMatch = allPresent && provided != null && provided.length == 32;

        String rawPath = request.rawPath() == null || request.rawPath().isEmpty() ? "/" : request.rawPath();
        String encodedPath = V4CanonicalRequest.canonicalUri(rawPath);
        String[] uris = pathFirst == PathFirst.RAW ? uniq(rawPath, encodedPath) : uniq(encodedPath, rawPath);
        String rawQuery = request.rawQuery();
        String[] queries = rawQuery != null && rawQuery.indexOf('+') >= 0
                ? uniq(V4CanonicalRequest.canonicalQuery(rawQuery, false, excludedQueryParam),
                        V4CanonicalRequest.canonicalQuery(rawQuery, true, excludedQueryParam))
                : new String[] {V4CanonicalRequest.canonicalQuery(rawQuery, false, excludedQueryParam)};
        String scope = auth.scope().toString();

        String firstCanonical = null;
        String firstStringToSign = null;
        String[] headerForms = {trimmed.toString(), null};
        for (int h = 0; h < headerForms.length && canMatch; h++) {
            if (h == 1) {
                String untrimmed = V4CanonicalRequest.untrimmedHeaders(request, auth.signedHeaders());
                if (untrimmed.equals(headerForms[0])) {
                    break; // nothing to trim: the first pass already tried this form
                }
                headerForms[1] = untrimmed;
            }
            for (String uri : uris) {
                for (String query : queries) {
                    String canonical = V4CanonicalRequest.assemble(request.method(), uri, query, headerForms[h],
                            auth.signedHeadersLine(), hashedPayload);
                    String stringToSign = V4Signer.stringToSign(algorithm, timestamp, scope, Sha256.hex(canonical));
                    if (firstCanonical == null) {
                        firstCanonical = canonical;
                        firstStringToSign = stringToSign;
                    }
                    if (Hmacs.constantTimeEquals(V4Signer.sign(signingKey, stringToSign), provided)) {
                        return;
                    }
                }
            }
        }
        if (firstCanonical == null) {
            // nothing could match (a signed header absent, a malformed signature): describe the first form
            firstCanonical = V4CanonicalRequest.assemble(request.method(), uris[0], queries[0], headerForms[0],
                    auth.signedHeadersLine(), hashedPayload);
            firstStringToSign = V4Signer.stringToSign(algorithm, timestamp, scope, Sha256.hex(firstCanonical));
        }
        throw AuthErrors.signatureDoesNotMatch(auth.accessKey(), firstStringToSign, auth.signature(),
                firstCanonical);
    }

    private static String[] uniq(String first, String second) {
        return first.equals(second) ? new String[] {first} : new String[] {first, second};
    }
}
