package dev.rosetta.auth.v4;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

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
    static final String MALFORMED_CREDENTIAL = "The authorization header is malformed; the Credential is mal-formed;"
            + " expecting \"<YOUR-AKID>/YYYYMMDD/REGION/SERVICE/aws4_request\".";

    /**
     * @param header    the Authorization header as received
     * @param algorithm the expected scheme token ({@value #ALGORITHM} for AWS)
     * @throws S3Exception {@code 400 AuthorizationHeaderMalformed} when it cannot be parsed
     */
    public static V4Authorization parse(String header, String algorithm) {
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
        // Split from the right: the last four fields are the scope; the access key is whatever precedes them.
        int[] slashes = new int[4];
        int found = 0;
        for (int i = credential.length() - 1; i >= 0 && found < 4; i--) {
            if (credential.charAt(i) == '/') {
                slashes[found++] = i;
            }
        }
        if (found < 4) {
            throw malformed(MALFORMED_CREDENTIAL);
        }
        String accessKey = credential.substring(0, slashes[3]);
        String date = credential.substring(slashes[3] + 1, slashes[2]);
        String region = credential.substring(slashes[2] + 1, slashes[1]);
        String service = credential.substring(slashes[1] + 1, slashes[0]);
        String terminator = credential.substring(slashes[0] + 1);
        if (accessKey.isEmpty() || date.isEmpty() || region.isEmpty() || service.isEmpty() || terminator.isEmpty()) {
            throw malformed(MALFORMED_CREDENTIAL);
        }
        return new V4Authorization(accessKey, new V4Scope(date, region, service, terminator), signedHeadersLine,
                splitSignedHeaders(signedHeadersLine), signature);
    }

    private static List<String> splitSignedHeaders(String line) {
        List<String> names = new ArrayList<>(8);
        int start = 0;
        int n = line.length();
        while (true) {
            int semi = line.indexOf(';', start);
            int end = semi < 0 ? n : semi;
            if (end == start) {
                throw malformed("The authorization header is malformed; SignedHeaders '" + line + "' is not valid.");
            }
            names.add(line.substring(start, end).toLowerCase(Locale.ROOT));
            if (semi < 0) {
                break;
            }
            start = semi + 1;
        }
        return Collections.unmodifiableList(names);
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
