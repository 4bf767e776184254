package dev.rosetta.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The multipart uploads a run leaves open (every upload of the initiate op, and those of multipart ops that
 * failed after initiating), so that the clean-up aborts exactly them. Listing uploads is not enough: some
 * servers (s3proxy's filesystem backend) keep upload stubs outside the key's prefix, or list them slowly.
 */
final class UploadTracker {
    private final ConcurrentLinkedQueue<String[]> open = new ConcurrentLinkedQueue<>();
    private volatile boolean uncertain;

    void opened(String key, String uploadId) {
        open.add(new String[] {key, uploadId});
    }

    /** An initiate whose outcome is unknown (no answer): the clean-up also lists uploads. */
    void uncertain() {
        uncertain = true;
    }

    boolean isUncertain() {
        return uncertain;
    }

    List<String[]> uploads() {
        return new ArrayList<>(open);
    }
}
