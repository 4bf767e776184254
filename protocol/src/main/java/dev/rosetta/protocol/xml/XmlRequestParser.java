package dev.rosetta.protocol.xml;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.dataformat.xml.XmlFactory;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.stream.util.StreamReaderDelegate;

/**
 * Parses request bodies (CreateBucketConfiguration, CompleteMultipartUpload, Delete, Tagging, ...)
 * into plain classes with Jackson. DTDs and external entities are off: a document with a DOCTYPE is
 * MalformedXML before any entity could be expanded. The root element's local name is checked; the
 * namespace is not (clients send S3's, a vendor's, or none).
 */
public final class XmlRequestParser {
    private static final XMLInputFactory INPUT = safeInputFactory();
    private static final XmlMapper MAPPER = XmlMapper.builder(new XmlFactory(INPUT, XMLOutputFactory.newFactory()))
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private XmlRequestParser() {
    }

    private static XMLInputFactory safeInputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }

    /**
     * Parses a document whose root element must be {@code rootElement}.
     *
     * @throws S3Exception MalformedXML when the body is empty, not well-formed, has a DTD, has another
     *                     root, or does not bind to {@code type}
     */
    public static <T> T parse(byte[] body, String rootElement, Class<T> type) {
        if (body == null || body.length == 0) {
            throw new S3Exception(S3ErrorCode.MALFORMED_XML);
        }
        XMLStreamReader reader = null;
        try {
            reader = new StrictReader(INPUT.createXMLStreamReader(new ByteArrayInputStream(body)));
            int event = reader.getEventType();
            while (event != XMLStreamConstants.START_ELEMENT) {
                if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE
                        || event == XMLStreamConstants.END_DOCUMENT) {
                    throw new S3Exception(S3ErrorCode.MALFORMED_XML);
                }
                event = reader.next();
            }
            if (!rootElement.equals(reader.getLocalName())) {
                throw new S3Exception(S3ErrorCode.MALFORMED_XML);
            }
            T value = MAPPER.readValue(reader, type);
            if (value == null) {
                throw new S3Exception(S3ErrorCode.MALFORMED_XML);
            }
            // the rest must be well-formed too: no second root, no text after the root
            while (reader.hasNext()) {
                reader.next();
            }
            return value;
        } catch (XMLStreamException | IOException | RuntimeException e) {
            if (e instanceof S3Exception s3) {
                throw s3;
            }
            throw new S3Exception(S3ErrorCode.MALFORMED_XML, S3ErrorCode.MALFORMED_XML.defaultMessage(), e);
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException ignored) {
                    // nothing to release beyond the byte array
                }
            }
        }
    }

    /**
     * Refuses entity references anywhere in the document. Entity replacement is off, so an entity the
     * parser does not know (none can be declared: DTDs are refused) would reach the binder as an
     * ENTITY_REFERENCE event and be silently dropped, turning {@code a&e;b} into {@code ab}.
     */
    private static final class StrictReader extends StreamReaderDelegate {
        StrictReader(XMLStreamReader reader) {
            super(reader);
        }

        @Override
        public int next() throws XMLStreamException {
            int event = super.next();
            if (event == XMLStreamConstants.ENTITY_REFERENCE || event == XMLStreamConstants.DTD) {
                throw new XMLStreamException("entity references and DTDs are not allowed");
            }
            return event;
        }
    }
}
