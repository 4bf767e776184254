package dev.rosetta.protocol.xml.doc;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** The LegalHold document of PutObjectLegalHold: {@code <LegalHold><Status>ON|OFF</Status></LegalHold>}. */
public final class LegalHoldRequest {
    @JacksonXmlProperty(localName = "Status")
    public String status;
}
