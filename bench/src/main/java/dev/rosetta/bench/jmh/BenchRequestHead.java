package dev.rosetta.bench.jmh;

import dev.rosetta.bench.sign.SignableRequest;
import dev.rosetta.protocol.http.QueryString;
import dev.rosetta.protocol.http.RequestHead;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A request head as a server would see it, from a signed {@link SignableRequest}. */
public final class BenchRequestHead implements RequestHead {
    private final String method;
    private final String rawPath;
    private final String rawQuery;
    private final QueryString query;
    private final List<Map.Entry<String, String>> headers;

    public BenchRequestHead(SignableRequest r) {
        this.method = r.method();
        this.rawPath = r.rawPath();
        this.rawQuery = r.rawQuery();
        this.query = QueryString.parse(rawQuery);
        List<Map.Entry<String, String>> h = new ArrayList<>();
        for (SignableRequest.Header header : r.headers()) {
            h.add(new AbstractMap.SimpleImmutableEntry<>(header.name(), header.value()));
        }
        this.headers = List.copyOf(h);
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
        for (Map.Entry<String, String> e : headers) {
            if (e.getKey().equalsIgnoreCase(name)) {
                return e.getValue();
            }
        }
        return null;
    }

    @Override
    public List<String> headers(String name) {
        List<String> out = new ArrayList<>(1);
        for (Map.Entry<String, String> e : headers) {
            if (e.getKey().equalsIgnoreCase(name)) {
                out.add(e.getValue());
            }
        }
        return out;
    }

    @Override
    public List<Map.Entry<String, String>> headerEntries() {
        return headers;
    }
}
