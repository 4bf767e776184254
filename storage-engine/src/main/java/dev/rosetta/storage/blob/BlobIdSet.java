package dev.rosetta.storage.blob;

/**
 * A set of blob ids held as pairs of longs (16 bytes an id instead of ~150 for a {@code HashSet} of
 * strings), for the sweep's "every id some record references", which holds one entry per blob.
 * Open addressing, linear probing, grows at half load. Not thread-safe.
 */
public final class BlobIdSet {
    private long[] hi;
    private long[] lo;
    private boolean[] used;
    private int size;

    public BlobIdSet() {
        this(1024);
    }

    public BlobIdSet(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
        allocate(capacity);
    }

    public void add(String id) {
        if (!BlobRef.isWellFormed(id)) {
            throw new IllegalArgumentException("not a blob id: " + id);
        }
        insert(parse(id, 0), parse(id, 16));
    }

    public void add(BlobRef ref) {
        add(ref.id());
    }

    /** Whether {@code id} is in the set; false for anything that is not a well-formed id. */
    public boolean contains(String id) {
        if (!BlobRef.isWellFormed(id)) {
            return false;
        }
        long h = parse(id, 0);
        long l = parse(id, 16);
        int mask = used.length - 1;
        for (int i = slot(h, l, mask); used[i]; i = (i + 1) & mask) {
            if (hi[i] == h && lo[i] == l) {
                return true;
            }
        }
        return false;
    }

    public int size() {
        return size;
    }

    private void insert(long h, long l) {
        int mask = used.length - 1;
        int i = slot(h, l, mask);
        while (used[i]) {
            if (hi[i] == h && lo[i] == l) {
                return;
            }
            i = (i + 1) & mask;
        }
        used[i] = true;
        hi[i] = h;
        lo[i] = l;
        if (++size * 2 > used.length) {
            grow();
        }
    }

    private void grow() {
        long[] oh = hi;
        long[] ol = lo;
        boolean[] ou = used;
        allocate(ou.length * 2);
        size = 0;
        for (int i = 0; i < ou.length; i++) {
            if (ou[i]) {
                insert(oh[i], ol[i]);
            }
        }
    }

    private void allocate(int capacity) {
        hi = new long[capacity];
        lo = new long[capacity];
        used = new boolean[capacity];
    }

    private static int slot(long h, long l, int mask) {
        long x = h * 0x9E3779B97F4A7C15L ^ l;
        x ^= x >>> 29;
        x *= 0xBF58476D1CE4E5B9L;
        x ^= x >>> 32;
        return (int) x & mask;
    }

    private static long parse(String id, int from) {
        long v = 0;
        for (int i = from; i < from + 16; i++) {
            v = (v << 4) | Character.digit(id.charAt(i), 16);
        }
        return v;
    }

    @Override
    public String toString() {
        return "BlobIdSet[size=" + size + "]";
    }
}
