package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;

/** GetObjectLegalHold's answer: {@code <LegalHold><Status>ON|OFF</Status></LegalHold>}. */
public record LegalHoldResult(boolean on) implements XmlDocument {
    @Override
    public String rootElement() {
        return "LegalHold";
    }

    @Override
    public void writeContent(XmlWriter w) {
        w.element("Status", on ? "ON" : "OFF");
    }
}
