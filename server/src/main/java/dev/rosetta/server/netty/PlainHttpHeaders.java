package dev.rosetta.server.netty;

import io.netty.handler.codec.DateFormatter;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.AsciiString;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The read-only headers of a request read by {@link PlainRequestHead}: its lines in arrival order, names as sent.
 * A lookup walks the few lines comparing lengths first, with no hashing: a request has about ten lines and is
 * asked for its headers a few dozen times, where Netty's read-only headers hash the name on every lookup and
 * its hashed headers pay for the table when they are built.
 */
final class PlainHttpHeaders extends HttpHeaders {
    private final AsciiString[] names;
    private final String[] values;
    private final int size;

    /** @param names the lines' names, as many as {@code values}, which it keeps (not copied) */
    PlainHttpHeaders(AsciiString[] names, String[] values) {
        this.names = names;
        this.values = values;
        this.size = names.length;
    }

    private int indexOf(CharSequence name, int from) {
        int length = name.length();
        for (int i = from; i < size; i++) {
            AsciiString n = names[i];
            if (n.length() == length && n.contentEqualsIgnoreCase(name)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String get(CharSequence name) {
        int i = indexOf(name, 0);
        return i < 0 ? null : values[i];
    }

    @Override
    public String get(String name) {
        return get((CharSequence) name);
    }

    @Override
    public List<String> getAll(CharSequence name) {
        int i = indexOf(name, 0);
        if (i < 0) {
            return Collections.emptyList();
        }
        int next = indexOf(name, i + 1);
        if (next < 0) {
            return Collections.singletonList(values[i]);
        }
        List<String> all = new ArrayList<>(4);
        all.add(values[i]);
        for (int j = next; j >= 0; j = indexOf(name, j + 1)) {
            all.add(values[j]);
        }
        return all;
    }

    @Override
    public List<String> getAll(String name) {
        return getAll((CharSequence) name);
    }

    @Override
    public boolean contains(CharSequence name) {
        return indexOf(name, 0) >= 0;
    }

    @Override
    public boolean contains(String name) {
        return contains((CharSequence) name);
    }

    @Override
    public Integer getInt(CharSequence name) {
        String v = get(name);
        try {
            return v == null ? null : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public int getInt(CharSequence name, int defaultValue) {
        Integer v = getInt(name);
        return v == null ? defaultValue : v;
    }

    @Override
    public Short getShort(CharSequence name) {
        String v = get(name);
        try {
            return v == null ? null : Short.parseShort(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    @Override
    public short getShort(CharSequence name, short defaultValue) {
        Short v = getShort(name);
        return v == null ? defaultValue : v;
    }

    @Override
    public Long getTimeMillis(CharSequence name) {
        String v = get(name);
        Date date = v == null ? null : DateFormatter.parseHttpDate(v);
        return date == null ? null : date.getTime();
    }

    @Override
    public long getTimeMillis(CharSequence name, long defaultValue) {
        Long v = getTimeMillis(name);
        return v == null ? defaultValue : v;
    }

    @Override
    public List<Map.Entry<String, String>> entries() {
        List<Map.Entry<String, String>> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            entries.add(new AbstractMap.SimpleImmutableEntry<>(names[i].toString(), values[i]));
        }
        return entries;
    }

    @Override
    public Iterator<Map.Entry<String, String>> iterator() {
        return entries().iterator();
    }

    @Override
    public Iterator<Map.Entry<CharSequence, CharSequence>> iteratorCharSequence() {
        List<Map.Entry<CharSequence, CharSequence>> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            entries.add(new AbstractMap.SimpleImmutableEntry<>(names[i], values[i]));
        }
        return entries.iterator();
    }

    @Override
    public boolean isEmpty() {
        return size == 0;
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Set<String> names() {
        Set<String> set = new LinkedHashSet<>(); // as Netty's: each spelling once, in arrival order
        for (int i = 0; i < size; i++) {
            set.add(names[i].toString());
        }
        return set;
    }

    @Override
    public HttpHeaders add(String name, Object value) {
        throw readOnly();
    }

    @Override
    public HttpHeaders add(String name, Iterable<?> values) {
        throw readOnly();
    }

    @Override
    public HttpHeaders addInt(CharSequence name, int value) {
        throw readOnly();
    }

    @Override
    public HttpHeaders addShort(CharSequence name, short value) {
        throw readOnly();
    }

    @Override
    public HttpHeaders set(String name, Object value) {
        throw readOnly();
    }

    @Override
    public HttpHeaders set(String name, Iterable<?> values) {
        throw readOnly();
    }

    @Override
    public HttpHeaders setInt(CharSequence name, int value) {
        throw readOnly();
    }

    @Override
    public HttpHeaders setShort(CharSequence name, short value) {
        throw readOnly();
    }

    @Override
    public HttpHeaders remove(String name) {
        throw readOnly();
    }

    @Override
    public HttpHeaders clear() {
        throw readOnly();
    }

    private static UnsupportedOperationException readOnly() {
        return new UnsupportedOperationException("the headers of a received request are read-only");
    }
}
