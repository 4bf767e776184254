package dev.rosetta.storage;

import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.blob.BlobStore;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The stores' side of blob ownership: a blob belongs to exactly one record (an object or a part).
 * The only sharing is a record replacing another at the same key with the same blob (a metadata-only
 * update or a copy onto itself), which is why what is freed is a set difference by blob id.
 *
 * <ul>
 *   <li>A store that commits a record referencing blobs marks them {@link #adopt adopted} (no longer
 *       pending for the sweep).</li>
 *   <li>A store that refuses a record deletes the blobs it was handed ({@link #refused}), except those
 *       the current record still uses: the caller never has to clean up after a store.</li>
 *   <li>Blobs a commit dropped are deleted after the commit ({@link #free}); never before.</li>
 *   <li>If the commit itself fails, the blobs are only marked adopted: the metadata decides, and the
 *       next sweep removes them if it turns out no record references them.</li>
 * </ul>
 */
final class BlobReclaimer {
    private final BlobStore blobs;

    BlobReclaimer(BlobStore blobs) {
        this.blobs = blobs;
    }

    void adopt(Collection<BlobRef> refs) {
        for (BlobRef r : refs) {
            blobs.adopted(r);
        }
    }

    /** Deletes {@code handed} except blobs that {@code current} (may be null) references. */
    void refused(List<BlobRef> handed, ObjectRecord current) {
        free(minus(handed, current == null ? List.of() : current.body().blobs()));
    }

    /** Deletes blobs {@code before} referenced and {@code after} does not (either may be null). */
    void replaced(ObjectRecord before, ObjectRecord after) {
        if (before != null) {
            free(minus(before.body().blobs(), after == null ? List.of() : after.body().blobs()));
        }
    }

    void free(Collection<BlobRef> refs) {
        for (BlobRef r : refs) {
            blobs.delete(r);
        }
    }

    static List<BlobRef> minus(List<BlobRef> from, List<BlobRef> keep) {
        if (from.isEmpty() || keep.isEmpty()) {
            return from;
        }
        Set<String> kept = new HashSet<>();
        for (BlobRef k : keep) {
            kept.add(k.id());
        }
        return from.stream().filter(r -> !kept.contains(r.id())).toList();
    }
}
