package dev.rosetta.protocol.dialect;

import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;
import java.util.List;

/**
 * How a vendor's responses look on the wire, apart from header names: the request-id headers, the
 * XML declaration and namespace of success documents, and the shape of error documents
 * (docs/dialects.md, "Summary of per-dialect response conventions").
 */
public final class WireStyle {
    public static final String XML_DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    public static final String XML_DECLARATION_STANDALONE =
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    public static final String COS_ERROR_DECLARATION = "<?xml version='1.0' encoding='utf-8' ?>";

    public static final String AWS_NAMESPACE = "http://s3.amazonaws.com/doc/2006-03-01/";
    public static final String WOS_NAMESPACE = "https://www.wangsu.com/document";
    public static final String WCS_NAMESPACE = "http://wcs.chinanetcenter.com/document";

    /** The OBS namespace of a region, {@code http://obs.<region>.myhuaweicloud.com/doc/2015-06-30/}. */
    public static String obsNamespace(String region) {
        return "http://obs." + region + ".myhuaweicloud.com/doc/2015-06-30/";
    }

    /** Amazon S3 (and JD Cloud). */
    public static final WireStyle AWS = builder("AWS")
            .requestIdHeader("x-amz-request-id").id2Header("x-amz-id-2")
            .successDeclaration(XML_DECLARATION).namespace(AWS_NAMESPACE)
            .errorDeclaration(XML_DECLARATION).errorHostIdElement("HostId")
            .build();

    /** Tencent COS: no declaration or namespace on success documents, TraceId in errors. */
    public static final WireStyle COS = builder("COS")
            .requestIdHeader("x-cos-request-id").errorTraceHeader("x-cos-trace-id")
            .errorDeclaration(COS_ERROR_DECLARATION).errorHostIdElement("TraceId")
            .build();

    /** A COS endpoint answering an AWS-signed request: AWS style plus COS's request-id header. */
    public static final WireStyle COS_S3 = AWS.toBuilder("COS-S3").extraRequestIdHeaders(List.of("x-cos-request-id"))
            .build();

    /** Huawei OBS answering its own signature. */
    public static WireStyle obs(String namespace) {
        return builder("OBS").requestIdHeader("x-obs-request-id").id2Header("x-obs-id-2")
                .successDeclaration(XML_DECLARATION_STANDALONE).namespace(namespace)
                .errorDeclaration(XML_DECLARATION).errorHostIdElement("HostId")
                .build();
    }

    /** Huawei OBS answering an AWS-signed request (its "S3 mode"): AWS headers, OBS XML. */
    public static WireStyle obsS3(String namespace) {
        return builder("OBS-S3").requestIdHeader("x-amz-request-id").id2Header("x-amz-id-2")
                .successDeclaration(XML_DECLARATION_STANDALONE).namespace(namespace)
                .errorDeclaration(XML_DECLARATION).errorHostIdElement("HostId")
                .build();
    }

    /** Wangsu WOS (and, with the WCS namespace, ChinaNetCenter WCS): no id-2 header is documented. */
    public static WireStyle wos(String name, String namespace) {
        return builder(name).requestIdHeader("x-wos-request-id")
                .successDeclaration(XML_DECLARATION_STANDALONE).namespace(namespace)
                .errorDeclaration(XML_DECLARATION).errorHostIdElement("HostId")
                .build();
    }

    private final String name;
    private final String requestIdHeader;
    private final String id2Header;
    private final List<String> extraRequestIdHeaders;
    private final String errorTraceHeader;
    private final String successDeclaration;
    private final String namespace;
    private final String errorDeclaration;
    private final String errorHostIdElement;

    private WireStyle(Builder b) {
        this.name = b.name;
        this.requestIdHeader = b.requestIdHeader;
        this.id2Header = b.id2Header;
        this.extraRequestIdHeaders = List.copyOf(b.extraRequestIdHeaders);
        this.errorTraceHeader = b.errorTraceHeader;
        this.successDeclaration = b.successDeclaration;
        this.namespace = b.namespace;
        this.errorDeclaration = b.errorDeclaration;
        this.errorHostIdElement = b.errorHostIdElement;
    }

    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** A copy with another name, to change some fields. */
    public Builder toBuilder(String newName) {
        Builder b = new Builder(newName);
        b.requestIdHeader = requestIdHeader;
        b.id2Header = id2Header;
        b.extraRequestIdHeaders = extraRequestIdHeaders;
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

    public String requestIdHeader() {
        return requestIdHeader;
    }

    /** The host-id header, or null when the style has none. */
    public String id2Header() {
        return id2Header;
    }

    /** Further headers that carry the request id (COS endpoints answering AWS-signed requests). */
    public List<String> extraRequestIdHeaders() {
        return extraRequestIdHeaders;
    }

    /** A header carrying the trace id on error responses only (COS), or null. */
    public String errorTraceHeader() {
        return errorTraceHeader;
    }

    /** The declaration of success documents, or null for none. */
    public String successDeclaration() {
        return successDeclaration;
    }

    /** The default namespace of success documents, or null for none. */
    public String namespace() {
        return namespace;
    }

    public String errorDeclaration() {
        return errorDeclaration;
    }

    /** The element carrying the host or trace id in error documents. */
    public String errorHostIdElement() {
        return errorHostIdElement;
    }

    /** Renders a success document: declaration, root element with this style's namespace, content. */
    public byte[] render(XmlDocument document) {
        XmlWriter w = new XmlWriter(512);
        if (successDeclaration != null) {
            w.raw(successDeclaration).raw("\n");
        }
        w.start(document.rootElement(), namespace);
        document.writeContent(w);
        w.end();
        return w.toBytes();
    }

    @Override
    public String toString() {
        return name;
    }

    /** Builds a style; every field not set stays absent. */
    public static final class Builder {
        private final String name;
        private String requestIdHeader;
        private String id2Header;
        private List<String> extraRequestIdHeaders = List.of();
        private String errorTraceHeader;
        private String successDeclaration;
        private String namespace;
        private String errorDeclaration;
        private String errorHostIdElement;

        private Builder(String name) {
            this.name = name;
        }

        public Builder requestIdHeader(String v) {
            requestIdHeader = v;
            return this;
        }

        public Builder id2Header(String v) {
            id2Header = v;
            return this;
        }

        public Builder extraRequestIdHeaders(List<String> v) {
            extraRequestIdHeaders = v;
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

        public WireStyle build() {
            return new WireStyle(this);
        }
    }
}
