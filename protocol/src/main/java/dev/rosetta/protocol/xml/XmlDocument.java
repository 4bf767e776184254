package dev.rosetta.protocol.xml;

/**
 * A response body document. The dialect writes the declaration and opens the root element with its
 * namespace; the document writes what is inside the root.
 */
public interface XmlDocument {

    /** The root element's name, e.g. {@code InitiateMultipartUploadResult}. */
    String rootElement();

    /** Writes the children of the root element. */
    void writeContent(XmlWriter w);
}
