package dev.rosetta.auth;

import dev.rosetta.protocol.http.QueryString;
import dev.rosetta.protocol.http.RequestHead;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A RequestHead built by hand: method, request target as sent, header lines in order. */
public final class TestRequest implements RequestHead {
    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final QueryString query;
    private final List<Map.Entry<String, String>> headers = new ArrayList<>();

    private TestRequest(String method, String target) {
        this.method = method;
        int q = target.indexOf('?');
        this.rawPath = q < 0 ? target : target.substring(0, q);
        this.rawQuery = q < 0 ? "" : target.substring(q + 1);
        this.query = QueryString.parse(rawQuery);
    }

    public static TestRequest of(String method, String target) {
        return new TestRequest(method, target);
    }

    public TestRequest header(String name, String value) {
        headers.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
        return this;
    }

    /** A copy without any header of this name. */
    public TestRequest without(String name) {
        TestRequest copy = new TestRequest(method, rawQuery.isEmpty() ? rawPath : rawPath + "?" + rawQuery);
        for (Map.Entry<String, String> h : headers) {
            if (!h.getKey().equalsIgnoreCase(name)) {
                copy.headers.add(h);
            }
        }
        return copy;
    }

    /** A copy with this header's values replaced by one value (appended when absent). */
    public TestRequest replacing(String name, String value) {
        return without(name).header(name, value);
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public String rawPath() {
        return rawPath;
    }

    @Override
    public String rawQuery() {
        return rawQuery;
    }

    @Override
    public QueryString query() {
        return query;
    }

    @Override
    public String header(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    @Override
    public List<String> headers(String name) {
        List<String> values = new ArrayList<>(1);
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                values.add(h.getValue());
            }
        }
        return values;
    }

    @Override
    public List<Map.Entry<String, String>> headerEntries() {
        return headers;
    }

    @Override
    public String toString() {
        return method + " " + rawPath + (rawQuery.isEmpty() ? "" : "?" + rawQuery) + " " + headers;
    }
}
