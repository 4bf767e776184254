package dev.rosetta.bench.sign;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;

/**
 * Tencent COS's {@code q-sign-algorithm=sha1} header signature (dialects.md §4.1, §4.2). Signs every header
 * the request carries at signing time (except {@code user-agent}, {@code connection}, {@code expect}) and
 * every query parameter.
 *
 * <p>A signature is valid for a key-time window; the signer uses windows of {@code validitySeconds}
 * starting a minute in the past (clock skew) and moves to a new one at half-life, so the SignKey HMAC is
 * computed once per window per thread.
 */
public final class CosSigner implements Signer {
    public static final long DEFAULT_VALIDITY_SECONDS = 3600;
    private static final Set<String> NOT_SIGNED = Set.of("user-agent", "connection", "expect", "authorization");

    private record Window(long start, long end, String keyTime, Mac mac) {
    }

    private final String accessKey;
    private final byte[] secretKey;
    private final long validitySeconds;
    private final ThreadLocal<Window> window = new ThreadLocal<>();

    public CosSigner(String accessKey, String secretKey, long validitySeconds) {
        this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
        this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
        if (validitySeconds < 120) {
            throw new IllegalArgumentException("validity below two minutes");
        }
        this.validitySeconds = validitySeconds;
    }

    @Override
    public String name() {
        return "cos";
    }

    @Override
    public void sign(SignableRequest request, long epochMillis) {
        long now = Math.floorDiv(epochMillis, 1000);
        Window w = window.get();
        if (w == null || now > w.start + 60 + validitySeconds / 2 || now < w.start) {
            long start = now - 60;
            String keyTime = start + ";" + (start + validitySeconds);
            w = new Window(start, start + validitySeconds, keyTime, signKeyMac(keyTime));
            window.set(w);
        }
        request.header("Authorization", authorization(request, w.keyTime, w.mac));
    }

    /** Signs with an explicit key time ({@code start;end}), as the test vectors do. */
    public String authorization(SignableRequest request, String keyTime) {
        return authorization(request, keyTime, signKeyMac(keyTime));
    }

    /** SignKey = hex(HMAC-SHA1(SecretKey, KeyTime)), then an HMAC keyed with those hex characters. */
    private Mac signKeyMac(String keyTime) {
        String signKey = Crypto.hex(Crypto.hmacSha1(secretKey, keyTime));
        return Crypto.mac("HmacSHA1", signKey.getBytes(StandardCharsets.US_ASCII));
    }

    private String authorization(SignableRequest request, String keyTime, Mac mac) {
        StringBuilder paramList = new StringBuilder();
        StringBuilder headerList = new StringBuilder();
        String httpString = httpString(request, paramList, headerList);
        String stringToSign = "sha1\n" + keyTime + "\n" + Crypto.hex(Crypto.sha1(httpString.getBytes(StandardCharsets.UTF_8)))
                + "\n";
        String signature = Crypto.hex(mac.doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
        return "q-sign-algorithm=sha1&q-ak=" + accessKey + "&q-sign-time=" + keyTime + "&q-key-time=" + keyTime
                + "&q-header-list=" + headerList + "&q-url-param-list=" + paramList + "&q-signature=" + signature;
    }

    /** The HttpString of §4.2; fills the two lists. */
    String httpString(SignableRequest request, StringBuilder paramList, StringBuilder headerList) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(request.method().toLowerCase(Locale.ROOT)).append('\n');
        sb.append(Percent.decode(request.rawPath())).append('\n');
        String[][] params = new String[request.query().size()][];
        int n = 0;
        for (SignableRequest.Param p : request.query()) {
            params[n++] = pair(p.name(), p.value() == null ? "" : p.value());
        }
        append(params, n, sb, paramList);
        sb.append('\n');
        String[][] headers = new String[request.headers().size()][];
        int m = 0;
        for (SignableRequest.Header h : request.headers()) {
            if (!NOT_SIGNED.contains(h.name().toLowerCase(Locale.ROOT))) {
                headers[m++] = pair(h.name(), h.value());
            }
        }
        append(headers, m, sb, headerList);
        sb.append('\n');
        return sb.toString();
    }

    private static String[] pair(String name, String value) {
        return new String[] {Percent.encode(name.strip()).toLowerCase(Locale.ROOT), Percent.encode(value.strip())};
    }

    private static void append(String[][] pairs, int n, StringBuilder sb, StringBuilder list) {
        Arrays.sort(pairs, 0, n, (a, b) -> a[0].compareTo(b[0]));
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append('&');
                list.append(';');
            }
            sb.append(pairs[i][0]).append('=').append(pairs[i][1]);
            list.append(pairs[i][0]);
        }
    }
}
