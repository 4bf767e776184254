package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.http.PercentCodec;
import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;
import java.util.List;

/**
 * DeleteObjects' answer: a {@code Deleted} element per deleted key (none in quiet mode, which the
 * caller applies by not listing them) and an {@code Error} element per key that failed, in request
 * order. With {@code encoding-type=url} the keys are percent-encoded (S3's DeleteResult has no
 * EncodingType element, so none is written).
 */
public record DeleteResult(List<Entry> entries, boolean urlEncoded) implements XmlDocument {

    /** One key's outcome. */
    public sealed interface Entry permits Deleted, Error {
    }

    /** @param versionId echoed when the request named one, else null */
    public record Deleted(String key, String versionId) implements Entry {
    }

    public record Error(String key, String versionId, String code, String message) implements Entry {
    }

    @Override
    public String rootElement() {
        return "DeleteResult";
    }

    @Override
    public void writeContent(XmlWriter w) {
        for (Entry e : entries) {
            if (e instanceof Deleted d) {
                w.start("Deleted").element("Key", encode(d.key())).optional("VersionId", d.versionId()).end();
            } else if (e instanceof Error x) {
                w.start("Error").element("Key", encode(x.key())).optional("VersionId", x.versionId())
                        .element("Code", x.code()).element("Message", x.message()).end();
            }
        }
    }

    private String encode(String key) {
        return urlEncoded ? PercentCodec.uriEncodePath(key) : key;
    }
}
