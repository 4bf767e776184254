package dev.rosetta.storage;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** Waiting for a store's asynchronous result as if the call had been synchronous. */
public final class Futures {
    private Futures() {
    }

    /**
     * The value of {@code future}, waiting for it; a failure is rethrown as it was raised (an
     * {@link dev.rosetta.protocol.error.S3Exception} stays one), not wrapped in a {@link CompletionException}.
     */
    public static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            throw unwrap(e);
        }
    }

    /** The exception a failed stage was failed with, as a runtime exception or error to rethrow. */
    public static RuntimeException unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException r) {
            return r;
        }
        if (cause instanceof Error e) {
            throw e;
        }
        return new StorageException("asynchronous store operation failed: " + cause, cause);
    }
}
