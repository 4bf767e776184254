package dev.rosetta.server.testing;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A deliberately plain HTTP/1.1 client over a socket, for what no SDK sends: wrong signatures,
 * malformed heads, Expect: 100-continue checks. Every read has a timeout, so a server that hangs
 * fails the test instead of hanging it.
 */
public final class RawHttp implements Closeable {
    private static final int TIMEOUT_MILLIS = 10_000;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    /** A parsed response. Header names are lower-cased. */
    public record Response(int status, List<Map.Entry<String, String>> headers, byte[] body) {
        public String header(String name) {
            for (Map.Entry<String, String> e : headers) {
                if (e.getKey().equals(name.toLowerCase(Locale.ROOT))) {
                    return e.getValue();
                }
            }
            return null;
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        /** The text of the first {@code <name>} element of the body, or null. */
        public String xmlElement(String name) {
            String text = bodyText();
            int start = text.indexOf("<" + name + ">");
            if (start < 0) {
                return null;
            }
            int end = text.indexOf("</" + name + ">", start);
            return text.substring(start + name.length() + 2, end);
        }
    }

    public RawHttp(String host, int port) {
        try {
            socket = new Socket(host, port);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Sends raw bytes as they are. */
    public RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    public RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends a request head: the request line, the headers, and the blank line. */
    public RawHttp sendHead(String method, String target, List<Map.Entry<String, String>> headers) throws IOException {
        StringBuilder sb = new StringBuilder();
        sb.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        for (Map.Entry<String, String> h : headers) {
            sb.append(h.getKey()).append(": ").append(h.getValue()).append("\r\n");
        }
        sb.append("\r\n");
        return send(sb.toString());
    }

    /** One request, body included, and its response. */
    public Response exchange(String method, String target, List<Map.Entry<String, String>> headers, byte[] body)
            throws IOException {
        List<Map.Entry<String, String>> all = new ArrayList<>(headers);
        if (body != null && body.length > 0 && all.stream().noneMatch(e -> e.getKey().equalsIgnoreCase("content-length"))) {
            all.add(Map.entry("Content-Length", Integer.toString(body.length)));
        }
        sendHead(method, target, all);
        if (body != null && body.length > 0) {
            send(body);
        }
        return read(method.equals("HEAD"));
    }

    /** Reads one response (an interim 100 Continue is a response too). */
    public Response read(boolean forHead) throws IOException {
        String statusLine = readLine();
        if (statusLine == null) {
            throw new IOException("connection closed before a response");
        }
        String[] parts = statusLine.split(" ", 3);
        int status = Integer.parseInt(parts[1]);
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        String line;
        while ((line = readLine()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            headers.add(Map.entry(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                    line.substring(colon + 1).trim()));
        }
        byte[] body = new byte[0];
        if (!forHead && status != 100 && status != 204 && status != 304) {
            String length = headers.stream().filter(e -> e.getKey().equals("content-length"))
                    .map(Map.Entry::getValue).findFirst().orElse(null);
            if (length != null) {
                body = in.readNBytes(Integer.parseInt(length));
            } else {
                body = in.readAllBytes();
            }
        }
        return new Response(status, headers, body);
    }

    /** True when the server closed the connection (reads end-of-stream) within the timeout. */
    public boolean isClosedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException e) {
            return true;
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') {
                byte[] b = line.toByteArray();
                int n = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
                return new String(b, 0, n, StandardCharsets.ISO_8859_1);
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
