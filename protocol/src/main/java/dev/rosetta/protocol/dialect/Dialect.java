package dev.rosetta.protocol.dialect;

import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;

/**
 * A vendor's wire style: the names of its headers, the ids it stamps on responses, and the exact
 * shape of its XML. One immutable object per style; a request is answered in exactly one.
 */
public final class Dialect {

    public static final String AWS_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    public static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

    /** Amazon S3, also JD Cloud's S3 endpoints. */
    public static final Dialect AWS = builder("AWS")
            .headerPrefix("x-amz-")
            .requestIdHeader("x-amz-request-id")
            .id2Header("x-amz-id-2")
            .successDeclaration(XML_DECLARATION)
            .namespace(AWS_NAMESPACE)
            .errorDeclaration(XML_DECLARATION)
            .errorHostIdElement("HostId")
            .build();

    private final String name;
    private final String headerPrefix;
    private final String requestIdHeader;
    private final String id2Header;
    private final String errorTraceHeader;
    private final String successDeclaration;
    private final String namespace;
    private final String errorDeclaration;
    private final String errorHostIdElement;

    private Dialect(Builder b) {
        this.name = b.name;
        this.headerPrefix = b.headerPrefix;
        this.requestIdHeader = b.requestIdHeader;
        this.id2Header = b.id2Header;
        this.errorTraceHeader = b.errorTraceHeader;
        this.successDeclaration = b.successDeclaration;
        this.namespace = b.namespace;
        this.errorDeclaration = b.errorDeclaration;
        this.errorHostIdElement = b.errorHostIdElement;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A copy of this style with the given name and changes applied. */
    public Builder toBuilder(String newName) {
        Builder b = new Builder(newName);
        b.headerPrefix = headerPrefix;
        b.requestIdHeader = requestIdHeader;
        b.id2Header = id2Header;
        b.errorTraceHeader = errorTraceHeader;
        b.successDeclaration = successDeclaration;
        b.namespace = namespace;
        b.errorDeclaration = errorDeclaration;
        b.errorHostIdElement = errorHostIdElement;
        return b;
    }

    public String name() {
        return name;
    }

    /** The vendor's header prefix, e.g. {@code x-amz-}. */
    public String headerPrefix() {
        return headerPrefix;
    }

    /** {@code <prefix>meta-}: the user-metadata prefix. */
    public String metadataPrefix() {
        return headerPrefix + "meta-";
    }

    /** A vendor header's full name: {@code header("storage-class")} is {@code x-amz-storage-class}. */
    public String header(String suffix) {
        return headerPrefix + suffix;
    }

    public String requestIdHeader() {
        return requestIdHeader;
    }

    /** The host-id header ({@code x-amz-id-2}); null when the style has none. */
    public String id2Header() {
        return id2Header;
    }

    /** A header carrying the trace id on error responses only (COS); null when none. */
    public String errorTraceHeader() {
        return errorTraceHeader;
    }

    public String namespace() {
        return namespace;
    }

    /** The element carrying the host id in error documents ({@code HostId}, or {@code TraceId} for COS). */
    public String errorHostIdElement() {
        return errorHostIdElement;
    }

    /** Renders a success document: declaration, root element with this style's namespace, content. */
    public byte[] render(XmlDocument document) {
        XmlWriter w = new XmlWriter(512);
        if (successDeclaration != null) {
            w.raw(successDeclaration);
            w.raw("\n");
        }
        w.start(document.rootElement(), namespace);
        document.writeContent(w);
        w.end();
        return w.toBytes();
    }

    /** The XML declaration of error documents. */
    public String errorDeclaration() {
        return errorDeclaration;
    }

    @Override
    public String toString() {
        return name;
    }

    /** Builds a dialect; every field not set stays null (absent). */
    public static final class Builder {
        private final String name;
        private String headerPrefix;
        private String requestIdHeader;
        private String id2Header;
        private String errorTraceHeader;
        private String successDeclaration;
        private String namespace;
        private String errorDeclaration;
        private String errorHostIdElement;

        private Builder(String name) {
            this.name = name;
        }

        public Builder headerPrefix(String v) {
            headerPrefix = v;
            return this;
        }

        public Builder requestIdHeader(String v) {
            requestIdHeader = v;
            return this;
        }

        public Builder id2Header(String v) {
            id2Header = v;
            return this;
        }

        public Builder errorTraceHeader(String v) {
            errorTraceHeader = v;
            return this;
        }

        public Builder successDeclaration(String v) {
            successDeclaration = v;
            return this;
        }

        public Builder namespace(String v) {
            namespace = v;
            return this;
        }

        public Builder errorDeclaration(String v) {
            errorDeclaration = v;
            return this;
        }

        public Builder errorHostIdElement(String v) {
            errorHostIdElement = v;
            return this;
        }

        public Dialect build() {
            return new Dialect(this);
        }
    }
}
