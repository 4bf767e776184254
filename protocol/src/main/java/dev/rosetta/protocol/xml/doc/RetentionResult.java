package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.xml.S3Time;
import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;
import java.time.Instant;

/** GetObjectRetention's answer: {@code <Retention><Mode/><RetainUntilDate>ISO 8601</RetainUntilDate></Retention>}. */
public record RetentionResult(String mode, Instant retainUntil) implements XmlDocument {
    @Override
    public String rootElement() {
        return "Retention";
    }

    @Override
    public void writeContent(XmlWriter w) {
        w.element("Mode", mode);
        w.element("RetainUntilDate", S3Time.iso8601(retainUntil));
    }
}
