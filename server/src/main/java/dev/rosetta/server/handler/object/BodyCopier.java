package dev.rosetta.server.handler.object;

import dev.rosetta.protocol.checksum.Checksum;
import dev.rosetta.protocol.checksum.ChecksumAlgorithm;
import dev.rosetta.storage.BodyRanges;
import dev.rosetta.storage.BodySlice;
import dev.rosetta.storage.ObjectBody;
import dev.rosetta.storage.blob.BlobStore;
import dev.rosetta.storage.blob.BlobWriter;
import dev.rosetta.storage.crypto.DataKey;
import dev.rosetta.storage.crypto.Envelope;
import dev.rosetta.storage.crypto.EnvelopeOpener;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import javax.crypto.Cipher;
import javax.crypto.ShortBufferException;

/**
 * Reads a byte range of an object's body in 1 MiB chunks, never the whole object in memory: copies it
 * into a new blob (UploadPartCopy) and/or digests it (MD5 and one flexible checksum). Every blob file
 * the range spans is opened before the first byte is read, so an object replaced meanwhile fails at
 * once with {@link java.nio.file.NoSuchFileException} (read the record again) rather than halfway.
 * Encrypted pieces are decrypted as they are read (their data keys opened first), so digests and copies
 * always see the plaintext; a writer made with a data key encrypts again on its own.
 */
public final class BodyCopier {
    static final int CHUNK = 1 << 20;

    private final BlobStore blobs;

    public BodyCopier(BlobStore blobs) {
        this.blobs = blobs;
    }

    /**
     * What was read.
     *
     * @param md5      the MD5 of the range, or null when not asked for
     * @param checksum the base64 flexible checksum, or null when not asked for
     */
    public record Digests(long size, byte[] md5, String checksum) {
    }

    /**
     * Reads bytes {@code [first, last]} of {@code body}, writing them to {@code out} when it is not null.
     *
     * @param algorithm the flexible checksum to compute, or null
     * @throws IOException when a blob cannot be opened or read; {@code out} is left for the caller to abort
     */
    public Digests read(ObjectBody body, long first, long last, boolean md5, ChecksumAlgorithm algorithm,
                        BlobWriter out) throws IOException {
        return read(body, first, last, md5, algorithm, out, EnvelopeOpener.NONE);
    }

    /**
     * {@link #read(ObjectBody, long, long, boolean, ChecksumAlgorithm, BlobWriter)} of a body that may be
     * encrypted: {@code keys} opens its envelopes (all of them before the first byte is read).
     */
    public Digests read(ObjectBody body, long first, long last, boolean md5, ChecksumAlgorithm algorithm,
                        BlobWriter out, EnvelopeOpener keys) throws IOException {
        MessageDigest md = md5 ? newMd5() : null;
        Checksum checksum = algorithm == null ? null : algorithm.newChecksum();
        List<BodySlice> slices = BodyRanges.slices(body, first, last);
        List<FileChannel> channels = new ArrayList<>(slices.size());
        List<DataKey> dataKeys = new ArrayList<>(slices.size());
        for (BodySlice s : slices) {
            Envelope envelope = s instanceof BodySlice.BlobRange r ? r.blob().envelope()
                    : ((BodySlice.Bytes) s).envelope();
            dataKeys.add(envelope == null ? null : keys.open(envelope));
        }
        long size = 0;
        try {
            for (BodySlice s : slices) {
                channels.add(s instanceof BodySlice.BlobRange r ? blobs.open(r.blob()) : null);
            }
            ByteBuffer buffer = null;
            for (int i = 0; i < slices.size(); i++) {
                BodySlice s = slices.get(i);
                DataKey key = dataKeys.get(i);
                if (s instanceof BodySlice.Bytes b) {
                    ByteBuffer data = key == null
                            ? ByteBuffer.wrap(b.bytes(), b.offset(), b.length()).asReadOnlyBuffer()
                            : ByteBuffer.wrap(key.crypt(b.bytes(), b.offset(), b.length(), b.offset()));
                    size += consume(data, md, checksum, out);
                    continue;
                }
                BodySlice.BlobRange r = (BodySlice.BlobRange) s;
                if (buffer == null) {
                    buffer = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(1, last - first + 1)));
                }
                FileChannel channel = channels.get(i);
                Cipher cipher = key == null ? null : key.cipherAt(r.offset());
                long position = r.offset();
                long end = r.offset() + r.length();
                while (position < end) {
                    buffer.clear();
                    buffer.limit((int) Math.min(buffer.capacity(), end - position));
                    int n = channel.read(buffer, position);
                    if (n < 0) {
                        throw new EOFException("blob " + r.blob().id() + " ends before " + end);
                    }
                    position += n;
                    buffer.flip();
                    if (cipher != null) {
                        decryptInPlace(cipher, buffer);
                    }
                    size += consume(buffer, md, checksum, out);
                }
            }
        } finally {
            for (FileChannel c : channels) {
                if (c != null) {
                    try {
                        c.close();
                    } catch (IOException ignored) {
                        // read-only: nothing to lose
                    }
                }
            }
        }
        return new Digests(size, md == null ? null : md.digest(),
                checksum == null ? null : Base64.getEncoder().encodeToString(checksum.digest()));
    }

    private static void decryptInPlace(Cipher cipher, ByteBuffer buffer) throws IOException {
        byte[] a = buffer.array();
        int at = buffer.arrayOffset() + buffer.position();
        int n = buffer.remaining();
        try {
            if (cipher.update(a, at, n, a, at) != n) {
                throw new IOException("stream cipher returned a different length");
            }
        } catch (ShortBufferException e) {
            throw new IOException(e);
        }
    }

    private static int consume(ByteBuffer data, MessageDigest md, Checksum checksum, BlobWriter out) {
        int n = data.remaining();
        if (md != null) {
            md.update(data.duplicate());
        }
        if (checksum != null) {
            checksum.update(data.duplicate());
        }
        if (out != null) {
            out.write(data);
        }
        return n;
    }

    private static MessageDigest newMd5() {
        try {
            return MessageDigest.getInstance("MD5");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
