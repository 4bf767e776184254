package dev.rosetta.protocol.http;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A request's query parsed into parameters in their order on the wire. Each parameter keeps its raw
 * (still encoded) name and value for the signature canonicalisers, and its decoded form for everything
 * else. A parameter sent without {@code =} has a null raw value: {@code ?uploads} and {@code ?uploads=}
 * are different on the wire and some signing schemes care.
 */
public final class QueryString {
    public static final QueryString EMPTY = new QueryString(List.of());

    /** One query parameter. {@code rawValue} and {@code value} are null when no {@code =} was sent. */
    public record Param(String rawName, String rawValue, String name, String value) {
        public boolean hasValue() {
            return rawValue != null;
        }

        /** The decoded value, or "" when none was sent. */
        public String valueOrEmpty() {
            return value == null ? "" : value;
        }
    }

    private final List<Param> params;

    private QueryString(List<Param> params) {
        this.params = params;
    }

    /**
     * Parses a raw query (without the leading {@code ?}). Names and values are decoded with
     * {@code +} as space.
     *
     * @throws IllegalArgumentException when a component has a malformed percent escape
     */
    public static QueryString parse(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return EMPTY;
        }
        List<Param> params = new ArrayList<>(4);
        int start = 0;
        int n = rawQuery.length();
        while (start <= n) {
            int amp = rawQuery.indexOf('&', start);
            int end = amp < 0 ? n : amp;
            if (end > start) {
                String item = rawQuery.substring(start, end);
                int eq = item.indexOf('=');
                String rawName = eq < 0 ? item : item.substring(0, eq);
                String rawValue = eq < 0 ? null : item.substring(eq + 1);
                String name = PercentCodec.decodeQuery(rawName);
                String value = rawValue == null ? null : PercentCodec.decodeQuery(rawValue);
                params.add(new Param(rawName, rawValue, name, value));
            }
            if (amp < 0) {
                break;
            }
            start = amp + 1;
        }
        return params.isEmpty() ? EMPTY : new QueryString(Collections.unmodifiableList(params));
    }

    public List<Param> params() {
        return params;
    }

    public boolean isEmpty() {
        return params.isEmpty();
    }

    /** True when a parameter of this (decoded, case-sensitive) name is present, with or without value. */
    public boolean has(String name) {
        return find(name) != null;
    }

    /** The decoded value of the first parameter with this name; "" when sent without value; null when absent. */
    public String get(String name) {
        Param p = find(name);
        return p == null ? null : p.valueOrEmpty();
    }

    /** The first parameter with this (decoded, case-sensitive) name, or null. */
    public Param find(String name) {
        for (int i = 0, n = params.size(); i < n; i++) {
            Param p = params.get(i);
            if (p.name().equals(name)) {
                return p;
            }
        }
        return null;
    }

    /** The first parameter whose name equals this one ignoring ASCII case, or null. */
    public Param findIgnoreCase(String name) {
        for (int i = 0, n = params.size(); i < n; i++) {
            Param p = params.get(i);
            if (p.name().equalsIgnoreCase(name)) {
                return p;
            }
        }
        return null;
    }
}
