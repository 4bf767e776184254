package dev.rosetta.protocol.xml.doc;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/** CreateBucket's optional request body. */
public final class CreateBucketConfiguration {
    @JacksonXmlProperty(localName = "LocationConstraint")
    public String locationConstraint;
}
