package dev.rosetta.protocol.xml;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;

/**
 * A small, fast writer of response XML. Hand-written rather than Jackson because the declaration,
 * namespace and element order of every document must be byte-exact per dialect, and because response
 * rendering is on every request's path.
 */
public final class XmlWriter {
    private final StringBuilder out;
    private final ArrayDeque<String> open = new ArrayDeque<>();

    public XmlWriter() {
        this(256);
    }

    public XmlWriter(int capacity) {
        this.out = new StringBuilder(capacity);
    }

    /** Writes raw text such as an XML declaration; the caller guarantees it is well-formed. */
    public XmlWriter raw(String text) {
        out.append(text);
        return this;
    }

    public XmlWriter start(String name) {
        out.append('<').append(name).append('>');
        open.push(name);
        return this;
    }

    /** Opens an element with a default namespace; a null or empty namespace writes none. */
    public XmlWriter start(String name, String namespace) {
        if (namespace == null || namespace.isEmpty()) {
            return start(name);
        }
        out.append('<').append(name).append(" xmlns=\"");
        escape(namespace, true);
        out.append("\">");
        open.push(name);
        return this;
    }

    /** Opens an element with attributes given as name/value pairs. */
    public XmlWriter startWithAttributes(String name, String... attributes) {
        out.append('<').append(name);
        for (int i = 0; i + 1 < attributes.length; i += 2) {
            out.append(' ').append(attributes[i]).append("=\"");
            escape(attributes[i + 1], true);
            out.append('"');
        }
        out.append('>');
        open.push(name);
        return this;
    }

    /** Escaped character content inside the current element. */
    public XmlWriter text(String text) {
        escape(text, false);
        return this;
    }

    public XmlWriter end() {
        out.append("</").append(open.pop()).append('>');
        return this;
    }

    /** {@code <name>text</name>}, with the text escaped; an empty element for null. */
    public XmlWriter element(String name, String text) {
        out.append('<').append(name).append('>');
        if (text != null) {
            escape(text, false);
        }
        out.append("</").append(name).append('>');
        return this;
    }

    /** Writes the element only when the text is not null. */
    public XmlWriter optional(String name, String text) {
        return text == null ? this : element(name, text);
    }

    public XmlWriter element(String name, long value) {
        out.append('<').append(name).append('>').append(value).append("</").append(name).append('>');
        return this;
    }

    public XmlWriter element(String name, boolean value) {
        out.append('<').append(name).append('>').append(value).append("</").append(name).append('>');
        return this;
    }

    /** An ISO-8601 timestamp with milliseconds, as S3 writes them: {@code 2024-01-02T03:04:05.000Z}. */
    public XmlWriter element(String name, Instant time) {
        out.append('<').append(name).append('>');
        S3Time.appendIso8601(out, time);
        out.append("</").append(name).append('>');
        return this;
    }

    public byte[] toBytes() {
        if (!open.isEmpty()) {
            throw new IllegalStateException("unclosed elements: " + open);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return out.toString();
    }

    private void escape(String s, boolean attribute) {
        for (int i = 0, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> {
                    if (attribute) {
                        out.append("&quot;");
                    } else {
                        out.append(c);
                    }
                }
                default -> {
                    if (c < 0x20 || c == 0x7F) {
                        // S3 writes control characters (even \n, \r, \t) as numeric references
                        out.append("&#").append((int) c).append(';');
                    } else {
                        out.append(c);
                    }
                }
            }
        }
    }
}
