package dev.rosetta.storage.kv;

import org.rocksdb.RocksDB;

/**
 * RocksDB's native library. Loading it (extracting it from the jar, then {@code dlopen}) is a tenth of a
 * second of start-up, so a server may call {@link #load()} early on another thread; {@link Database}
 * loads it in any case. This class touches nothing else, logging included, so it is safe to load first.
 */
public final class NativeLibrary {
    private NativeLibrary() {
    }

    /** Loads the library once per process; later calls return at once. Thread-safe. */
    public static void load() {
        RocksDB.loadLibrary();
    }
}
