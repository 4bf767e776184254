package dev.rosetta.server.observe;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per request on the {@code rosetta.access} logger: time, request id, remote address,
 * principal access key, dialect, operation, method, bucket, key, status, error code, bytes in and out,
 * latency in milliseconds. Plain text by default, one JSON object per line with {@code json}. Built
 * from a {@link RequestEvent}, which holds no secret by construction.
 */
public final class AccessLog implements RequestObserver {
    public static final String LOGGER = "rosetta.access";
    private static final JsonFactory JSON = new JsonFactory();
    private final Logger log;
    private final boolean json;

    public AccessLog(boolean json) {
        this(LoggerFactory.getLogger(LOGGER), json);
    }

    AccessLog(Logger log, boolean json) {
        this.log = log;
        this.json = json;
    }

    @Override
    public void onRequest(RequestEvent e) {
        if (log.isInfoEnabled()) {
            log.info(json ? json(e) : text(e));
        }
    }

    static String text(RequestEvent e) {
        StringBuilder sb = new StringBuilder(160);
        sb.append(Instant.ofEpochMilli(e.startEpochMillis())).append(' ')
                .append(e.requestId()).append(' ')
                .append(dash(e.remoteAddress())).append(' ')
                .append(dash(e.principal())).append(' ')
                .append(dash(e.dialect())).append(' ')
                .append(dash(e.operation())).append(' ')
                .append(e.method()).append(' ')
                .append(dash(e.bucket())).append(' ')
                .append(quoted(e.key())).append(' ')
                .append(e.status()).append(' ')
                .append(dash(e.errorCode())).append(' ')
                .append(e.bytesIn()).append(' ')
                .append(e.bytesOut()).append(' ')
                .append(String.format("%.3f", e.durationNanos() / 1e6)).append("ms");
        return sb.toString();
    }

    static String json(RequestEvent e) {
        StringWriter w = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeStringField("time", Instant.ofEpochMilli(e.startEpochMillis()).toString());
            g.writeStringField("requestId", e.requestId());
            g.writeStringField("remote", e.remoteAddress());
            g.writeStringField("principal", e.principal());
            g.writeStringField("dialect", e.dialect());
            g.writeStringField("operation", e.operation());
            g.writeStringField("method", e.method());
            g.writeStringField("bucket", e.bucket());
            g.writeStringField("key", e.key());
            g.writeNumberField("status", e.status());
            g.writeStringField("error", e.errorCode());
            g.writeNumberField("bytesIn", e.bytesIn());
            g.writeNumberField("bytesOut", e.bytesOut());
            g.writeNumberField("latencyMs", e.durationNanos() / 1e6);
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return w.toString();
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    /** The key in double quotes, with quotes, backslashes and control characters escaped (keys may hold them). */
    private static String quoted(String key) {
        if (key == null) {
            return "-";
        }
        StringBuilder sb = new StringBuilder(key.length() + 2).append('"');
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '"' || c == '\\') {
                sb.append('\\').append(c);
            } else if (c < 0x20 || c == 0x7F) {
                sb.append(String.format("\\u%04x", (int) c));
            } else {
                sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
