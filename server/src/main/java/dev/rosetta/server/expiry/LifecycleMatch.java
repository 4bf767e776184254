package dev.rosetta.server.expiry;

import dev.rosetta.protocol.model.LifecycleRule;
import dev.rosetta.protocol.model.Tag;
import dev.rosetta.storage.ObjectRecord;
import java.util.List;

/** Whether a lifecycle rule's filter selects an object: prefix, tags (all must be on the object) and size bounds. */
final class LifecycleMatch {
    private LifecycleMatch() {
    }

    static boolean selects(LifecycleRule rule, ObjectRecord o) {
        if (!o.key().startsWith(rule.keyPrefix())) {
            return false;
        }
        LifecycleRule.Filter f = rule.filter();
        if (f == null) {
            return true;
        }
        if (f.tag() != null && !hasTag(o, f.tag())) {
            return false;
        }
        if (!sizeFits(o.size(), f.objectSizeGreaterThan(), f.objectSizeLessThan())) {
            return false;
        }
        LifecycleRule.And and = f.and();
        if (and != null) {
            for (Tag t : and.tags()) {
                if (!hasTag(o, t)) {
                    return false;
                }
            }
            return sizeFits(o.size(), and.objectSizeGreaterThan(), and.objectSizeLessThan());
        }
        return true;
    }

    private static boolean hasTag(ObjectRecord o, Tag wanted) {
        List<Tag> tags = o.headers().tags();
        return tags.contains(wanted);
    }

    private static boolean sizeFits(long size, Long greaterThan, Long lessThan) {
        return (greaterThan == null || size > greaterThan) && (lessThan == null || size < lessThan);
    }
}
