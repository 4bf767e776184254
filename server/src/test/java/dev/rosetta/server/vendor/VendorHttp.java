package dev.rosetta.server.vendor;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import dev.rosetta.server.testing.RawHttp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.LoggerFactory;

/** Plain HTTP for presigned URLs, and quieter vendor SDKs. */
final class VendorHttp {
    private static final HttpClient JDK = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private VendorHttp() {
    }

    /**
     * Fetches a URL with the plain socket client, connecting to loopback and sending the URL's own Host header
     * (virtual-host names of the tests do not resolve), with an empty body.
     */
    static RawHttp.Response fetch(String method, URI url) throws Exception {
        String host = url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
        String target = url.getRawPath() + (url.getRawQuery() == null ? "" : "?" + url.getRawQuery());
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        headers.add(Map.entry("Host", host));
        if (!method.equals("GET") && !method.equals("HEAD")) {
            headers.add(Map.entry("Content-Length", "0"));
        }
        try (RawHttp http = new RawHttp("127.0.0.1", url.getPort())) {
            return http.exchange(method, target, headers, null);
        }
    }

    /** Sends a URL (whose host resolves) with {@code java.net.http}, the body empty or as given. */
    static RawHttp.Response send(String method, URI url, byte[] body) throws Exception {
        HttpRequest.BodyPublisher publisher = body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofByteArray(body);
        HttpResponse<byte[]> r = JDK.send(HttpRequest.newBuilder(url).method(method, publisher).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        r.headers().map().forEach((name, values) -> values.forEach(v -> headers.add(
                Map.entry(name.toLowerCase(Locale.ROOT), v))));
        return new RawHttp.Response(r.statusCode(), headers, r.body());
    }

    /** Keeps the vendor SDKs' per-request INFO logging (OBS, WOS access logs) out of the test output. */
    static void quietSdkLogs() {
        for (String name : List.of("com.obs", "com.wos", "com.qcloud", "com.amazonaws", "io.minio")) {
            ((Logger) LoggerFactory.getLogger(name)).setLevel(Level.ERROR);
        }
    }
}
