package dev.rosetta.server.handler.object;

import dev.rosetta.protocol.error.S3ErrorCode;
import dev.rosetta.protocol.error.S3Exception;
import dev.rosetta.protocol.http.ByteRange;
import dev.rosetta.protocol.http.Preconditions;
import dev.rosetta.protocol.http.RequestHead;
import dev.rosetta.protocol.model.Grant.Permission;
import dev.rosetta.protocol.xml.S3Time;
import dev.rosetta.server.crypto.SseService;
import dev.rosetta.server.handler.BucketAccess;
import dev.rosetta.server.handler.DocumentHandler;
import dev.rosetta.server.handler.RequestContext;
import dev.rosetta.server.http.S3Response;
import dev.rosetta.storage.BodyRanges;
import dev.rosetta.storage.BucketRecord;
import dev.rosetta.storage.ObjectRecord;
import dev.rosetta.storage.ObjectStore;
import dev.rosetta.storage.PartRange;
import dev.rosetta.storage.crypto.EnvelopeOpener;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.Optional;

/**
 * {@code GET} and {@code HEAD /bucket/key}: conditionals (304 / 412), {@code Range} with S3's lenient
 * rules, {@code partNumber=N}, {@code response-*} overrides, and the body sent as zero-copy file
 * regions of the object's blobs (inline objects from memory).
 */
public final class GetObjectHandler implements DocumentHandler {
    private static final String[][] OVERRIDES = {
            {"response-content-type", "Content-Type"},
            {"response-content-language", "Content-Language"},
            {"response-expires", "Expires"},
            {"response-cache-control", "Cache-Control"},
            {"response-content-disposition", "Content-Disposition"},
            {"response-content-encoding", "Content-Encoding"},
    };

    private final BucketAccess access;
    private final ObjectStore objects;
    private final ObjectBodyReader bodies;
    private final SseService sse;
    private final boolean head;

    public GetObjectHandler(BucketAccess access, ObjectStore objects, ObjectBodyReader bodies, SseService sse,
                            boolean head) {
        this.access = access;
        this.objects = objects;
        this.bodies = bodies;
        this.sse = sse;
        this.head = head;
    }

    @Override
    public boolean allowsAnonymous() {
        return true;
    }

    @Override
    public boolean triesOnEventLoop() {
        return true; // blob files are opened through the blob store, which refuses on the event loop
    }

    @Override
    public S3Response handle(RequestContext ctx, byte[] body) {
        BucketRecord bucket = access.bucket(ctx);
        try {
            return serve(ctx, bucket);
        } catch (NoSuchFileException overwrittenMeanwhile) {
            try {
                return serve(ctx, bucket); // the record changed between reading it and opening its blobs
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private S3Response serve(RequestContext ctx, BucketRecord bucket) throws IOException {
        RequestHead h = ctx.head();
        ObjectRecord o = access.requireObject(ctx, bucket, objects.find(ctx.bucket(), ctx.key()).orElse(null),
                ctx.key(), Permission.READ);
        EnvelopeOpener keys = sse.forRead(ctx, o, false); // SSE-C: the object's key, before anything is told
        Preconditions.Outcome outcome = Preconditions.evaluateRead(h.header("if-match"), h.header("if-none-match"),
                h.header("if-modified-since"), h.header("if-unmodified-since"), o.etag(), o.lastModified());
        if (outcome == Preconditions.Outcome.NOT_MODIFIED) {
            return S3Response.status(304)
                    .header("ETag", ObjectResponseHeaders.quoted(o.etag()))
                    .header("Last-Modified", S3Time.rfc1123(o.lastModified()));
        }
        long first = 0;
        long last = o.size() - 1;
        boolean partial = false;
        Integer partCount = null;
        String partNumber = ctx.param("partNumber");
        if (partNumber != null) {
            if (h.header("range") != null) {
                throw new S3Exception(S3ErrorCode.INVALID_REQUEST,
                        "Cannot specify both Range header and partNumber query parameter");
            }
            PartRange part = partRange(o, partNumber);
            first = part.start();
            last = part.endInclusive();
            partial = o.isMultipart();
            partCount = part.partCount();
        } else {
            ByteRange range = ByteRange.parse(h.header("range"), o.size());
            if (range != null) {
                first = range.first();
                last = range.last();
                partial = true;
            }
        }
        S3Response r = S3Response.status(partial ? 206 : 200);
        boolean checksumMode = "ENABLED".equalsIgnoreCase(h.header("x-amz-checksum-mode"));
        boolean whole = PartChecksums.coversWholeObject(o, first, last);
        ObjectResponseHeaders.add(r, o, ctx.dialect(), checksumMode && whole);
        if (checksumMode && !whole && partCount != null) {
            PartChecksums.addPart(r, o, Integer.parseInt(partNumber.strip()));
        }
        if (partial) {
            r.header("Content-Range", "bytes " + first + "-" + last + "/" + o.size());
        }
        if (partCount != null && o.isMultipart()) {
            r.header("x-amz-mp-parts-count", Integer.toString(partCount));
        }
        for (String[] override : OVERRIDES) {
            String value = ctx.param(override[0]);
            if (value != null) {
                r.setHeader(override[1], value);
            }
        }
        long length = Math.max(0, last - first + 1);
        r.header("Content-Length", Long.toString(length));
        if (!head) {
            r.streamBody(bodies.open(o.body(), first, last, keys));
        }
        return r;
    }

    private static PartRange partRange(ObjectRecord o, String partNumber) {
        int n;
        try {
            n = Integer.parseInt(partNumber);
        } catch (NumberFormatException e) {
            n = -1;
        }
        if (n < 1 || n > 10_000) {
            throw S3Exception.invalidArgument("Part number must be an integer between 1 and 10000, inclusive",
                    "partNumber", partNumber);
        }
        Optional<PartRange> part = BodyRanges.partRange(o, n);
        return part.orElseThrow(() -> new S3Exception(S3ErrorCode.INVALID_PART_NUMBER)
                .with("PartNumberRequested", partNumber)
                .with("ActualPartCount", Integer.toString(BodyRanges.partCount(o))));
    }
}
