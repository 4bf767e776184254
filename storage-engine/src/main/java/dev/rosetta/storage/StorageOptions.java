package dev.rosetta.storage;

/**
 * Tunables of a {@link StorageEngine}.
 *
 * @param inlineThreshold objects up to this many bytes are kept inside their record by
 *                        {@link BodyWriter} (0 disables inlining); at most {@link #MAX_INLINE_THRESHOLD}
 */
public record StorageOptions(int inlineThreshold) {
    public static final int DEFAULT_INLINE_THRESHOLD = 64 * 1024;
    /** Records are read whole on every GET/HEAD/list; keep them small. */
    public static final int MAX_INLINE_THRESHOLD = 1024 * 1024;

    public StorageOptions {
        if (inlineThreshold < 0 || inlineThreshold > MAX_INLINE_THRESHOLD) {
            throw new IllegalArgumentException("inlineThreshold must be 0.." + MAX_INLINE_THRESHOLD + ": "
                    + inlineThreshold);
        }
    }

    public static StorageOptions defaults() {
        return new StorageOptions(DEFAULT_INLINE_THRESHOLD);
    }
}
