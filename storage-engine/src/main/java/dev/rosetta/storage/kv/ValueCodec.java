package dev.rosetta.storage.kv;

/** Turns a typed value into the stored bytes, and back. Must be thread-safe and allocation-light. */
public interface ValueCodec<V> {
    byte[] encode(V value);

    V decode(byte[] bytes);

    /** The identity codec, for column families whose value type is not modelled yet. */
    ValueCodec<byte[]> RAW = new ValueCodec<>() {
        @Override
        public byte[] encode(byte[] value) {
            return value;
        }

        @Override
        public byte[] decode(byte[] bytes) {
            return bytes;
        }
    };
}
