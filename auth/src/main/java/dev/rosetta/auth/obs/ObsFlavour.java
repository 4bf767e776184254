package dev.rosetta.auth.obs;

import java.util.Objects;

/**
 * The parameters of one V2-shaped HMAC-SHA1 signature of the OBS family (dialects.md §3.2, §3.3, §5.3): the
 * Authorization scheme word, the prefix of the headers that are canonicalised, the header that empties the
 * Date position, and the sub-resource rule.
 *
 * @param schemeWord       {@code OBS}, {@code AWS} or {@code WOS}: {@code Authorization: <word> AK:signature}
 * @param headerPrefix     canonicalised headers, lower case ({@code x-obs-})
 * @param dateHeader       the alternate date header, lower case ({@code x-obs-date})
 * @param subResources     which query parameters the CanonicalizedResource signs
 * @param malformedMessage the message of the {@code 400 InvalidArgument} for an unparseable Authorization
 */
public record ObsFlavour(String schemeWord, String headerPrefix, String dateHeader, SubResourceRule subResources,
        String malformedMessage) {
    /** Same message as AWS V2 (§1.2): OBS documents no other. */
    static final String AWS_MALFORMED = "Authorization header is invalid -- one and only one ' ' (space) required";

    /** {@code Authorization: OBS AK:signature}, {@code x-obs-*} headers and parameters. */
    public static final ObsFlavour OBS =
            new ObsFlavour("OBS", "x-obs-", "x-obs-date", ObsSubResources.OBS, AWS_MALFORMED);

    /** The OBS SDK's AWS V2 mode: {@code AWS AK:signature}, {@code x-amz-*} headers, OBS list + x-amz-* parameters. */
    public static final ObsFlavour OBS_AWS_V2 =
            new ObsFlavour("AWS", "x-amz-", "x-amz-date", ObsSubResources.OBS_AWS_V2, AWS_MALFORMED);

    public ObsFlavour {
        Objects.requireNonNull(schemeWord, "schemeWord");
        Objects.requireNonNull(headerPrefix, "headerPrefix");
        Objects.requireNonNull(dateHeader, "dateHeader");
        Objects.requireNonNull(subResources, "subResources");
        Objects.requireNonNull(malformedMessage, "malformedMessage");
    }
}
