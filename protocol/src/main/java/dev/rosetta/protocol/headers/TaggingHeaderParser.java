package dev.rosetta.protocol.headers;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.QueryString;
import dev.rosetta.protocol.model.Tag;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Parses and checks a tagging header ({@code x-amz-tagging: k1=v1&k2=v2}, URL-encoded) against S3's
 * object-tag limits: at most 10 tags, keys 1 to 128 characters, values up to 256, no repeated key.
 */
public final class TaggingHeaderParser {
    public static final int MAX_TAGS = 10;
    public static final int MAX_KEY_LENGTH = 128;
    public static final int MAX_VALUE_LENGTH = 256;

    private TaggingHeaderParser() {
    }

    /** @throws S3Exception InvalidTag when a limit is broken, InvalidArgument when it does not parse */
    public static List<Tag> parse(String value) {
        QueryString qs;
        try {
            qs = QueryString.parse(value);
        } catch (IllegalArgumentException e) {
            throw S3Exception.invalidArgument("The header 'x-amz-tagging' shall be encoded as UTF-8 then URLEncoded"
                    + " URL query parameters without tag name duplicates.", "x-amz-tagging", value);
        }
        List<Tag> tags = new ArrayList<>(qs.params().size());
        for (QueryString.Param p : qs.params()) {
            tags.add(new Tag(p.name(), p.valueOrEmpty()));
        }
        validate(tags);
        return tags;
    }

    /** Checks tags from any source (header or Tagging document) against the object-tag limits. */
    public static void validate(List<Tag> tags) {
        if (tags.size() > MAX_TAGS) {
            throw new S3Exception(S3ErrorCode.INVALID_TAG, "Object tags cannot be greater than " + MAX_TAGS);
        }
        Set<String> seen = new HashSet<>();
        for (Tag t : tags) {
            if (t.key().isEmpty() || t.key().codePointCount(0, t.key().length()) > MAX_KEY_LENGTH) {
                throw new S3Exception(S3ErrorCode.INVALID_TAG, "The TagKey you have provided is invalid")
                        .with("TagKey", t.key());
            }
            if (t.value().codePointCount(0, t.value().length()) > MAX_VALUE_LENGTH) {
                throw new S3Exception(S3ErrorCode.INVALID_TAG, "The TagValue you have provided is invalid")
                        .with("TagKey", t.key());
            }
            if (!seen.add(t.key())) {
                throw new S3Exception(S3ErrorCode.INVALID_TAG, "Cannot provide multiple Tags with the same key")
                        .with("TagKey", t.key());
            }
        }
    }
}
