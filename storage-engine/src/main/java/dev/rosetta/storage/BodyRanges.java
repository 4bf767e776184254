package dev.rosetta.storage;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Maps byte ranges and part numbers onto an {@link ObjectBody}. */
public final class BodyRanges {
    private BodyRanges() {
    }

    /**
     * The pieces of {@code body} covering bytes {@code [start, endInclusive]}, in order; empty pieces
     * are left out, so an empty range ({@code endInclusive == start - 1}) gives an empty list. Ranges
     * may span any number of manifest parts.
     *
     * @throws IllegalArgumentException unless {@code 0 <= start <= endInclusive + 1 <= size}
     */
    public static List<BodySlice> slices(ObjectBody body, long start, long endInclusive) {
        long size = body.size();
        if (start < 0 || endInclusive < start - 1 || endInclusive >= size) {
            throw new IllegalArgumentException("range [" + start + ", " + endInclusive + "] outside an object of "
                    + size + " bytes");
        }
        long length = endInclusive - start + 1;
        if (length == 0) {
            return List.of();
        }
        if (body instanceof ObjectBody.Inline inline) {
            return List.of(new BodySlice.Bytes(inline.bytes(), (int) start, (int) length, inline.envelope()));
        }
        if (body instanceof ObjectBody.Blob blob) {
            return List.of(new BodySlice.BlobRange(blob.ref(), start, length));
        }
        List<BodySlice> out = new ArrayList<>();
        long partStart = 0;
        for (ManifestPart p : ((ObjectBody.Manifest) body).parts()) {
            long partEnd = partStart + p.size(); // exclusive
            if (partEnd > start && p.size() > 0) {
                long from = Math.max(start, partStart);
                long to = Math.min(endInclusive + 1, partEnd);
                out.add(new BodySlice.BlobRange(p.blob(), from - partStart, to - from));
                if (partEnd > endInclusive) {
                    break;
                }
            }
            partStart = partEnd;
        }
        return out;
    }

    /** Number of parts: a manifest's part count, else 1. */
    public static int partCount(ObjectRecord record) {
        return record.body() instanceof ObjectBody.Manifest m ? m.parts().size() : 1;
    }

    /**
     * The byte range of part {@code partNumber}, counted by position (1 = first part of the manifest,
     * whatever number it was uploaded with, so that 1..partCount always works); part 1 of an object
     * that is not multipart is the whole object. Empty when {@code partNumber} exceeds the part count
     * (S3 answers 416 InvalidPartNumber).
     *
     * @throws IllegalArgumentException if {@code partNumber < 1}
     */
    public static Optional<PartRange> partRange(ObjectRecord record, int partNumber) {
        if (partNumber < 1) {
            throw new IllegalArgumentException("part number must be >= 1: " + partNumber);
        }
        int count = partCount(record);
        if (partNumber > count) {
            return Optional.empty();
        }
        if (!(record.body() instanceof ObjectBody.Manifest m)) {
            return Optional.of(new PartRange(1, 1, 0, record.size()));
        }
        long start = 0;
        List<ManifestPart> parts = m.parts();
        for (int i = 0; i < partNumber - 1; i++) {
            start += parts.get(i).size();
        }
        return Optional.of(new PartRange(partNumber, count, start, parts.get(partNumber - 1).size()));
    }
}
