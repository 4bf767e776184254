package dev.rosetta.bench.sign;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;

/**
 * AWS Signature Version 4, header form (dialects.md §2.1, §2.2, §2.4), and its Wangsu twin
 * WOS-HMAC-SHA256 (§5.2), which differs only in names. Signs every header the request carries at signing
 * time (except {@code connection}, {@code user-agent}, {@code expect}, {@code transfer-encoding},
 * {@code x-amzn-trace-id}); the payload line is the request's body SHA-256 or {@code UNSIGNED-PAYLOAD}.
 *
 * <p>The signing key depends only on the day; each thread keeps an HMAC already keyed with the current
 * day's key, so a request costs one SHA-256 of the canonical request and one HMAC.
 */
public final class V4Signer implements Signer {
    /** The names that differ between SigV4 and WOS-HMAC-SHA256. */
    public enum Flavour {
        AWS("v4", "AWS4-HMAC-SHA256", "AWS4", "s3", "aws4_request", "x-amz-date", "x-amz-content-sha256"),
        WOS("wos", "WOS-HMAC-SHA256", "WOS", "wos", "wos_request", "x-wos-date", "x-wos-content-sha256");

        final String scheme;
        final String algorithm;
        final String secretPrefix;
        final String service;
        final String terminator;
        final String dateHeader;
        final String contentHeader;

        Flavour(String scheme, String algorithm, String secretPrefix, String service, String terminator,
                String dateHeader, String contentHeader) {
            this.scheme = scheme;
            this.algorithm = algorithm;
            this.secretPrefix = secretPrefix;
            this.service = service;
            this.terminator = terminator;
            this.dateHeader = dateHeader;
            this.contentHeader = contentHeader;
        }
    }

    public static final String UNSIGNED_PAYLOAD = "UNSIGNED-PAYLOAD";
    private static final Set<String> NOT_SIGNED =
            Set.of("connection", "user-agent", "expect", "transfer-encoding", "x-amzn-trace-id", "authorization");

    private record KeyedMac(String date, Mac mac) {
    }

    private final Flavour flavour;
    private final String accessKey;
    private final String secretKey;
    private final String region;
    private final ThreadLocal<KeyedMac> signingMac = new ThreadLocal<>();

    public V4Signer(Flavour flavour, String accessKey, String secretKey, String region) {
        this.flavour = Objects.requireNonNull(flavour, "flavour");
        this.accessKey = Objects.requireNonNull(accessKey, "accessKey");
        this.secretKey = Objects.requireNonNull(secretKey, "secretKey");
        this.region = Objects.requireNonNull(region, "region");
    }

    @Override
    public String name() {
        return flavour.scheme;
    }

    @Override
    public boolean signsPayload() {
        return true;
    }

    public Flavour flavour() {
        return flavour;
    }

    public String region() {
        return region;
    }

    @Override
    public void sign(SignableRequest request, long epochMillis) {
        String timestamp = request.header(flavour.dateHeader);
        if (timestamp == null) {
            timestamp = HttpTimes.isoBasic(epochMillis);
            request.header(flavour.dateHeader, timestamp);
        }
        if (request.header(flavour.contentHeader) == null) {
            String payload = request.payloadSha256();
            request.header(flavour.contentHeader, payload == null ? UNSIGNED_PAYLOAD : payload);
        }
        request.header("Authorization", authorization(request, timestamp));
    }

    /** The Authorization value for a request that already carries its date and content-sha256 headers. */
    String authorization(SignableRequest request, String timestamp) {
        StringBuilder signedHeaders = new StringBuilder(64);
        String canonicalRequest = canonicalRequest(request, signedHeaders);
        String date = timestamp.substring(0, 8);
        String scope = scope(date);
        String signature = signature(date, stringToSign(timestamp, scope, canonicalRequest));
        return flavour.algorithm + " Credential=" + accessKey + "/" + scope + ", SignedHeaders=" + signedHeaders
                + ", Signature=" + signature;
    }

    /** {@code <date>/<region>/<service>/<terminator>}. */
    public String scope(String date) {
        return date + "/" + region + "/" + flavour.service + "/" + flavour.terminator;
    }

    String stringToSign(String timestamp, String scope, String canonicalRequest) {
        return flavour.algorithm + "\n" + timestamp + "\n" + scope + "\n" + Crypto.sha256Hex(canonicalRequest);
    }

