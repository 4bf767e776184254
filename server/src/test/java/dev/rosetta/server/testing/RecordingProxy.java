package dev.rosetta.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/**
 * A loopback TCP proxy in front of a server that records every byte both ways, so a test can drive a vendor
 * SDK through it and then assert the raw HTTP exchanges: the request the SDK really sent (its Authorization
 * scheme, its probe) and the response exactly as the server wrote it (headers, XML declaration, namespace),
 * which SDKs parse leniently and never show.
 *
 * <p>Bytes are recorded before they are forwarded, so once an SDK call has returned, its exchange is complete
 * in the record. Plain HTTP/1.1 only (the SDKs are pointed at {@code http://}).
 */
public final class RecordingProxy implements Closeable {
    /** A recorded request: request line, headers (names lower-cased), body (de-chunked). */
    public record Request(String method, String target, List<Map.Entry<String, String>> headers, byte[] body) {
        public String header(String name) {
            String lower = name.toLowerCase(Locale.ROOT);
            for (Map.Entry<String, String> e : headers) {
                if (e.getKey().equals(lower)) {
                    return e.getValue();
                }
            }
            return null;
        }

        /** The path part of the target. */
        public String path() {
            int q = target.indexOf('?');
            return q < 0 ? target : target.substring(0, q);
        }

        /** The raw query of the target, or "" when there is none. */
        public String query() {
            int q = target.indexOf('?');
            return q < 0 ? "" : target.substring(q + 1);
        }

