package dev.rosetta.protocol.headers;

import dev.rosetta.protocol.http.QueryString;
import dev.rosetta.protocol.http.RequestHead;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A request head built in tests: header names matched ignoring case, entries kept in arrival order. */
final class FakeRequestHead implements RequestHead {
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();

    FakeRequestHead header(String name, String value) {
        headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
        return this;
    }

    @Override
    public String method() {
        return "PUT";
    }

    @Override
    public String rawPath() {
        return "/bucket/key";
    }

    @Override
    public String rawQuery() {
        return "";
    }

    @Override
    public QueryString query() {
        return QueryString.EMPTY;
    }

    @Override
    public String header(String name) {
        for (Map.Entry<String, String> e : headers) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> e : headers) {
            if (e.getKey().equalsIgnoreCase(name)) {
                values.add(e.getValue());
            }
        }
        return values;
    }

    @Override
    public List<Map.Entry<String, String>> headerEntries() {
        return List.copyOf(headers);
    }
}
