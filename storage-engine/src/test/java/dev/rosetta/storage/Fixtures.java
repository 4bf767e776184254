package dev.rosetta.storage;

import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.storage.blob.BlobRef;
import dev.rosetta.storage.blob.BlobStore;
import dev.rosetta.storage.blob.BlobWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;

/** Records, blobs and digests for the store tests. */
final class Fixtures {
    static final Owner ALICE = new Owner("alice-id", "alice");
    static final Instant NOW = Instant.parse("2025-06-07T08:09:10.111Z");

    private Fixtures() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String md5Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A committed (pending) blob holding {@code content}. */
    static BlobRef blob(BlobStore blobs, byte[] content) {
        try (BlobWriter w = blobs.create()) {
            w.write(ByteBuffer.wrap(content));
            return w.commit();
        }
    }

    static PartRecord part(BlobStore blobs, int number, byte[] content) {
        BlobRef ref = blob(blobs, content);
        return new PartRecord(number, ref.size(), md5Hex(content), NOW, Map.of(), ref);
    }

    static PartRecord part(BlobStore blobs, int number, String content) {
        return part(blobs, number, utf8(content));
    }

    static ObjectRecord record(String bucket, String key, byte[] content, ObjectBody body) {
        return new ObjectRecord(bucket, key, body.size(), md5Hex(content), NOW, ALICE, "AWS", ObjectHeaders.defaults(),
                Map.of(), null, body, null);
    }

    static ObjectRecord inline(String bucket, String key, String content) {
        byte[] bytes = utf8(content);
        return record(bucket, key, bytes, new ObjectBody.Inline(bytes));
    }

    static ObjectRecord blobObject(BlobStore blobs, String bucket, String key, byte[] content) {
        return record(bucket, key, content, new ObjectBody.Blob(blob(blobs, content)));
    }

    static byte[] read(BlobStore blobs, BlobRef ref) {
        return readRange(blobs, new BodySlice.BlobRange(ref, 0, ref.size()));
    }

    /** The bytes of a slice. */
    static byte[] readRange(BlobStore blobs, BodySlice slice) {
        if (slice instanceof BodySlice.Bytes b) {
            byte[] out = new byte[b.length()];
            System.arraycopy(b.bytes(), b.offset(), out, 0, b.length());
            return out;
        }
        BodySlice.BlobRange r = (BodySlice.BlobRange) slice;
        ByteBuffer buf = ByteBuffer.allocate((int) r.length());
        try (FileChannel c = blobs.open(r.blob())) {
            long pos = r.offset();
            while (buf.hasRemaining()) {
                int n = c.read(buf, pos);
                if (n < 0) {
                    throw new IOException("short blob");
                }
                pos += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return buf.array();
    }

    /** Bytes {@code [start, end]} of an object, through {@link BodyRanges#slices}. */
    static byte[] read(BlobStore blobs, ObjectRecord o, long start, long end) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (BodySlice s : BodyRanges.slices(o.body(), start, end)) {
            out.writeBytes(readRange(blobs, s));
        }
        return out.toByteArray();
    }

    static byte[] read(BlobStore blobs, ObjectRecord o) {
        return read(blobs, o, 0, o.size() - 1);
    }
}
