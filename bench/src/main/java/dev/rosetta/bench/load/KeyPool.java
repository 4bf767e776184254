package dev.rosetta.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The objects a mixed workload reads, overwrites and deletes. A key being read is never handed out for
 * deletion, so a GET or HEAD never races its own object's DELETE.
 */
final class KeyPool {
    static final class Entry {
        final String key;
        int readers;

        Entry(String key) {
            this.key = key;
        }
    }

    private final ArrayList<Entry> entries;
    private final int minimum;

    /** @param minimum deletes stop when the pool is this small */
    KeyPool(List<String> keys, int minimum) {
        this.entries = new ArrayList<>(keys.size() * 2);
        keys.forEach(k -> entries.add(new Entry(k)));
        this.minimum = minimum;
    }

    /** A random key for reading; give it back with {@link #release}. Null when the pool is empty. */
    synchronized Entry borrow() {
        if (entries.isEmpty()) {
            return null;
        }
        Entry e = entries.get(ThreadLocalRandom.current().nextInt(entries.size()));
        e.readers++;
        return e;
    }

    synchronized void release(Entry e) {
        e.readers--;
    }

    /** Removes and returns a random key nobody reads, or null (pool at its minimum, or every try busy). */
    synchronized String takeForDelete() {
        if (entries.size() <= minimum) {
            return null;
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 8; attempt++) {
            int i = random.nextInt(entries.size());
            Entry e = entries.get(i);
            if (e.readers == 0) {
                Entry last = entries.remove(entries.size() - 1);
                if (i < entries.size()) {
                    entries.set(i, last);
                }
                return e.key;
            }
        }
        return null;
    }

    synchronized void add(String key) {
        entries.add(new Entry(key));
    }

    synchronized int size() {
        return entries.size();
    }
}
