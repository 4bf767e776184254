package dev.rosetta.server;

import dev.rosetta.server.config.ListenAddress;
import dev.rosetta.server.config.ServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * {@code java -cp rosetta-server.jar dev.rosetta.server.HealthCheck}: exits 0 when the local server's
 * {@code /health/ready} answers 200, 1 otherwise. For container health checks on images without curl;
 * the admin port comes from {@code ROSETTA_ADMIN_LISTEN} (default 9001).
 */
public final class HealthCheck {
    private HealthCheck() {
    }

    public static void main(String[] args) {
        String listen = System.getenv().getOrDefault("ROSETTA_ADMIN_LISTEN", ServerConfig.DEFAULT_ADMIN_LISTEN);
        int port = ListenAddress.parse(listen).port();
        try {
            HttpResponse<Void> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()
                    .send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                            .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.discarding());
            System.exit(r.statusCode() == 200 ? 0 : 1);
        } catch (Exception e) {
            System.exit(1);
        }
    }
}
