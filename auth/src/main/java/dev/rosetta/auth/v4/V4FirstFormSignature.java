package dev.rosetta.auth.v4;

import dev.rosetta.auth.crypto.Hex;
import dev.rosetta.auth.crypto.Hmacs;
import dev.rosetta.protocol.http.RequestHead;
import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

/**
 * The fast path of {@link V4SignatureCheck}: the request's first canonical form (the one its usual clients
 * sign), its hash and the string to sign are written as bytes into one per-thread buffer, hashed and MACed
 * from there; no string is built. It answers only "this form matches": a mismatch, or a request it does
 * not take (a character above 0x7F anywhere, which the string path UTF-8 encodes; a signed header absent;
 * no payload line), goes to the string path, which tries every form and describes the failure.
 */
final class V4FirstFormSignature {
    private static final ThreadLocal<V4FirstFormSignature> PER_THREAD =
            ThreadLocal.withInitial(V4FirstFormSignature::new);
    private static final byte[] HEX = {'0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'a', 'b', 'c', 'd', 'e', 'f'};
    private static final int SHA256_BYTES = 32;

    private final MessageDigest sha256;
    private final byte[] hash = new byte[SHA256_BYTES];
    private final byte[] expected = new byte[SHA256_BYTES];
    private final byte[] provided = new byte[SHA256_BYTES];
    private byte[] buf = new byte[1024];
    private int len;

    private V4FirstFormSignature() {
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /**
     * @return true when the signature provided is that of the request's first canonical form; false when it is
     *         not, or when the request is not one this path takes (the caller then tries the string path)
     */
    static boolean matches(RequestHead request, V4Authorization auth, String algorithm, String timestamp,
                           byte[] signingKey, String hashedPayload, String excludedQueryParam,
                           V4SignatureCheck.PathFirst pathFirst) {
        return PER_THREAD.get().check(request, auth, algorithm, timestamp, signingKey, hashedPayload,
                excludedQueryParam, pathFirst);
    }

    private boolean check(RequestHead request, V4Authorization auth, String algorithm, String timestamp,
                          byte[] signingKey, String hashedPayload, String excludedQueryParam,
                          V4SignatureCheck.PathFirst pathFirst) {
        if (hashedPayload == null || !Hex.decodeInto(auth.signature(), provided)) {
            return false;
        }
        String rawPath = request.rawPath() == null || request.rawPath().isEmpty() ? "/" : request.rawPath();
        String uri = pathFirst == V4SignatureCheck.PathFirst.RAW ? rawPath : V4CanonicalRequest.canonicalUri(rawPath);
        len = 0;
        boolean ascii = ascii(request.method()) && newline()
                && ascii(uri) && newline()
                && ascii(V4CanonicalRequest.canonicalQuery(request.rawQuery(), false, excludedQueryParam)) && newline()
                && canonicalHeaders(request, auth.signedHeaders()) && newline()
                && ascii(auth.signedHeadersLine()) && newline()
                && ascii(hashedPayload);
        if (!ascii) {
            return false;
        }
        sha256.reset();
        sha256.update(buf, 0, len);
        try {
            sha256.digest(hash, 0, SHA256_BYTES);
        } catch (DigestException e) {
            throw new IllegalStateException("SHA-256 output buffer rejected", e);
        }
        V4Scope scope = auth.scope();
        len = 0;
        ascii = ascii(algorithm) && newline() && ascii(timestamp) && newline()
                && ascii(scope.date()) && slash() && ascii(scope.region()) && slash() && ascii(scope.service())
                && slash() && ascii(scope.terminator()) && newline();
        if (!ascii) {
            return false;
        }
        ensure(2 * SHA256_BYTES);
        for (byte b : hash) {
            buf[len++] = HEX[(b >>> 4) & 0xF];
            buf[len++] = HEX[b & 0xF];
        }
        Hmacs.hmacSha256(signingKey, buf, 0, len, expected);
        return MessageDigest.isEqual(expected, provided);
    }

    /** {@code name:value\n} per signed header, values trimmed and inner whitespace runs collapsed, joined by ','. */
    private boolean canonicalHeaders(RequestHead request, List<String> signedHeaders) {
        for (int i = 0, n = signedHeaders.size(); i < n; i++) {
            String name = signedHeaders.get(i);
            List<String> values = request.headers(name);
            if (values.isEmpty() || !ascii(name)) {
                return false;
            }
            put((byte) ':');
            for (int v = 0, m = values.size(); v < m; v++) {
                if (v > 0) {
                    put((byte) ',');
                }
                if (!trimmedCollapsed(values.get(v))) {
                    return false;
                }
            }
            newline();
        }
        return true;
    }

    /**
     * As {@link V4CanonicalRequest#appendTrimmedCollapsed}, into the buffer; false on a non-ASCII character. A
     * value with no whitespace or control character (the usual one) is copied as it is, without a string.
     */
    private boolean trimmedCollapsed(String value) {
        int n = value.length();
        ensure(n);
        if (isAscii(value)) {
            byte[] b = buf;
            int start = len;
            copyLatin1(value, b, start);
            int lowest = 0x7F;
            for (int i = start, end = start + n; i < end; i++) {
                lowest = Math.min(lowest, b[i]);
            }
            if (lowest > ' ') { // no whitespace, nothing to trim or collapse
                len = start + n;
                return true;
            }
        }
        // whitespace to trim or collapse (or a character above 0x7F): the string path's rule, then the bytes
        StringBuilder canonical = new StringBuilder(n);
        V4CanonicalRequest.appendTrimmedCollapsed(canonical, value);
        return ascii(canonical.toString());
    }

    /** Appends {@code s}; false when it has a character above 0x7F. */
    private boolean ascii(String s) {
        if (!isAscii(s)) {
            return false;
        }
        int n = s.length();
        ensure(n);
        copyLatin1(s, buf, len);
        len += n;
        return true;
    }

    /** A loop without early exit, which the JIT compiles to vector instructions. */
    private static boolean isAscii(String s) {
        int any = 0;
        for (int i = 0, n = s.length(); i < n; i++) {
            any |= s.charAt(i);
        }
        return any < 0x80;
    }

    /**
     * Copies the characters of an ASCII string, one byte each: for the JDK's compact strings an array copy, where
     * storing {@code charAt} one by one costs a check per character.
     */
    @SuppressWarnings("deprecation")
    private static void copyLatin1(String s, byte[] to, int at) {
        s.getBytes(0, s.length(), to, at);
    }

    private boolean newline() {
        put((byte) '\n');
        return true;
    }

    private boolean slash() {
        put((byte) '/');
        return true;
    }

    private void put(byte b) {
        ensure(1);
        buf[len++] = b;
    }

    private void ensure(int more) {
        if (len + more > buf.length) {
            byte[] bigger = new byte[Math.max(buf.length * 2, len + more)];
            System.arraycopy(buf, 0, bigger, 0, len);
            buf = bigger;
        }
    }
}
