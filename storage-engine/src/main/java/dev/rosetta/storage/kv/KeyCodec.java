package dev.rosetta.storage.kv;

/**
 * Turns a typed key into the bytes RocksDB orders, and back. RocksDB compares keys as unsigned
 * bytes, so the encoding decides the iteration order: an implementation must document the order it
 * produces.
 */
public interface KeyCodec<K> {
    byte[] encode(K key);

    K decode(byte[] bytes);
}
