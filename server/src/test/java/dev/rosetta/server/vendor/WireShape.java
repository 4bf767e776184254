package dev.rosetta.server.vendor;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.server.testing.RawHttp;
import java.util.ArrayList;
import java.util.List;

/**
 * What a response of one wire style must look like, written out from docs/dialects.md (§3.6, §4.5, §5.4, §7)
 * independently of the server's own constants, and the assertions that check a raw response against it.
 *
 * @param requestIdHeader      the header carrying the request id (16 upper-case hex characters)
 * @param id2Header            the host-id header, or null when the style has none
 * @param extraRequestIdHeader a second header carrying the request id (COS endpoints answering AWS-signed
 *                             requests), or null
 * @param successDeclaration   the first line of success documents, or null for none
 * @param namespace            the root element's namespace in success documents, or null for none
 * @param errorDeclaration     the first line of error documents
 * @param errorHostElement     the element of error documents carrying the host or trace id
 * @param errorTraceHeader     a header carrying the trace id on errors only, or null
 */
record WireShape(String name, String requestIdHeader, String id2Header, String extraRequestIdHeader,
        String successDeclaration, String namespace, String errorDeclaration, String errorHostElement,
        String errorTraceHeader) {

    static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";
    static final String STANDALONE = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>";
    static final String COS_ERROR_DECLARATION = "<?xml version='1.0' encoding='utf-8' ?>";
    static final String AWS_NS = "http://s3.amazonaws.com/doc/2006-03-01/";
    static final String WOS_NS = "https://www.wangsu.com/document";
    static final String WCS_NS = "http://wcs.chinanetcenter.com/document";

    static final List<String> REQUEST_ID_HEADERS =
            List.of("x-amz-request-id", "x-obs-request-id", "x-cos-request-id", "x-wos-request-id");
    static final List<String> ID2_HEADERS = List.of("x-amz-id-2", "x-obs-id-2", "x-cos-trace-id");

    /** Amazon S3, and JD Cloud. */
    static final WireShape AWS = new WireShape("AWS", "x-amz-request-id", "x-amz-id-2", null, DECLARATION, AWS_NS,
            DECLARATION, "HostId", null);

    /** OBS answering its own signature, in the namespace of the server's region. */
    static WireShape obs(String region) {
        return new WireShape("OBS", "x-obs-request-id", "x-obs-id-2", null, STANDALONE, obsNamespace(region),
                DECLARATION, "HostId", null);
    }

    /** OBS answering an AWS-signed request (its S3 mode). */
    static WireShape obsS3(String region) {
        return new WireShape("OBS-S3", "x-amz-request-id", "x-amz-id-2", null, STANDALONE, obsNamespace(region),
                DECLARATION, "HostId", null);
    }

    static String obsNamespace(String region) {
        return "http://obs." + region + ".myhuaweicloud.com/doc/2015-06-30/";
    }

    /** COS: no declaration or namespace on success, the single-quoted declaration and TraceId on errors. */
    static final WireShape COS = new WireShape("COS", "x-cos-request-id", null, null, null, null,
            COS_ERROR_DECLARATION, "TraceId", "x-cos-trace-id");

    /** A COS endpoint answering an AWS-signed request: AWS, plus x-cos-request-id. */
    static final WireShape COS_S3 = new WireShape("COS-S3", "x-amz-request-id", "x-amz-id-2", "x-cos-request-id",
            DECLARATION, AWS_NS, DECLARATION, "HostId", null);

    /** WOS: no id-2 header. */
    static final WireShape WOS = new WireShape("WOS", "x-wos-request-id", null, null, STANDALONE, WOS_NS,
            DECLARATION, "HostId", null);

    /** WOS under its old ChinaNetCenter brand. */
    static final WireShape WCS = new WireShape("WCS", "x-wos-request-id", null, null, STANDALONE, WCS_NS,
            DECLARATION, "HostId", null);

    /** The request id, after checking the request-id headers (and only those) are there. */
    String assertHeaders(RawHttp.Response r) {
        String id = r.header(requestIdHeader);
        assertThat(id).as(name + ": " + requestIdHeader + " in " + r.headers()).matches("[0-9A-F]{16}");
        List<String> allowed = new ArrayList<>();
        allowed.add(requestIdHeader);
        if (extraRequestIdHeader != null) {
            allowed.add(extraRequestIdHeader);
            assertThat(r.header(extraRequestIdHeader)).as(extraRequestIdHeader).isEqualTo(id);
        }
        for (String h : REQUEST_ID_HEADERS) {
            if (!allowed.contains(h)) {
                assertThat(r.header(h)).as(name + " must not answer " + h + ": " + r.headers()).isNull();
            }
        }
        for (String h : ID2_HEADERS) {
            if (!h.equals(id2Header) && !h.equals(errorTraceHeader)) {
                assertThat(r.header(h)).as(name + " must not answer " + h + ": " + r.headers()).isNull();
            }
        }
        if (id2Header != null) {
            assertThat(r.header(id2Header)).as(name + ": " + id2Header).isNotBlank();
        }
        return id;
    }

    /**
     * A 2xx response whose body is the document {@code root}: headers, declaration (or none), root element with
     * the namespace (or none) as the very first element.
     *
     * @return the body text
     */
    String assertSuccessDocument(RawHttp.Response r, String root) {
        assertThat(r.status()).as(r.bodyText()).isBetween(200, 299);
        assertHeaders(r);
        assertThat(r.header("content-type")).isEqualTo("application/xml");
        String body = r.bodyText();
        String rootTag = "<" + root + (namespace == null ? "" : " xmlns=\"" + namespace + "\"") + ">";
        if (successDeclaration == null) {
            assertThat(body).as(name + " success body").startsWith(rootTag).doesNotContain("<?xml")
                    .doesNotContain("xmlns");
        } else {
            assertThat(body).as(name + " success body").startsWith(successDeclaration + "\n" + rootTag);
        }
        assertThat(body).endsWith("</" + root + ">");
        return body;
    }

    /** A 2xx response without a body (abort, delete). */
    void assertEmptySuccess(RawHttp.Response r, int status) {
        assertThat(r.status()).as(r.bodyText()).isEqualTo(status);
        assertHeaders(r);
        assertThat(r.body()).isEmpty();
    }

    /**
     * An error document: status, headers, the style's declaration, {@code <Error>} without namespace starting
     * with the code, RequestId equal to the request-id header, the host or trace element (equal to the id-2 or
     * trace header when the style has one).
     */
    void assertError(RawHttp.Response r, int status, String code) {
        assertThat(r.status()).as(r.bodyText()).isEqualTo(status);
        String id = assertHeaders(r);
        assertThat(r.header("content-type")).isEqualTo("application/xml");
        assertThat(r.bodyText()).as(name + " error body")
                .startsWith(errorDeclaration + "\n<Error><Code>" + code + "</Code><Message>")
                .endsWith("</Error>")
                .doesNotContain("xmlns");
        assertThat(r.xmlElement("RequestId")).isEqualTo(id);
        String host = r.xmlElement(errorHostElement);
        assertThat(host).as(errorHostElement).isNotBlank();
        if (id2Header != null) {
            assertThat(host).isEqualTo(r.header(id2Header));
        }
        if (errorTraceHeader != null) {
            assertThat(r.header(errorTraceHeader)).as(errorTraceHeader).isEqualTo(host);
        }
        for (String other : List.of("HostId", "TraceId")) {
            if (!other.equals(errorHostElement)) {
                assertThat(r.xmlElement(other)).as(name + " must not carry " + other).isNull();
            }
        }
    }

    /** The element texts of {@code <name>} in order. */
    static List<String> elements(RawHttp.Response r, String element) {
        List<String> out = new ArrayList<>();
        String text = r.bodyText();
        int from = 0;
        while (true) {
            int start = text.indexOf("<" + element + ">", from);
            if (start < 0) {
                return out;
            }
            int end = text.indexOf("</" + element + ">", start);
            out.add(text.substring(start + element.length() + 2, end));
            from = end;
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
