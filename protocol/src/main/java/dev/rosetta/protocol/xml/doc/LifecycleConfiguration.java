package dev.rosetta.protocol.xml.doc;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.model.LifecycleRule;
import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.protocol.model.Tag;
import dev.rosetta.protocol.xml.XmlDocument;
import dev.rosetta.protocol.xml.XmlWriter;
import java.util.List;
import java.util.function.Function;

/**
 * GetBucketLifecycleConfiguration's answer, in S3's element order: per rule {@code ID}, {@code Filter} or
 * the legacy {@code Prefix}, {@code Status}, {@code Transition}s, {@code Expiration},
 * {@code NoncurrentVersionTransition}s, {@code NoncurrentVersionExpiration},
 * {@code AbortIncompleteMultipartUpload}. Storage classes are written with the dialect's names.
 */
public record LifecycleConfiguration(List<LifecycleRule> rules, Function<StorageClass, String> storageClassName)
        implements XmlDocument {
    public LifecycleConfiguration {
        rules = List.copyOf(rules);
    }

    /** Storage classes named as {@code dialect} names them. */
    public LifecycleConfiguration(List<LifecycleRule> rules, Dialect dialect) {
        this(rules, dialect::storageClassName);
    }

    @Override
    public String rootElement() {
        return "LifecycleConfiguration";
    }

    @Override
    public void writeContent(XmlWriter w) {
        for (LifecycleRule r : rules) {
            w.start("Rule");
            w.element("ID", r.id());
            if (r.filter() != null) {
                writeFilter(w, r.filter());
            } else {
                w.element("Prefix", r.prefix() == null ? "" : r.prefix());
            }
            w.element("Status", r.enabled() ? "Enabled" : "Disabled");
            for (LifecycleRule.Transition t : r.transitions()) {
                w.start("Transition");
                if (t.date() != null) {
                    w.element("Date", t.date());
                }
                if (t.days() != null) {
                    w.element("Days", t.days());
                }
                w.element("StorageClass", storageClassName.apply(t.storageClass()));
                w.end();
            }
            LifecycleRule.Expiration e = r.expiration();
            if (e != null) {
                w.start("Expiration");
                if (e.date() != null) {
                    w.element("Date", e.date());
                }
                if (e.days() != null) {
                    w.element("Days", e.days());
                }
                if (e.expiredObjectDeleteMarker() != null) {
                    w.element("ExpiredObjectDeleteMarker", e.expiredObjectDeleteMarker().booleanValue());
                }
                w.end();
            }
            for (LifecycleRule.NoncurrentVersionTransition t : r.noncurrentVersionTransitions()) {
                w.start("NoncurrentVersionTransition");
                w.element("NoncurrentDays", t.noncurrentDays());
                w.element("StorageClass", storageClassName.apply(t.storageClass()));
                if (t.newerNoncurrentVersions() != null) {
                    w.element("NewerNoncurrentVersions", t.newerNoncurrentVersions());
                }
                w.end();
            }
            LifecycleRule.NoncurrentVersionExpiration nve = r.noncurrentVersionExpiration();
            if (nve != null) {
                w.start("NoncurrentVersionExpiration");
                w.element("NoncurrentDays", nve.noncurrentDays());
                if (nve.newerNoncurrentVersions() != null) {
                    w.element("NewerNoncurrentVersions", nve.newerNoncurrentVersions());
                }
                w.end();
            }
            if (r.abortIncompleteMultipartUploadDays() != null) {
                w.start("AbortIncompleteMultipartUpload")
                        .element("DaysAfterInitiation", r.abortIncompleteMultipartUploadDays())
                        .end();
            }
            w.end();
        }
    }

    private static void writeFilter(XmlWriter w, LifecycleRule.Filter f) {
        w.start("Filter");
        if (f.and() != null) {
            LifecycleRule.And and = f.and();
            w.start("And");
            w.optional("Prefix", and.prefix());
            for (Tag t : and.tags()) {
                writeTag(w, t);
            }
            if (and.objectSizeGreaterThan() != null) {
                w.element("ObjectSizeGreaterThan", and.objectSizeGreaterThan());
            }
            if (and.objectSizeLessThan() != null) {
                w.element("ObjectSizeLessThan", and.objectSizeLessThan());
            }
            w.end();
        } else {
            w.optional("Prefix", f.prefix());
            if (f.tag() != null) {
                writeTag(w, f.tag());
            }
            if (f.objectSizeGreaterThan() != null) {
                w.element("ObjectSizeGreaterThan", f.objectSizeGreaterThan());
            }
            if (f.objectSizeLessThan() != null) {
                w.element("ObjectSizeLessThan", f.objectSizeLessThan());
            }
        }
        w.end();
    }

    private static void writeTag(XmlWriter w, Tag t) {
        w.start("Tag").element("Key", t.key()).element("Value", t.value()).end();
    }
}
