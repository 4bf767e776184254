package dev.rosetta.server.netty;

import dev.rosetta.protocol.http.QueryString;
import dev.rosetta.protocol.http.RequestHead;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.util.AsciiString;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A Netty request head seen as a {@link RequestHead}. Header values are Netty's: one char per byte
 * received (ISO-8859-1), so byte-exact values survive a round trip. An absolute-form request target
 * ({@code http://host/path}) is reduced to its path.
 */
public final class NettyRequestHead implements RequestHead {
    /**
     * Header names as {@link AsciiString}s, which keep their hash: Netty hashes a {@code String} name
     * character by character on every lookup, and a request looks up dozens. Bounded, since names can
     * come from requests (signed-header lists).
     */
    private static final ConcurrentHashMap<String, AsciiString> NAMES = new ConcurrentHashMap<>();
    private static final int MAX_CACHED_NAMES = 1024;

    private final HttpRequest request;
    private final String rawPath;
    private final String rawQuery;
    private QueryString query;
    private List<Map.Entry<String, String>> entries;

    /**
     * @throws IllegalArgumentException when the query has a malformed percent escape
     */
    public NettyRequestHead(HttpRequest request) {
        this.request = request;
        String uri = request.uri();
        int start = 0;
        if (uri.startsWith("http://") || uri.startsWith("https://")) {
            int slash = uri.indexOf('/', uri.indexOf("//") + 2);
            start = slash < 0 ? uri.length() : slash;
        }
        int q = uri.indexOf('?', start);
        int end = q < 0 ? uri.length() : q;
        int hash = uri.indexOf('#', start);
        if (hash >= 0 && hash < end) {
            end = hash;
        }
        String path = uri.substring(start, end);
        this.rawPath = path.isEmpty() ? "/" : path;
        String qs = q < 0 ? "" : uri.substring(q + 1);
        int qhash = qs.indexOf('#');
        this.rawQuery = qhash < 0 ? qs : qs.substring(0, qhash);
    }

    public HttpRequest request() {
        return request;
    }

    @Override
    public String method() {
        return request.method().name();
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
        QueryString q = query;
        if (q == null) {
            q = QueryString.parse(rawQuery);
            query = q;
        }
        return q;
    }

    @Override
    public String header(String name) {
        return request.headers().get(asciiName(name));
    }

    @Override
    public List<String> headers(String name) {
        return request.headers().getAll(asciiName(name));
    }

    private static CharSequence asciiName(String name) {
        AsciiString cached = NAMES.get(name);
        if (cached != null) {
            return cached;
        }
        if (NAMES.size() >= MAX_CACHED_NAMES) {
            return name;
        }
        return NAMES.computeIfAbsent(name, AsciiString::cached);
    }

    @Override
    public List<Map.Entry<String, String>> headerEntries() {
        List<Map.Entry<String, String>> e = entries;
        if (e == null) {
            HttpHeaders headers = request.headers();
            e = new ArrayList<>(headers.size());
            Iterator<Map.Entry<String, String>> it = headers.iteratorAsString();
            while (it.hasNext()) {
                e.add(it.next());
            }
            entries = e;
        }
        return e;
    }
}
