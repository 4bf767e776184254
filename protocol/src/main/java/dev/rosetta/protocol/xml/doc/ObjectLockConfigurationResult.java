package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.model.ObjectLockConfiguration;
import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;

/**
 * GetObjectLockConfiguration's answer: {@code <ObjectLockConfiguration><ObjectLockEnabled>Enabled</ObjectLockEnabled>
 * [<Rule><DefaultRetention><Mode/><Days/>|<Years/></DefaultRetention></Rule>]</ObjectLockConfiguration>}.
 */
public record ObjectLockConfigurationResult(ObjectLockConfiguration configuration) implements XmlDocument {
    @Override
    public String rootElement() {
        return "ObjectLockConfiguration";
    }

    @Override
    public void writeContent(XmlWriter w) {
        w.element("ObjectLockEnabled", "Enabled");
        ObjectLockConfiguration.DefaultRetention d = configuration.defaultRetention();
        if (d != null) {
            w.start("Rule").start("DefaultRetention").element("Mode", d.mode());
            w.optional("Days", d.days() == null ? null : d.days().toString());
            w.optional("Years", d.years() == null ? null : d.years().toString());
            w.end().end();
        }
    }
}
