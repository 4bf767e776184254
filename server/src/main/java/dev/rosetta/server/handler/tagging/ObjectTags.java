package dev.rosetta.server.handler.tagging;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.Tag;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.ObjectStore;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Replaces an object's tags by rewriting its record with new headers and the same body, ETag and
 * Last-Modified (S3 changes neither). The store keeps the body's blobs because the new record reuses
 * them. The rewrite only commits if the record is still the one it was built from (checked under the
 * key's lock); if another write got in between, it is rebuilt from the new record, so a concurrent
 * PutObject's body or a concurrent metadata change is never undone.
 */
final class ObjectTags {
    private static final int MAX_ATTEMPTS = 16;

    private ObjectTags() {
    }

    /** @throws S3Exception NoSuchKey (or NoSuchBucket) when the object is missing */
    static void replace(ObjectStore objects, String bucket, String key, List<Tag> tags) {
        replace(objects, bucket, key, tags, found -> found != null ? found : objects.require(bucket, key));
    }

    /**
     * @param check given the object read (null when missing), returns it if the request may change it; throws
     *              the answer otherwise (checked again on every rebuild)
     */
    static void replace(ObjectStore objects, String bucket, String key, List<Tag> tags,
                        UnaryOperator<ObjectRecord> check) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            ObjectRecord current = check.apply(objects.find(bucket, key).orElse(null));
            if (current.headers().tags().equals(tags)) {
                return;
            }
            try {
                objects.put(withTags(current, tags), existing -> {
                    if (existing == null) {
                        throw new S3Exception(S3ErrorCode.NO_SUCH_KEY).with("Key", key);
                    }
                    if (!existing.equals(current)) {
                        throw Changed.INSTANCE;
                    }
                });
                return;
            } catch (Changed again) {
                // rebuilt from the record that replaced it
            }
        }
        throw new S3Exception(S3ErrorCode.SLOW_DOWN,
                "The object is being changed too often to update its tags; please try again.");
    }

    private static ObjectRecord withTags(ObjectRecord o, List<Tag> tags) {
        ObjectHeaders h = o.headers();
        ObjectHeaders headers = h.withTags(tags); // every other header kept (lock, expiry, ...)
        return new ObjectRecord(o.bucket(), o.key(), o.size(), o.etag(), o.lastModified(), o.owner(), o.dialect(),
                headers, o.checksums(), o.checksumType(), o.body(), o.completedUploadId());
    }

    /** The record changed between reading and writing: rebuild and retry. */
    private static final class Changed extends RuntimeException {
        private static final long serialVersionUID = 1L;
        static final Changed INSTANCE = new Changed();

        private Changed() {
            super("object changed", null, false, false);
        }
    }
}
