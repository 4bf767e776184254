package dev.rosetta.protocol.xml.doc;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.Tag;
import java.util.ArrayList;
import java.util.List;

/**
 * The Tagging document a PutObjectTagging (or PutBucketTagging) request carries, as bound by
 * {@link dev.rosetta.protocol.xml.XmlRequestParser}. {@link #tags()} checks its structure; the
 * tag limits are {@link dev.rosetta.protocol.headers.TaggingHeaderParser#validate}'s job.
 */
public final class TaggingRequest {
    @JacksonXmlProperty(localName = "TagSet")
    public TagSet tagSet;

    /** The TagSet element. */
    public static final class TagSet {
        @JacksonXmlElementWrapper(useWrapping = false)
        @JacksonXmlProperty(localName = "Tag")
        public List<TagElement> tags;
    }

    /** One Tag element. */
    public static final class TagElement {
        @JacksonXmlProperty(localName = "Key")
        public String key;
        @JacksonXmlProperty(localName = "Value")
        public String value;
    }

    /**
     * The tags in document order. An empty TagSet is no tags.
     *
     * @throws S3Exception MalformedXML without a TagSet, or for a Tag without its Key or Value
     */
    public List<Tag> tags() {
        if (tagSet == null) {
            throw new S3Exception(S3ErrorCode.MALFORMED_XML);
        }
        if (tagSet.tags == null) {
            return List.of();
        }
        List<Tag> out = new ArrayList<>(tagSet.tags.size());
        for (TagElement t : tagSet.tags) {
            if (t == null || t.key == null || t.value == null) {
                throw new S3Exception(S3ErrorCode.MALFORMED_XML);
            }
            out.add(new Tag(t.key, t.value));
        }
        return out;
    }
}
