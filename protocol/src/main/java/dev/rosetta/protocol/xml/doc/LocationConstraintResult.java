package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;

/** GetBucketLocation's answer: the constraint as text of the root; empty for us-east-1. */
public record LocationConstraintResult(String location) implements XmlDocument {
    @Override
    public String rootElement() {
        return "LocationConstraint";
    }

    @Override
    public void writeContent(XmlWriter w) {
        if (location != null) {
            w.text(location);
        }
    }
}
