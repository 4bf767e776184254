package dev.rosetta.server.handler.object;

import dev.rosetta.server.body.ResponseBody;
import dev.rosetta.storage.BodyRanges;
import dev.rosetta.storage.BodySlice;
import dev.rosetta.storage.ObjectBody;
import dev.rosetta.storage.blob.BlobStore;
import dev.rosetta.storage.crypto.DataKey;
import dev.rosetta.storage.crypto.EnvelopeOpener;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a byte range of an object's body into response segments: the blob files it spans, opened
 * now (so a concurrent overwrite cannot pull a file away mid-response), and inline bytes. Encrypted blobs
 * become segments decrypted while they are sent (AES-CTR positioned at the range's first byte); encrypted
 * inline bytes are decrypted here.
 */
public final class ObjectBodyReader {
    private final BlobStore blobs;

    public ObjectBodyReader(BlobStore blobs) {
        this.blobs = blobs;
    }

    /**
     * @throws IOException when a blob cannot be opened (e.g. {@link java.nio.file.NoSuchFileException}
     *                     when the object was overwritten since its record was read); nothing stays open
     */
    public ResponseBody open(ObjectBody body, long first, long last) throws IOException {
        return open(body, first, last, EnvelopeOpener.NONE);
    }

    /**
     * {@link #open(ObjectBody, long, long)} of a body that may be encrypted; {@code keys} opens its envelopes.
     */
    public ResponseBody open(ObjectBody body, long first, long last, EnvelopeOpener keys) throws IOException {
        List<ResponseBody.Segment> segments = new ArrayList<>();
        if (last < first) {
            return ResponseBody.of(segments);
        }
        try {
            for (BodySlice slice : BodyRanges.slices(body, first, last)) {
                if (slice instanceof BodySlice.Bytes b) {
                    if (b.envelope() == null) {
                        segments.add(new ResponseBody.BytesSegment(b.bytes(), b.offset(), b.length()));
                    } else {
                        byte[] plain = keys.open(b.envelope()).crypt(b.bytes(), b.offset(), b.length(), b.offset());
                        segments.add(new ResponseBody.BytesSegment(plain, 0, plain.length));
                    }
                } else if (slice instanceof BodySlice.BlobRange r) {
                    DataKey key = r.blob().encrypted() ? keys.open(r.blob().envelope()) : null;
                    FileChannel channel = blobs.open(r.blob());
                    segments.add(key == null ? new ResponseBody.FileSegment(channel, r.offset(), r.length())
                            : new ResponseBody.CipherFileSegment(channel, r.offset(), r.length(),
                                    key.cipherAt(r.offset())));
                }
            }
        } catch (IOException | RuntimeException e) {
            ResponseBody.of(segments).close();
            throw e;
        }
        return ResponseBody.of(segments);
    }
}
