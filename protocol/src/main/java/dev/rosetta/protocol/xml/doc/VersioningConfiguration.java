package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;

/**
 * GetBucketVersioning's answer. A bucket that was never versioned has neither Status nor MfaDelete:
 * the root is empty.
 *
 * @param status    {@code Enabled}, {@code Suspended}, or null for never versioned
 * @param mfaDelete {@code Enabled}, {@code Disabled}, or null when never configured
 */
public record VersioningConfiguration(String status, String mfaDelete) implements XmlDocument {

    /** The answer for a bucket that was never versioned. */
    public static final VersioningConfiguration UNVERSIONED = new VersioningConfiguration(null, null);

    @Override
    public String rootElement() {
        return "VersioningConfiguration";
    }

    @Override
    public void writeContent(XmlWriter w) {
        w.optional("Status", status);
        w.optional("MfaDelete", mfaDelete);
    }
}
