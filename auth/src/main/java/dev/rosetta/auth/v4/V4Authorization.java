package dev.rosetta.auth.v4;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import java.util.List;

/**
 * A parsed {@code AWS4-HMAC-SHA256 Credential=AK/date/region/s3/aws4_request, SignedHeaders=a;b,
 * Signature=hex} value (dialects.md §2.2). Components are found by key; separators are ',' with optional
 * blanks.
 *
 * @param signedHeadersLine the SignedHeaders value exactly as received (the canonical request's line)
 * @param signedHeaders     its names, in the order given
 */
public record V4Authorization(String accessKey, V4Scope scope, String signedHeadersLine, List<String> signedHeaders,
        String signature) {
    public static final String ALGORITHM = "AWS4-HMAC-SHA256";
    private static final String SIGNATURE_KEY = "Signature=";
    private static final ThreadLocal<LastParsed> LAST_PARSED = new ThreadLocal<>();
    static final String MALFORMED_CREDENTIAL = "The authorization header is malformed; the Credential is mal-formed;"
            + " expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".";

    /**
     * @param header    the Authorization header as received
     * @param algorithm the expected scheme token ({@value #ALGORITHM} for AWS)
     * @throws S3Exception {@code 400 AuthorizationHeaderMalformed} when it cannot be parsed
     */
    public static V4Authorization parse(String header, String algorithm) {
        LastParsed last = LAST_PARSED.get();
        int split = last == null || !last.algorithm.equals(algorithm) ? -1 : last.signatureStart(header);
        if (split >= 0) {
            String signature = header.substring(split).strip();
            if (!signature.isEmpty()) {
                V4Authorization p = last.parsed;
                return new V4Authorization(p.accessKey, p.scope, p.signedHeadersLine, p.signedHeaders, signature);
            }
        }
        V4Authorization parsed = parseFully(header, algorithm);
        // remembered only when "Signature=" appears once and nothing follows its value: then the header
        // splits exactly before the value, and any header with the same prefix parses to the same components
        int signatureKey = header.indexOf(SIGNATURE_KEY);
        if (signatureKey > 0 && header.indexOf(SIGNATURE_KEY, signatureKey + 1) < 0
                && header.indexOf(',', signatureKey) < 0) {
            LAST_PARSED.set(new LastParsed(algorithm, header.substring(0, signatureKey + SIGNATURE_KEY.length()),
                    parsed));
        }
        return parsed;
    }

    /**
     * The last header a thread parsed whose Signature came last, up to the signature: a client signs every
     * request of a day with the same credential and (usually) the same signed headers, so most headers
     * differ from the previous one only in the signature, and only that needs reading.
     */
    private record LastParsed(String algorithm, String prefix, V4Authorization parsed) {
        /** Where the signature starts in {@code header} when it has this prefix and nothing after it; else -1. */
        int signatureStart(String header) {
            int n = prefix.length();
            return header.length() > n && header.startsWith(prefix) && header.indexOf(',', n) < 0 ? n : -1;
        }
    }

    private static V4Authorization parseFully(String header, String algorithm) {
        String value = header.strip();
        if (!value.startsWith(algorithm) || value.length() == algorithm.length()
                || value.charAt(algorithm.length()) != ' ') {
            throw malformed("The authorization header is malformed; it must start with '" + algorithm + " '.");
        }
        String credential = null;
        String signedHeaders = null;
        String signature = null;
        int n = value.length();
        int start = algorithm.length() + 1;
        while (start < n) {
            int comma = value.indexOf(',', start);
            int end = comma < 0 ? n : comma;
            String part = value.substring(start, end).strip();
            start = end + 1;
            if (part.isEmpty()) {
                continue;
            }
            int eq = part.indexOf('=');
            if (eq <= 0) {
                throw malformed("The authorization header is malformed; the component '" + part
                        + "' is not of the form key=value.");
            }
            String key = part.substring(0, eq).strip();
            String v = part.substring(eq + 1).strip();
            switch (key) {
                case "Credential" -> credential = once(credential, v, key);
                case "SignedHeaders" -> signedHeaders = once(signedHeaders, v, key);
                case "Signature" -> signature = once(signature, v, key);
                default -> throw malformed("The authorization header is malformed; unknown component '" + key + "'.");
            }
        }
        if (credential == null || signedHeaders == null || signature == null) {
            throw malformed("The authorization header is malformed; it requires the Credential, SignedHeaders"
                    + " and Signature components.");
        }
        if (signature.isEmpty()) {
            throw malformed("The authorization header is malformed; the Signature is empty.");
        }
        return parseCredential(credential, signedHeaders, signature);
    }

    private static V4Authorization parseCredential(String credential, String signedHeadersLine, String signature) {
        V4Credential parsed = V4Credential.parse(credential);
        if (parsed == null) {
            throw malformed(MALFORMED_CREDENTIAL);
        }
        List<String> names = V4SignedHeaders.split(signedHeadersLine);
        if (names == null) {
            throw malformed("The authorization header is malformed; SignedHeaders '" + signedHeadersLine
                    + "' is not valid.");
        }
        return new V4Authorization(parsed.accessKey(), parsed.scope(), signedHeadersLine, names, signature);
    }

    private static String once(String previous, String value, String key) {
        if (previous != null) {
            throw malformed("The authorization header is malformed; the component '" + key + "' appears twice.");
        }
        return value;
    }

    static S3Exception malformed(String message) {
        return new S3Exception(S3ErrorCode.AUTHORIZATION_HEADER_MALFORMED, message);
    }
}
