package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.model.Owner;
import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;
import java.time.Instant;
import java.util.List;

/** ListBuckets' answer. */
public record ListAllMyBucketsResult(Owner owner, List<Entry> buckets, String continuationToken, String prefix)
        implements XmlDocument {

    /** One bucket: name, creation date and region. */
    public record Entry(String name, Instant creationDate, String region) {
    }

    @Override
    public String rootElement() {
        return "ListAllMyBucketsResult";
    }

    @Override
    public void writeContent(XmlWriter w) {
        w.start("Owner").element("ID", owner.id()).element("DisplayName", owner.displayName()).end();
        w.start("Buckets");
        for (Entry b : buckets) {
            w.start("Bucket").element("Name", b.name()).element("CreationDate", b.creationDate());
            w.optional("BucketRegion", b.region());
            w.end();
        }
        w.end();
        w.optional("ContinuationToken", continuationToken);
        w.optional("Prefix", prefix);
    }
}
