package dev.rosetta.protocol.xml.doc;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlProperty;
import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.ObjectLock;
import dev.rosetta.protocol.model.ObjectLockConfiguration;

/**
 * The ObjectLockConfiguration document of PutObjectLockConfiguration, as bound by
 * {@link dev.rosetta.protocol.xml.XmlRequestParser}; {@link #toConfiguration} checks it as S3 does.
 */
public final class ObjectLockConfigurationRequest {
    /** S3's largest default retention, in days (100 years). */
    public static final int MAX_DAYS = 36500;
    public static final int MAX_YEARS = 100;

    @JacksonXmlProperty(localName = "ObjectLockEnabled")
    public String objectLockEnabled;
    @JacksonXmlProperty(localName = "Rule")
    public Rule rule;

    /** The Rule element. */
    public static final class Rule {
        @JacksonXmlProperty(localName = "DefaultRetention")
        public DefaultRetention defaultRetention;
    }

    /** The DefaultRetention element. */
    public static final class DefaultRetention {
        @JacksonXmlProperty(localName = "Mode")
        public String mode;
        @JacksonXmlProperty(localName = "Days")
        public String days;
        @JacksonXmlProperty(localName = "Years")
        public String years;
    }

    /**
     * The configuration to store.
     *
     * @param complianceOnly true for OBS, which has no GOVERNANCE mode
     * @throws S3Exception MalformedXML (ObjectLockEnabled not {@code Enabled}, a Rule without DefaultRetention,
     *                     an unknown mode, not exactly one of Days and Years, a period that is not a number),
     *                     InvalidArgument (a period not positive or over 100 years)
     */
    public ObjectLockConfiguration toConfiguration(boolean complianceOnly) {
        if (!"Enabled".equals(trim(objectLockEnabled))) {
            throw new S3Exception(S3ErrorCode.MALFORMED_XML);
        }
        if (rule == null) {
            return ObjectLockConfiguration.ENABLED;
        }
        DefaultRetention d = rule.defaultRetention;
        if (d == null) {
            throw new S3Exception(S3ErrorCode.MALFORMED_XML);
        }
        String mode = trim(d.mode);
        boolean known = ObjectLock.COMPLIANCE.equals(mode) || (!complianceOnly && ObjectLock.GOVERNANCE.equals(mode));
        if (!known || (d.days == null) == (d.years == null)) {
            throw new S3Exception(S3ErrorCode.MALFORMED_XML);
        }
        Integer days = period(d.days, MAX_DAYS);
        Integer years = period(d.years, MAX_YEARS);
        return new ObjectLockConfiguration(new ObjectLockConfiguration.DefaultRetention(mode, days, years));
    }

    private static Integer period(String value, int max) {
        if (value == null) {
            return null;
        }
        long n;
        try {
            n = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new S3Exception(S3ErrorCode.MALFORMED_XML);
        }
        if (n <= 0) {
            throw new S3Exception(S3ErrorCode.INVALID_ARGUMENT, "Default retention period must be a positive integer"
                    + " value.");
        }
        if (n > max) {
            throw new S3Exception(S3ErrorCode.INVALID_ARGUMENT, "Default retention period is too large.");
        }
        return (int) n;
    }

    private static String trim(String v) {
        return v == null ? null : v.trim();
    }
}
