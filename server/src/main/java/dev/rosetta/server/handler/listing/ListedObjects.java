package dev.rosetta.server.handler.listing;

import dev.rosetta.protocol.dialect.Dialect;
import dev.rosetta.protocol.model.StorageClass;
import dev.rosetta.protocol.xml.doc.ListedObject;
import dev.rosetta.storage.ObjectRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Turns stored object records into listing entries in the request's dialect. */
final class ListedObjects {
    private ListedObjects() {
    }

    /**
     * @param withOwner whether the entry shows the object's owner
     */
    static ListedObject of(ObjectRecord o, Dialect dialect, boolean withOwner) {
        StorageClass sc = o.headers().storageClass() == null ? StorageClass.STANDARD : o.headers().storageClass();
        String checksumAlgorithm = null;
        Iterator<String> algorithms = o.checksums().keySet().iterator();
        if (algorithms.hasNext()) {
            checksumAlgorithm = algorithms.next();
        }
        return new ListedObject(o.key(), o.lastModified(), o.etag(), o.size(), dialect.storageClassName(sc),
                withOwner ? o.owner() : null, checksumAlgorithm,
                checksumAlgorithm == null ? null : o.checksumType());
    }

    static List<ListedObject> of(List<ObjectRecord> records, Dialect dialect, boolean withOwner) {
        List<ListedObject> out = new ArrayList<>(records.size());
        for (ObjectRecord o : records) {
            out.add(of(o, dialect, withOwner));
        }
        return out;
    }
}
