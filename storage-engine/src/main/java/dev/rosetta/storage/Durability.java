package dev.rosetta.storage;

/**
 * How hard a metadata commit tries to survive a power loss.
 *
 * <p>Both modes keep RocksDB's write-ahead log, so a process crash never loses a committed change;
 * they differ only in whether the log is fsynced before the write returns.
 */
public enum Durability {
    /**
     * Every state change is one {@code WriteBatch} written with {@code WriteOptions.sync=true}: the
     * call returns only after the WAL is fsynced. Concurrent writers are group-committed by RocksDB
     * into one WAL write and one fsync, so throughput scales with concurrency.
     */
    FSYNC,
    /**
     * The WAL is written but not fsynced ({@code sync=false}): survives a process crash, may lose the
     * last writes on an OS crash or power loss. For CI and ephemeral servers.
     */
    NONE
}
