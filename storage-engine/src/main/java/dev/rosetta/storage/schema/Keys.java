package dev.rosetta.storage.schema;

import dev.rosetta.storage.StorageException;
import dev.rosetta.storage.kv.KeyCodec;
import dev.rosetta.storage.kv.KeyRange;
import java.nio.charset.StandardCharsets;

/**
 * Key layouts of every column family. RocksDB compares keys as unsigned bytes, so these encodings
 * define listing order.
 *
 * <pre>
 * buckets  name                                  (UTF-8; bucket names never contain NUL)
 * objects  bucket 0x00 escaped(key)
 * uploads  bucket 0x00 escaped(key) uploadId
 * parts    uploadId 0x00 partNumber              (4-byte big-endian)
 * escaped(key) = UTF-8 of key, each 0x00 byte written as 0x00 0xFF, then a 0x00 terminator
 * </pre>
 *
 * <p>The escape is the FoundationDB tuple-layer one. Because UTF-8 never contains 0xFF and a literal
 * NUL becomes {@code 00 FF} while the terminator is {@code 00} followed by an upload id (ASCII) or
 * nothing, comparing escaped keys as bytes gives exactly UTF-8 byte order of the keys (= code point
 * order, <em>not</em> Java's UTF-16 {@code String.compareTo}), for any key including U+0000; keys
 * that start with a prefix form one contiguous range starting at {@code escaped(prefix)} without its
 * terminator; and all uploads of one key are contiguous, ordered by upload id.
 */
public final class Keys {
    private Keys() {
    }

    private static final byte ESC = (byte) 0xFF;

    // --- codecs -----------------------------------------------------------------------------------

    public static final KeyCodec<String> BUCKET = new KeyCodec<>() {
        @Override
        public byte[] encode(String bucket) {
            return bucketBytes(bucket);
        }

        @Override
        public String decode(byte[] bytes) {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    };

    public static final KeyCodec<ObjectKey> OBJECT = new KeyCodec<>() {
        @Override
        public byte[] encode(ObjectKey k) {
            return objectPrefix(bucketBytes(k.bucket()), k.key().getBytes(StandardCharsets.UTF_8), true, 0);
        }

        @Override
        public ObjectKey decode(byte[] bytes) {
            int sep = bucketEnd(bytes);
            int[] end = new int[1];
            String key = unescape(bytes, sep + 1, end);
            if (end[0] != bytes.length) {
                throw new StorageException("corrupt object key: trailing bytes");
            }
            return new ObjectKey(new String(bytes, 0, sep, StandardCharsets.UTF_8), key);
        }
    };

    public static final KeyCodec<UploadKey> UPLOAD = new KeyCodec<>() {
        @Override
        public byte[] encode(UploadKey k) {
            byte[] id = k.uploadId().getBytes(StandardCharsets.UTF_8);
            byte[] out = objectPrefix(bucketBytes(k.bucket()), k.key().getBytes(StandardCharsets.UTF_8), true,
                    id.length);
            System.arraycopy(id, 0, out, out.length - id.length, id.length);
            return out;
        }

        @Override
        public UploadKey decode(byte[] bytes) {
            int sep = bucketEnd(bytes);
            int[] end = new int[1];
            String key = unescape(bytes, sep + 1, end);
            return new UploadKey(new String(bytes, 0, sep, StandardCharsets.UTF_8), key,
                    new String(bytes, end[0], bytes.length - end[0], StandardCharsets.UTF_8));
        }
    };

    public static final KeyCodec<PartKey> PART = new KeyCodec<>() {
        @Override
        public byte[] encode(PartKey k) {
            byte[] id = uploadIdBytes(k.uploadId());
            byte[] out = new byte[id.length + 5];
            System.arraycopy(id, 0, out, 0, id.length);
            int n = k.partNumber();
            int p = id.length + 1;
            out[p] = (byte) (n >>> 24);
            out[p + 1] = (byte) (n >>> 16);
            out[p + 2] = (byte) (n >>> 8);
            out[p + 3] = (byte) n;
            return out;
        }

        @Override
        public PartKey decode(byte[] bytes) {
            int p = bytes.length - 4;
            if (p < 1 || bytes[p - 1] != 0) {
                throw new StorageException("corrupt part key");
            }
            int n = ((bytes[p] & 0xFF) << 24) | ((bytes[p + 1] & 0xFF) << 16) | ((bytes[p + 2] & 0xFF) << 8)
                    | (bytes[p + 3] & 0xFF);
            return new PartKey(new String(bytes, 0, p - 1, StandardCharsets.UTF_8), n);
        }
    };

    // --- ranges and seek bounds -------------------------------------------------------------------

    /**
     * Everything stored under a bucket in the {@code objects} or {@code uploads} family
     * ({@code bucket 0x00 ...}).
     */
    public static KeyRange bucketContents(String bucket) {
        byte[] b = bucketBytes(bucket);
        byte[] prefix = new byte[b.length + 1];
        System.arraycopy(b, 0, prefix, 0, b.length);
        return KeyRange.prefix(prefix);
    }

    /**
     * Entries of {@code objects} or {@code uploads} in {@code bucket} whose key starts with
     * {@code keyPrefix} (an empty prefix gives the whole bucket).
     */
    public static KeyRange keysWithPrefix(String bucket, String keyPrefix) {
        return KeyRange.prefix(objectPrefix(bucketBytes(bucket), keyPrefix.getBytes(StandardCharsets.UTF_8), false, 0));
    }

    /**
     * A seek target just past every entry of {@code key} itself (its object record, all its uploads)
     * and before every greater key: {@code bucket 0x00 escaped(key) 0xFF}.
     */
    public static byte[] afterKey(String bucket, String key) {
        byte[] out = objectPrefix(bucketBytes(bucket), key.getBytes(StandardCharsets.UTF_8), true, 1);
        out[out.length - 1] = ESC;
        return out;
    }

    /** A seek target just past every key that starts with {@code keyPrefix}. */
    public static byte[] afterKeysWithPrefix(String bucket, String keyPrefix) {
        byte[] end = keysWithPrefix(bucket, keyPrefix).end();
        if (end == null) {
            throw new IllegalStateException("unbounded prefix range");
        }
        return end;
    }

    /** Every part of an upload, in part-number order. */
    public static KeyRange partsOf(String uploadId) {
        byte[] id = uploadIdBytes(uploadId);
        byte[] prefix = new byte[id.length + 1];
        System.arraycopy(id, 0, prefix, 0, id.length);
        return KeyRange.prefix(prefix);
    }

    /**
     * Compares strings in UTF-8 byte order (= Unicode code point order), the order keys are listed in.
     * Differs from {@link String#compareTo} when a supplementary character (surrogate pair) meets a
     * BMP character at or above U+E000.
     */
    public static int compareUtf8(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char x = a.charAt(i);
            char y = b.charAt(i);
            if (x != y) {
                return Integer.compare(codePointOrder(x), codePointOrder(y));
            }
        }
        return Integer.compare(a.length(), b.length());
    }

