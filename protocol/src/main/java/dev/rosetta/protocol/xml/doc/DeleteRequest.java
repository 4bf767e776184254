package dev.rosetta.protocol.xml.doc;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlElementWrapper;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import java.util.ArrayList;
import java.util.List;

/**
 * The Delete document of DeleteObjects, as bound by {@link dev.rosetta.protocol.xml.XmlRequestParser}.
 * {@link #objects()} and {@link #quiet()} check its structure.
 */
public final class DeleteRequest {
    /** S3's limit on keys in one request. */
    public static final int MAX_KEYS = 1000;

    @JacksonXmlProperty(localName = "Quiet")
    public String quiet;

    private final List<ObjectElement> objects = new ArrayList<>();

    /**
     * Called once per run of adjacent Object elements: appending keeps every key even when another
     * element (Quiet) splits the list, where binding a field would keep only the last run.
     */
    @JacksonXmlElementWrapper(useWrapping = false)
    @JacksonXmlProperty(localName = "Object")
    public void setObjects(List<ObjectElement> run) {
        if (run != null) {
            objects.addAll(run);
        }
    }

    /** One Object element. */
    public static final class ObjectElement {
        @JacksonXmlProperty(localName = "Key")
        public String key;
        @JacksonXmlProperty(localName = "VersionId")
        public String versionId;
    }

    /** One key to delete; {@code versionId} null when not sent. */
    public record Target(String key, String versionId) {
    }

    /** @throws S3Exception MalformedXML unless Quiet is absent, {@code true} or {@code false} */
    public boolean quiet() {
        if (quiet == null) {
            return false;
        }
        String q = quiet.strip();
        if (q.equalsIgnoreCase("true")) {
            return true;
        }
        if (q.equalsIgnoreCase("false")) {
            return false;
        }
        throw new S3Exception(S3ErrorCode.MALFORMED_XML);
    }

    /**
     * The keys in document order.
     *
     * @throws S3Exception MalformedXML for no Object, more than {@link #MAX_KEYS}, or an Object without a
     *                     Key
     */
    public List<Target> objects() {
        if (objects.isEmpty() || objects.size() > MAX_KEYS) {
            throw new S3Exception(S3ErrorCode.MALFORMED_XML);
        }
        List<Target> out = new ArrayList<>(objects.size());
        for (ObjectElement o : objects) {
            if (o == null || o.key == null || o.key.isEmpty()) {
                throw new S3Exception(S3ErrorCode.MALFORMED_XML);
            }
            out.add(new Target(o.key, o.versionId == null || o.versionId.isEmpty() ? null : o.versionId));
        }
        return out;
    }
}
