package dev.rosetta.protocol.xml;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** Parses rendered documents back with the JDK's DOM parser, to check they are well-formed. */
public final class XmlTestSupport {
    private XmlTestSupport() {
    }

    public static Document parse(byte[] xml) {
        try {
            DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
            f.setNamespaceAware(true);
            f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
        } catch (Exception e) {
            throw new AssertionError("not well-formed: " + new String(xml, java.nio.charset.StandardCharsets.UTF_8), e);
        }
    }

    /** Local names of the element children of {@code e}, in document order. */
    public static List<String> childNames(Element e) {
        List<String> names = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE) {
                names.add(n.getLocalName());
            }
        }
        return names;
    }

    /** Element children of {@code e} with the given local name. */
    public static List<Element> children(Element e, String name) {
        List<Element> out = new ArrayList<>();
        for (Node n = e.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n.getNodeType() == Node.ELEMENT_NODE && name.equals(n.getLocalName())) {
                out.add((Element) n);
            }
        }
        return out;
    }

    /** Text of the only child element with this name. */
    public static String childText(Element e, String name) {
        List<Element> c = children(e, name);
        if (c.size() != 1) {
            throw new AssertionError("expected one <" + name + "> in <" + e.getLocalName() + ">, found " + c.size());
        }
        return c.get(0).getTextContent();
    }
}
