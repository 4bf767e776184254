package dev.rosetta.server.testing;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Signs hand-built requests with the AWS SDK's own SigV4 signer, so raw tests send exactly what a
 * real client would, then change what they mean to break.
 */
public final class V4Signer {
    private V4Signer() {
    }

    /**
     * Signs a request to {@code http://host:port/target} and returns its headers (Host included).
     *
     * @param at the signing time (for clock-skew tests), or null for now
     */
    public static List<Map.Entry<String, String>> sign(String method, String hostAndPort, String target,
                                                        Map<String, String> headers, byte[] body, String accessKey,
                                                        String secretKey, String region, Instant at) {
        SdkHttpRequest.Builder rb = SdkHttpRequest.builder()
                .method(SdkHttpMethod.fromValue(method))
                .uri(URI.create("http://" + hostAndPort + target));
        headers.forEach(rb::putHeader);
        byte[] payload = body == null ? new byte[0] : body;
        SignedRequest signed = AwsV4HttpSigner.create().sign(r -> {
            r.identity(AwsCredentialsIdentity.create(accessKey, secretKey))
                    .request(rb.build())
                    .payload(ContentStreamProvider.fromByteArray(payload))
                    .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "s3")
                    .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                    .putProperty(AwsV4HttpSigner.DOUBLE_URL_ENCODE, false)
                    .putProperty(AwsV4HttpSigner.NORMALIZE_PATH, false)
                    .putProperty(AwsV4HttpSigner.PAYLOAD_SIGNING_ENABLED, true);
            if (at != null) {
                r.putProperty(AwsV4HttpSigner.SIGNING_CLOCK, Clock.fixed(at, ZoneOffset.UTC));
            }
        });
        List<Map.Entry<String, String>> out = new ArrayList<>();
        out.add(Map.entry("Host", hostAndPort));
        signed.request().headers().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("host")) {
                values.forEach(v -> out.add(Map.entry(name, v)));
            }
        });
        if (payload.length > 0 && out.stream().noneMatch(e -> e.getKey().equalsIgnoreCase("content-length"))) {
            out.add(Map.entry("Content-Length", Integer.toString(payload.length)));
        }
        return out;
    }
}
