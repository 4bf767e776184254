package dev.rosetta.server.testing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WOS-HMAC-SHA256 (docs/dialects.md §5.2: SigV4 with {@code WOS}, {@code wos}, {@code wos_request} and
 * {@code x-wos-*}) for hand-built requests, written from the specification and independent of the server, so raw
 * tests can sign at a chosen time or for an unknown key. Signs {@code host}, {@code x-wos-content-sha256}
 * ({@code UNSIGNED-PAYLOAD}), {@code x-wos-date} and the given headers, like the WOS SDK.
 */
public final class WosV4Signer {
    private static final DateTimeFormatter ISO_BASIC =
            DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private WosV4Signer() {
    }

    /**
     * The request headers, Authorization included.
     *
     * @param target the request target as it will be sent: raw (encoded) path and query
     */
    public static List<Map.Entry<String, String>> sign(String method, String host, String target,
            Map<String, String> extraHeaders, String accessKey, String secretKey, String region, Instant at) {
        String timestamp = ISO_BASIC.format(at);
        String date = timestamp.substring(0, 8);
        TreeMap<String, String> headers = new TreeMap<>();
        headers.put("host", host);
        headers.put("x-wos-content-sha256", "UNSIGNED-PAYLOAD");
        headers.put("x-wos-date", timestamp);
        extraHeaders.forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v.strip()));

        int q = target.indexOf('?');
        String path = q < 0 ? target : target.substring(0, q);
        String query = q < 0 ? "" : target.substring(q + 1);
        TreeMap<String, String> params = new TreeMap<>();
        if (!query.isEmpty()) {
            for (String p : query.split("&")) {
                int eq = p.indexOf('=');
                params.put(eq < 0 ? p : p.substring(0, eq), eq < 0 ? "" : p.substring(eq + 1));
            }
        }
        StringBuilder canonicalQuery = new StringBuilder();
        params.forEach((k, v) -> canonicalQuery.append(canonicalQuery.length() == 0 ? "" : "&").append(k).append('=')
                .append(v));
        StringBuilder canonicalHeaders = new StringBuilder();
        headers.forEach((k, v) -> canonicalHeaders.append(k).append(':').append(v).append('\n'));
        String signedHeaders = String.join(";", headers.keySet());
        String canonicalRequest = method + "\n" + path + "\n" + canonicalQuery + "\n" + canonicalHeaders + "\n"
                + signedHeaders + "\nUNSIGNED-PAYLOAD";
        String scope = date + "/" + region + "/wos/wos_request";
        String stringToSign = "WOS-HMAC-SHA256\n" + timestamp + "\n" + scope + "\n" + sha256Hex(canonicalRequest);
        byte[] key = hmac(("WOS" + secretKey).getBytes(StandardCharsets.UTF_8), date);
        key = hmac(key, region);
        key = hmac(key, "wos");
        key = hmac(key, "wos_request");
        String signature = HexFormat.of().formatHex(hmac(key, stringToSign));

        List<Map.Entry<String, String>> out = new ArrayList<>();
        out.add(Map.entry("Host", host));
        headers.forEach((k, v) -> {
            if (!k.equals("host")) {
                out.add(Map.entry(k, v));
            }
        });
        out.add(Map.entry("Authorization", "WOS-HMAC-SHA256 Credential=" + accessKey + "/" + scope
                + ", SignedHeaders=" + signedHeaders + ", Signature=" + signature));
        return out;
    }

    private static byte[] hmac(byte[] key, String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
