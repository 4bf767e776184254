package dev.rosetta.server.handler.object;

import dev.rosetta.server.body.ResponseBody;
import dev.rosetta.storage.BodyRanges;
import dev.rosetta.storage.BodySlice;
import dev.rosetta.storage.ObjectBody;
import dev.rosetta.storage.blob.BlobStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a byte range of an object's body into response segments: the blob files it spans, opened
 * now (so a concurrent overwrite cannot pull a file away mid-response), and inline bytes.
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
        List<ResponseBody.Segment> segments = new ArrayList<>();
        if (last < first) {
            return ResponseBody.of(segments);
        }
        try {
            for (BodySlice slice : BodyRanges.slices(body, first, last)) {
                if (slice instanceof BodySlice.Bytes b) {
                    segments.add(new ResponseBody.BytesSegment(b.bytes(), b.offset(), b.length()));
                } else if (slice instanceof BodySlice.BlobRange r) {
                    FileChannel channel = blobs.open(r.blob());
                    segments.add(new ResponseBody.FileSegment(channel, r.offset(), r.length()));
                }
            }
        } catch (IOException | RuntimeException e) {
            ResponseBody.of(segments).close();
            throw e;
        }
        return ResponseBody.of(segments);
    }
}
