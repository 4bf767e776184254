package dev.rosetta.server.testing;

import dev.rosetta.server.config.KeyPair;
import java.net.InetAddress;
import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** AWS SDK v2 clients pointed at a fixture, path-style or virtual-host style. */
public final class Clients {
    private Clients() {
    }

    /** Path-style: {@code http://127.0.0.1:PORT/bucket/key}. */
    public static S3Client pathStyle(ServerFixture server, KeyPair keys) {
        return S3Client.builder()
                .endpointOverride(URI.create(server.endpoint()))
                .region(Region.of(ServerFixture.REGION))
                .credentialsProvider(credentials(keys))
                .forcePathStyle(true)
                .httpClient(ApacheHttpClient.builder().build())
                .build();
    }

    /**
     * Virtual-host style: {@code http://bucket.s3.rosetta.test:PORT/key}, every name of the test domain
     * resolved to loopback by the HTTP client, so the Host header is the real virtual-host one.
     */
    public static S3Client virtualHost(ServerFixture server, KeyPair keys) {
        return S3Client.builder()
                .endpointOverride(URI.create(server.domainEndpoint()))
                .region(Region.of(ServerFixture.REGION))
                .credentialsProvider(credentials(keys))
                .forcePathStyle(false)
                .httpClient(ApacheHttpClient.builder()
                        .dnsResolver(host -> new InetAddress[] {InetAddress.getLoopbackAddress()})
                        .build())
                .build();
    }

    public static StaticCredentialsProvider credentials(KeyPair keys) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(keys.accessKey(), keys.secretKey()));
    }
}
