package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.model.Tag;
import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;
import java.util.List;

/** GetObjectTagging's answer: {@code <Tagging><TagSet><Tag><Key/><Value/></Tag>...</TagSet></Tagging>}. */
public record Tagging(List<Tag> tags) implements XmlDocument {
    public Tagging {
        tags = List.copyOf(tags);
    }

    @Override
    public String rootElement() {
        return "Tagging";
    }

    @Override
    public void writeContent(XmlWriter w) {
        w.start("TagSet");
        for (Tag t : tags) {
            w.start("Tag").element("Key", t.key()).element("Value", t.value()).end();
        }
        w.end();
    }
}
