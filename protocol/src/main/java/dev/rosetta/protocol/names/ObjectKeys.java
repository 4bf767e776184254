package dev.rosetta.protocol.names;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import java.nio.charset.StandardCharsets;

/** S3's rules for object keys: 1 to 1024 bytes of UTF-8. */
public final class ObjectKeys {
    public static final int MAX_KEY_BYTES = 1024;

    private ObjectKeys() {
    }

    /** @throws S3Exception KeyTooLongError beyond 1024 UTF-8 bytes */
    public static void validate(String key) {
        // fast path: a key of at most 341 chars cannot exceed 1024 UTF-8 bytes
        if (key.length() > MAX_KEY_BYTES / 3 && key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
            throw new S3Exception(S3ErrorCode.KEY_TOO_LONG)
                    .with("Size", Integer.toString(key.getBytes(StandardCharsets.UTF_8).length))
                    .with("MaxSizeAllowed", Integer.toString(MAX_KEY_BYTES));
        }
    }
}