    /** Hex HMAC of {@code stringToSign} with the signing key of {@code date} (yyyymmdd). */
    public String signature(String date, String stringToSign) {
        return Crypto.hex(mac(date).doFinal(stringToSign.getBytes(StandardCharsets.UTF_8)));
    }

    /** The signing key of a day: kSigning of §2.1 (or its WOS form). */
    public byte[] signingKey(String date) {
        byte[] k = Crypto.hmacSha256((flavour.secretPrefix + secretKey).getBytes(StandardCharsets.UTF_8), date);
        k = Crypto.hmacSha256(k, region);
        k = Crypto.hmacSha256(k, flavour.service);
        return Crypto.hmacSha256(k, flavour.terminator);
    }

    private Mac mac(String date) {
        KeyedMac km = signingMac.get();
        if (km == null || !km.date.equals(date)) {
            km = new KeyedMac(date, Crypto.mac("HmacSHA256", signingKey(date)));
            signingMac.set(km);
        }
        return km.mac;
    }

    /** The canonical request of §2.4; appends the SignedHeaders value to {@code signedHeadersOut}. */
    String canonicalRequest(SignableRequest request, StringBuilder signedHeadersOut) {
        StringBuilder sb = new StringBuilder(256);
        sb.append(request.method()).append('\n');
        sb.append(request.rawPath().isEmpty() ? "/" : request.rawPath()).append('\n');
        appendCanonicalQuery(request.query(), sb);
        sb.append('\n');
        List<String[]> headers = new ArrayList<>(request.headers().size());
        for (SignableRequest.Header h : request.headers()) {
            String name = h.name().toLowerCase(Locale.ROOT);
            if (!NOT_SIGNED.contains(name)) {
                headers.add(new String[] {name, normalise(h.value())});
            }
        }
        headers.sort((a, b) -> a[0].compareTo(b[0])); // stable: repeated headers keep their order
        String payload = null;
        for (int i = 0; i < headers.size(); i++) {
            String name = headers.get(i)[0];
            sb.append(name).append(':').append(headers.get(i)[1]);
            while (i + 1 < headers.size() && headers.get(i + 1)[0].equals(name)) {
                sb.append(',').append(headers.get(++i)[1]);
            }
            sb.append('\n');
            if (signedHeadersOut.length() > 0) {
                signedHeadersOut.append(';');
            }
            signedHeadersOut.append(name);
            if (name.equals(flavour.contentHeader)) {
                payload = headers.get(i)[1];
            }
        }
        sb.append('\n').append(signedHeadersOut).append('\n');
        sb.append(payload != null ? payload : request.payloadSha256() != null ? request.payloadSha256() : UNSIGNED_PAYLOAD);
        return sb.toString();
    }

    private static void appendCanonicalQuery(List<SignableRequest.Param> query, StringBuilder sb) {
        if (query.isEmpty()) {
            return;
        }
        String[][] pairs = new String[query.size()][];
        int n = 0;
        for (SignableRequest.Param p : query) {
            pairs[n++] = new String[] {Percent.encode(p.name()), Percent.encode(p.value() == null ? "" : p.value())};
        }
        java.util.Arrays.sort(pairs, (a, b) -> {
            int c = a[0].compareTo(b[0]);
            return c != 0 ? c : a[1].compareTo(b[1]);
        });
        for (int i = 0; i < n; i++) {
            if (i > 0) {
                sb.append('&');
            }
            sb.append(pairs[i][0]).append('=').append(pairs[i][1]);
        }
    }

    /** Trims and collapses every run of blanks to one space (§2.4). */
    static String normalise(String value) {
        String v = value.strip();
        boolean collapse = false;
        for (int i = 1; i < v.length(); i++) {
            char c = v.charAt(i);
            if ((c == ' ' || c == '\t') && isBlank(v.charAt(i - 1))) {
                collapse = true;
                break;
            }
            if (c == '\t' || c == '\n' || c == '\r') {
                collapse = true;
                break;
            }
        }
        if (!collapse) {
            return v;
        }
        StringBuilder sb = new StringBuilder(v.length());
        boolean blank = false;
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (isBlank(c)) {
                if (!blank) {
                    sb.append(' ');
                }
                blank = true;
            } else {
                sb.append(c);
                blank = false;
            }
        }
        return sb.toString();
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }
}
