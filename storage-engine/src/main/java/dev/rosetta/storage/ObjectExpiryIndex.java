package dev.rosetta.storage;

import dev.rosetta.storage.kv.Batch;
import dev.rosetta.storage.kv.Cursor;
import dev.rosetta.storage.kv.KeyRange;
import dev.rosetta.storage.kv.Table;
import dev.rosetta.storage.schema.ExpiryKey;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code expiry} column family: one entry per object that is to be deleted at a known time (OBS
 * {@code x-obs-expires}: its last modification plus N days), keyed by that time. Every write that puts,
 * replaces or deletes an object record stages the matching index change in the same {@link Batch}
 * ({@link #stage}), so the index and the objects never disagree, across crashes too. The expirer reads
 * only the entries due ({@link #due}): its cost is proportional to what expires, not to the store.
 * Thread-safe.
 */
public final class ObjectExpiryIndex {
    private static final byte[] EMPTY = new byte[0];

    private final Table<ExpiryKey, byte[]> table;

    ObjectExpiryIndex(Table<ExpiryKey, byte[]> table) {
        this.table = table;
    }

    /** When {@code record} is due to be deleted, or null when it never expires by itself. */
    public static Instant dueOf(ObjectRecord record) {
        Integer days = record.headers().expiresDays();
        return days == null ? null : record.lastModified().plus(Duration.ofDays(days));
    }

    /** The index entry of {@code record}, or null. */
    static ExpiryKey entryOf(ObjectRecord record) {
        Instant due = dueOf(record);
        return due == null ? null : new ExpiryKey(due, record.bucket(), record.key());
    }

    /** Adds to {@code batch} the index change that goes with replacing {@code before} by {@code after}; either may be null. */
    void stage(Batch batch, ObjectRecord before, ObjectRecord after) {
        ExpiryKey old = before == null ? null : entryOf(before);
        ExpiryKey now = after == null ? null : entryOf(after);
        if (Objects.equals(old, now)) {
            return;
        }
        if (old != null) {
            batch.delete(table, old);
        }
        if (now != null) {
            batch.put(table, now, EMPTY);
        }
    }

    /** Adds to {@code batch} the move of an entry to another due time (an object protected for now). */
    void reschedule(Batch batch, ExpiryKey entry, Instant newDue) {
        batch.delete(table, entry);
        batch.put(table, new ExpiryKey(newDue, entry.bucket(), entry.key()), EMPTY);
    }

    void remove(Batch batch, ExpiryKey entry) {
        batch.delete(table, entry);
    }

    boolean contains(ExpiryKey entry) {
        return table.contains(entry);
    }

    /** Up to {@code limit} entries due at or before {@code now}, earliest first. One range read. */
    public List<ExpiryKey> due(Instant now, int limit) {
        return due(now, null, limit);
    }

    /**
     * {@link #due(Instant, int)} starting after {@code after} (exclusive; null for the start): pages through the
     * due entries even when some of them stay (an expiry that failed).
     */
    public List<ExpiryKey> due(Instant now, ExpiryKey after, int limit) {
        List<ExpiryKey> out = new ArrayList<>();
        try (Cursor<ExpiryKey, byte[]> c = table.cursor(KeyRange.of(null, ExpiryKey.after(now)))) {
            if (after == null) {
                c.seekToFirst();
            } else {
                c.seek(after);
                if (c.valid() && c.key().equals(after)) {
                    c.next();
                }
            }
            for (; c.valid() && out.size() < limit; c.next()) {
                out.add(c.key());
            }
        }
        return out;
    }

    /** The earliest entry, or null when nothing is scheduled; for tests and metrics. */
    public ExpiryKey first() {
        try (Cursor<ExpiryKey, byte[]> c = table.cursor(KeyRange.all())) {
            c.seekToFirst();
            return c.valid() ? c.key() : null;
        }
    }
}
