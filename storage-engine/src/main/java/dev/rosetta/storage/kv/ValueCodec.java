package dev.rosetta.storage.kv;

import java.util.Arrays;

/** Turns a typed value into the stored bytes, and back. Must be thread-safe and allocation-light. */
public interface ValueCodec<V> {
    byte[] encode(V value);

    V decode(byte[] bytes);

    /**
     * The value held by the first {@code length} bytes of a buffer its caller reuses (the thread's read buffer of
     * {@link Database}): the value must not keep the array. Codecs that copy what they keep decode in place;
     * this default decodes a copy.
     */
    default V decode(byte[] buffer, int length) {
        return decode(Arrays.copyOf(buffer, length));
    }

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
