package dev.rosetta.auth.v2;

import dev.rosetta.protocol.error.S3Exception;

/** A parsed {@code Authorization: AWS <AccessKeyId>:<Signature>} value (dialects.md §1.2). */
public record V2Authorization(String accessKey, String signature) {
    static final String MALFORMED = "Authorization header is invalid -- one and only one ' ' (space) required";

    /**
     * @param header the Authorization header as received
     * @throws S3Exception {@code 400 InvalidArgument} when it is not {@code AWS AK:signature}
     */
    public static V2Authorization parse(String header) {
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.startsWith("AWS ")) {
            throw malformed(header);
        }
        String rest = value.substring(space + 1);
        int colon = rest.indexOf(':');
        if (rest.indexOf(' ') >= 0 || colon <= 0 || colon == rest.length() - 1) {
            throw malformed(header);
        }
        return new V2Authorization(rest.substring(0, colon), rest.substring(colon + 1));
    }

    private static S3Exception malformed(String header) {
        return S3Exception.invalidArgument(MALFORMED, "Authorization", header);
    }
}
