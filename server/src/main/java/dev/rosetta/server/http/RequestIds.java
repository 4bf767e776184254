package dev.rosetta.server.http;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Request ids: 16 upper-case hex characters as S3 writes them, unique within a server's life
 * (random start, then a counter), and an id-2 (host id) that adds this instance's random id.
 * Cheap: no random number per request.
 */
public final class RequestIds {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private final AtomicLong counter;
    private final byte[] instance = new byte[16];

    public RequestIds() {
        SecureRandom random = new SecureRandom();
        counter = new AtomicLong(random.nextLong() >>> 1);
        random.nextBytes(instance);
    }

    /** The next request id. */
    public String next() {
        long v = counter.incrementAndGet();
        char[] out = new char[16];
        for (int i = 15; i >= 0; i--) {
            out[i] = HEX[(int) (v & 0xF)];
            v >>>= 4;
        }
        return new String(out);
    }

    /** The id-2 / host id for a request id. */
    public String hostId(String requestId) {
        byte[] b = new byte[instance.length + requestId.length()];
        System.arraycopy(instance, 0, b, 0, instance.length);
        for (int i = 0; i < requestId.length(); i++) {
            b[instance.length + i] = (byte) requestId.charAt(i);
        }
        return Base64.getEncoder().encodeToString(b);
    }
}
