package dev.rosetta.protocol.xml.doc;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;

/**
 * The Retention document of PutObjectRetention: {@code <Retention><Mode/><RetainUntilDate/></Retention>}. The
 * date is ISO 8601 (S3) or, as the OBS SDK sends it, milliseconds since the epoch. Checked by the server.
 */
public final class RetentionRequest {
    @JacksonXmlProperty(localName = "Mode")
    public String mode;
    @JacksonXmlProperty(localName = "RetainUntilDate")
    public String retainUntilDate;
}
