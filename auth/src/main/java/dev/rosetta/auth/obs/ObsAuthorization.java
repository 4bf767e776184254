package dev.rosetta.auth.obs;

import dev.rosetta.protocol.error.S3Exception;

/** A parsed {@code Authorization: <scheme word> <AccessKeyId>:<Signature>} value (dialects.md §3.2, §5.3). */
public record ObsAuthorization(String accessKey, String signature) {

    /**
     * Splits on the one space, then on the first ':' (as AWS V2, §1.2).
     *
     * @param header the Authorization header as received
     * @throws S3Exception {@code 400 InvalidArgument} with the flavour's message when it is not
     *                     {@code <word> AK:signature}
     */
    public static ObsAuthorization parse(String header, ObsFlavour flavour) {
        String value = header == null ? "" : header.strip();
        String word = flavour.schemeWord();
        if (!value.startsWith(word) || value.length() <= word.length() + 1 || value.charAt(word.length()) != ' ') {
            throw malformed(header, flavour);
        }
        String rest = value.substring(word.length() + 1);
        int colon = rest.indexOf(':');
        if (rest.indexOf(' ') >= 0 || colon <= 0 || colon == rest.length() - 1) {
            throw malformed(header, flavour);
        }
        return new ObsAuthorization(rest.substring(0, colon), rest.substring(colon + 1));
    }

    private static S3Exception malformed(String header, ObsFlavour flavour) {
        return S3Exception.invalidArgument(flavour.malformedMessage(), "Authorization", header);
    }
}
