package dev.rosetta.storage;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Unfinished multipart uploads and the bytes their parts hold, kept exact by the store: counted once
 * when the engine opens, then moved by every initiate, part, complete and abort after its commit.
 */
public final class MultipartStats {
    private final AtomicLong openUploads = new AtomicLong();
    private final AtomicLong bytesHeld = new AtomicLong();

    /** Uploads initiated and neither completed nor aborted. */
    public long openUploads() {
        return openUploads.get();
    }

    /** Bytes of the parts of those uploads. */
    public long bytesHeld() {
        return bytesHeld.get();
    }

    void uploadOpened() {
        openUploads.incrementAndGet();
    }

    void uploadClosed(long partBytes) {
        openUploads.decrementAndGet();
        bytesHeld.addAndGet(-partBytes);
    }

    void partStored(long size, long replacedSize) {
        bytesHeld.addAndGet(size - replacedSize);
    }

    void reset(long uploads, long bytes) {
        openUploads.set(uploads);
        bytesHeld.set(bytes);
    }
}
