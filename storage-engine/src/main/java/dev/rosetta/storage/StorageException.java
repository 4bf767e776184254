package dev.rosetta.storage;

/**
 * A failure of the storage layer itself (RocksDB I/O error, corrupt or unreadable record, store
 * closed): a bug or an operational problem, never a client error. The server answers it with
 * {@code InternalError} (500). Client-visible conditions (NoSuchBucket, ...) are
 * {@link dev.rosetta.protocol.error.S3Exception}s instead.
 */
public final class StorageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StorageException(String message) {
        super(message);
    }

    public StorageException(String message, Throwable cause) {
        super(message, cause);
    }
}