    /** Maps UTF-16 code units so that their order is code point order (surrogates above U+FFFF). */
    private static int codePointOrder(char c) {
        if (c >= 0xE000) {
            return c - 0x800;
        }
        if (c >= 0xD800) {
            return c + 0x2000;
        }
        return c;
    }

    // --- encoding helpers -------------------------------------------------------------------------

    private static byte[] bucketBytes(String bucket) {
        byte[] b = bucket.getBytes(StandardCharsets.UTF_8);
        for (byte x : b) {
            if (x == 0) {
                throw new IllegalArgumentException("bucket name contains NUL");
            }
        }
        return b;
    }

    private static byte[] uploadIdBytes(String uploadId) {
        byte[] b = uploadId.getBytes(StandardCharsets.UTF_8);
        for (byte x : b) {
            if (x == 0) {
                throw new IllegalArgumentException("upload id contains NUL");
            }
        }
        return b;
    }

    /**
     * {@code bucket 0x00 escaped(key)} with or without the terminator, plus {@code extra} zeroed bytes
     * at the end for the caller to fill.
     */
    private static byte[] objectPrefix(byte[] bucket, byte[] key, boolean terminate, int extra) {
        int nuls = 0;
        for (byte x : key) {
            if (x == 0) {
                nuls++;
            }
        }
        byte[] out = new byte[bucket.length + 1 + key.length + nuls + (terminate ? 1 : 0) + extra];
        System.arraycopy(bucket, 0, out, 0, bucket.length);
        int p = bucket.length + 1; // out[bucket.length] is already 0x00
        if (nuls == 0) {
            System.arraycopy(key, 0, out, p, key.length);
        } else {
            for (byte x : key) {
                out[p++] = x;
                if (x == 0) {
                    out[p++] = ESC;
                }
            }
        }
        return out; // terminator and extra bytes are already 0x00
    }

    private static int bucketEnd(byte[] bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == 0) {
                return i;
            }
        }
        throw new StorageException("corrupt key: no bucket separator");
    }

    /** Decodes an escaped key starting at {@code from}; {@code end[0]} receives the index after the terminator. */
    private static String unescape(byte[] bytes, int from, int[] end) {
        int i = from;
        boolean escaped = false;
        while (true) {
            if (i >= bytes.length) {
                throw new StorageException("corrupt key: unterminated object key");
            }
            if (bytes[i] == 0) {
                if (i + 1 < bytes.length && bytes[i + 1] == ESC) {
                    escaped = true;
                    i += 2;
                    continue;
                }
                break;
            }
            i++;
        }
        end[0] = i + 1;
        if (!escaped) {
            return new String(bytes, from, i - from, StandardCharsets.UTF_8);
        }
        byte[] plain = new byte[i - from];
        int n = 0;
        for (int j = from; j < i; j++) {
            plain[n++] = bytes[j];
            if (bytes[j] == 0) {
                j++; // skip the 0xFF escape
            }
        }
        return new String(plain, 0, n, StandardCharsets.UTF_8);
    }
}
