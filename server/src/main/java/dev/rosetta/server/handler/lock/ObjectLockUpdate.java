package dev.rosetta.server.handler.lock;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.ObjectLock;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.ObjectStore;
import java.util.function.UnaryOperator;

/**
 * Rewrites an object's record with another retention or legal hold: same body (blobs reused, never copied),
 * same ETag and Last-Modified. Like tag changes, the rewrite commits only if the record is still the one it
 * was computed from (checked under the key's lock), else it is computed again from the new one; after 16 lost
 * races it is {@code 503 SlowDown}. A change that changes nothing writes nothing.
 */
final class ObjectLockUpdate {
    private static final int ATTEMPTS = 16;

    private ObjectLockUpdate() {
    }

    /**
     * @param change given the current lock (null when none), returns the new one (null for none) or throws to
     *               refuse; it runs again after a lost race
     */
    static void apply(ObjectStore objects, String bucket, String key, UnaryOperator<ObjectLock> change) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ObjectRecord current = objects.require(bucket, key);
            ObjectLock before = current.headers().objectLock();
            ObjectLock after = change.apply(before);
            if (after != null && after.isEmpty()) {
                after = null;
            }
            if (java.util.Objects.equals(before, after)) {
                return;
            }
            ObjectHeaders headers = current.headers().withObjectLock(after);
            ObjectRecord updated = new ObjectRecord(current.bucket(), current.key(), current.size(), current.etag(),
                    current.lastModified(), current.owner(), current.dialect(), headers, current.checksums(),
                    current.checksumType(), current.body(), current.completedUploadId());
            try {
                objects.put(updated, existing -> {
                    if (existing == null) {
                        throw new S3Exception(S3ErrorCode.NO_SUCH_KEY).with("Key", key);
                    }
                    if (!existing.equals(current)) {
                        throw Changed.INSTANCE;
                    }
                });
                return;
            } catch (Changed again) {
                // computed again from the record that replaced it
            }
        }
        throw new S3Exception(S3ErrorCode.SLOW_DOWN,
                "The object is being changed too often to update its object lock; please try again.");
    }

    /** The record changed between reading and writing. */
    private static final class Changed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Changed INSTANCE = new Changed();

        private Changed() {
            super("object changed", null, false, false);
        }
    }
}
