package dev.rosetta.storage;

import java.util.List;

/** What the server decides for a CompleteMultipartUpload; the store applies it. */
public interface CompletionPolicy {

    /** Smallest size of every part but the last (S3: 5 MiB; smaller in tests). */
    long minPartSize();

    /**
     * The object's checksums from its chosen parts, called after the parts are validated and before
     * the guard. May throw an {@link dev.rosetta.protocol.error.S3Exception} (e.g. a part checksum the
     * request names does not match) to refuse the completion.
     */
    ObjectChecksums checksums(List<PartRecord> chosen, MultipartUpload upload);

    /** Condition on the object currently at the key (If-None-Match, forbid-overwrite, ...). */
    WriteGuard guard();

    /** A policy with the given minimum part size, no checksums and no condition. */
    static CompletionPolicy of(long minPartSize) {
        return new CompletionPolicy() {
            @Override
            public long minPartSize() {
                return minPartSize;
            }

            @Override
            public ObjectChecksums checksums(List<PartRecord> chosen, MultipartUpload upload) {
                return ObjectChecksums.NONE;
            }

            @Override
            public WriteGuard guard() {
                return WriteGuard.NONE;
            }
        };
    }
}