        /** True when the raw query has a parameter of this name (with or without a value). */
        public boolean hasParam(String name) {
            for (String p : query().split("&")) {
                int eq = p.indexOf('=');
                if ((eq < 0 ? p : p.substring(0, eq)).equals(name)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public String toString() {
            return method + " " + target + " " + headers;
        }
    }

    /** A request and the final (non-1xx) response to it; the response is null if none was recorded. */
    public record Exchange(Request request, RawHttp.Response response, long startedNanos) {
        @Override
        public String toString() {
            return request + " -> " + (response == null ? "(no response)"
                    : response.status() + " " + response.headers() + " " + response.bodyText());
        }
    }

    private final ServerSocket listener;
    private final int targetPort;
    private final List<Connection> connections = new CopyOnWriteArrayList<>();
    private final Thread acceptor;
    private volatile long since = Long.MIN_VALUE;
    private volatile boolean closed;

    /** Listens on a free loopback port and forwards to {@code 127.0.0.1:targetPort}. */
    public RecordingProxy(int targetPort) {
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        acceptor = new Thread(this::acceptLoop, "recording-proxy-" + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** {@code http://127.0.0.1:PORT}. */
    public String endpoint() {
        return "http://127.0.0.1:" + port();
    }

    /** Forgets what was recorded so far: {@link #exchanges()} returns only what comes after. */
    public void clear() {
        since = System.nanoTime();
    }

    /** The exchanges recorded since the last {@link #clear()}, in the order their requests started. */
    public List<Exchange> exchanges() {
        List<Exchange> out = new ArrayList<>();
        for (Connection c : connections) {
            for (Exchange e : c.parse()) {
                if (e.startedNanos() > since) {
                    out.add(e);
                }
            }
        }
        out.sort(Comparator.comparingLong(Exchange::startedNanos));
        return out;
    }

    /** The only exchange since the last clear() whose request matches; fails when there is not exactly one. */
    public Exchange only(Predicate<Request> which) {
        List<Exchange> matching = exchanges().stream().filter(e -> which.test(e.request())).toList();
        if (matching.size() != 1) {
            throw new AssertionError("expected exactly one matching exchange, got " + matching.size() + ": "
                    + exchanges());
        }
        return matching.get(0);
    }

    /** The last exchange since the last clear() whose request matches; fails when there is none. */
    public Exchange last(Predicate<Request> which) {
        List<Exchange> matching = exchanges().stream().filter(e -> which.test(e.request())).toList();
        if (matching.isEmpty()) {
            throw new AssertionError("no matching exchange in " + exchanges());
        }
        return matching.get(matching.size() - 1);
    }

    /** A request predicate: this method, and a query parameter of this name (null: any query). */
    public static Predicate<Request> is(String method, String param) {
        return r -> r.method().equals(method) && (param == null || r.hasParam(param));
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Connection c : connections) {
            c.close();
        }
    }

    private void acceptLoop() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            try {
                Socket server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                client.setTcpNoDelay(true);
                server.setTcpNoDelay(true);
                Connection c = new Connection(client, server);
                connections.add(c);
                c.start();
            } catch (IOException e) {
                try {
                    client.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
    }

    /** One proxied connection: the bytes each way, with the time each chunk from the client arrived. */
    private static final class Connection {
        private final Socket client;
        private final Socket server;
        private final Recording fromClient = new Recording();
        private final Recording fromServer = new Recording();

        Connection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
        }

        void start() throws IOException {
            pump(client.getInputStream(), server.getOutputStream(), fromClient, server);
            pump(server.getInputStream(), client.getOutputStream(), fromServer, client);
        }

        private void pump(InputStream in, OutputStream out, Recording record, Socket closeAfter) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[16384];
                try {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        record.append(buf, n);
                        out.write(buf, 0, n);
                        out.flush();
                    }
                } catch (IOException ignored) {
                    // the other side went away
                } finally {
                    try {
                        closeAfter.shutdownOutput();
                    } catch (IOException ignored) {
                        // already closed
                    }
                }
            }, "recording-proxy-pump");
            t.setDaemon(true);
            t.start();
        }

        void close() {
            try {
                client.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            try {
                server.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }

        List<Exchange> parse() {
            byte[] req;
            List<long[]> marks;
            synchronized (fromClient) {
                req = fromClient.bytes.toByteArray();
                marks = new ArrayList<>(fromClient.marks);
            }
            byte[] res;
            synchronized (fromServer) {
                res = fromServer.bytes.toByteArray();
            }
            List<Exchange> out = new ArrayList<>();
            Reader requests = new Reader(req);
            Reader responses = new Reader(res);
            while (requests.hasMore()) {
                int start = requests.pos;
                Request request = requests.request();
                if (request == null) {
                    break;
                }
                RawHttp.Response response = null;
                while (responses.hasMore()) {
                    RawHttp.Response r = responses.response(request.method().equals("HEAD"));
                    if (r == null || r.status() >= 200) {
                        response = r;
                        break;
                    }
                }
                out.add(new Exchange(request, response, timeOf(marks, start)));
            }
            return out;
        }

        private static long timeOf(List<long[]> marks, int offset) {
            long t = Long.MIN_VALUE + 1;
            for (long[] m : marks) {
                if (m[0] <= offset) {
                    t = m[1];
                } else {
                    break;
                }
            }
            return t;
        }
    }

    private static final class Recording {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<long[]> marks = new ArrayList<>();

        synchronized void append(byte[] b, int n) {
            marks.add(new long[] {bytes.size(), System.nanoTime()});
            bytes.write(b, 0, n);
        }
    }

    /** Reads HTTP/1.1 messages out of a recorded byte stream; null when the stream ends mid-message. */
    private static final class Reader {
        private final byte[] b;
        int pos;

        Reader(byte[] b) {
            this.b = b;
        }

        boolean hasMore() {
            return pos < b.length;
        }

        Request request() {
            int save = pos;
            String line = line();
            List<Map.Entry<String, String>> headers = line == null ? null : headers();
            if (headers == null) {
                pos = save;
                return null;
            }
            String[] parts = line.split(" ", 3);
            byte[] body = body(headers, false, false);
            if (body == null) {
                pos = save;
                return null;
            }
            return new Request(parts[0], parts.length > 1 ? parts[1] : "", headers, body);
        }

        RawHttp.Response response(boolean forHead) {
            int save = pos;
            String line = line();
            List<Map.Entry<String, String>> headers = line == null ? null : headers();
            if (headers == null) {
                pos = save;
                return null;
            }
            int status = Integer.parseInt(line.split(" ", 3)[1]);
            boolean noBody = forHead || status < 200 || status == 204 || status == 304;
            byte[] body = noBody ? new byte[0] : body(headers, true, true);
            if (body == null) {
                pos = save;
                return null;
            }
            return new RawHttp.Response(status, headers, body);
        }

        private byte[] body(List<Map.Entry<String, String>> headers, boolean untilEndWithoutLength,
                boolean response) {
            String te = find(headers, "transfer-encoding");
            if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
                return chunked();
            }
            String length = find(headers, "content-length");
            if (length != null) {
                int n = Integer.parseInt(length.trim());
                if (pos + n > b.length) {
                    return null;
                }
                byte[] body = new byte[n];
                System.arraycopy(b, pos, body, 0, n);
                pos += n;
                return body;
            }
            if (untilEndWithoutLength && response) {
                byte[] body = new byte[b.length - pos];
                System.arraycopy(b, pos, body, 0, body.length);
                pos = b.length;
                return body;
            }
            return new byte[0];
        }

        private byte[] chunked() {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            while (true) {
                String sizeLine = line();
                if (sizeLine == null) {
                    return null;
                }
                int semi = sizeLine.indexOf(';');
                int size = Integer.parseInt((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                if (size == 0) {
                    String trailer;
                    do {
                        trailer = line();
                        if (trailer == null) {
                            return null;
                        }
                    } while (!trailer.isEmpty());
                    return out.toByteArray();
                }
                if (pos + size + 2 > b.length) {
                    return null;
                }
                out.write(b, pos, size);
                pos += size + 2;
            }
        }

        private List<Map.Entry<String, String>> headers() {
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            while (true) {
                String line = line();
                if (line == null) {
                    return null;
                }
                if (line.isEmpty()) {
                    return headers;
                }
                int colon = line.indexOf(':');
                headers.add(Map.entry(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim()));
            }
        }

        private String line() {
            for (int i = pos; i < b.length; i++) {
                if (b[i] == '\n') {
                    int end = i > pos && b[i - 1] == '\r' ? i - 1 : i;
                    String s = new String(b, pos, end - pos, StandardCharsets.ISO_8859_1);
                    pos = i + 1;
                    return s;
                }
            }
            return null;
        }

        private static String find(List<Map.Entry<String, String>> headers, String name) {
            for (Map.Entry<String, String> e : headers) {
                if (e.getKey().equals(name)) {
                    return e.getValue();
                }
            }
            return null;
        }
    }
}
