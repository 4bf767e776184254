package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.server.testing.RawHttp;
import dev.rosetta.server.testing.ServerFixture;
import dev.rosetta.server.testing.V4Signer;
import dev.rosetta.storage.Durability;
import dev.rosetta.storage.StorageEngine;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Stopping the server lets a request that is in flight finish, then closes RocksDB. */
class GracefulShutdownTest {
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create();

    @Test
    void anInFlightRequestFinishesBeforeTheServerStops() throws Exception {
        byte[] body = "<CreateBucketConfiguration/>".getBytes(StandardCharsets.UTF_8);
        List<Map.Entry<String, String>> headers = V4Signer.sign("PUT", "127.0.0.1:" + SERVER.port(), "/in-flight",
                Map.of(), body, ServerFixture.ALICE.accessKey(), ServerFixture.ALICE.secretKey(),
                ServerFixture.REGION, null);
        try (RawHttp http = SERVER.raw()) {
            http.sendHead("PUT", "/in-flight", headers);
            long deadline = System.currentTimeMillis() + 5_000;
            while (SERVER.server().inFlightRequests() == 0 && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
            assertThat(SERVER.server().inFlightRequests()).isEqualTo(1);

            Thread closer = new Thread(SERVER::stop);
            closer.start();
            closer.join(300);
            assertThat(closer.isAlive()).as("stop waits for the request in flight").isTrue();

            http.send(body);
            RawHttp.Response r = http.read(false);
            assertThat(r.status()).as(r.bodyText()).isEqualTo(200);
            assertThat(r.header("connection")).isEqualTo("close");
            closer.join(TimeUnit.SECONDS.toMillis(10));
            assertThat(closer.isAlive()).isFalse();
        }
        // RocksDB was closed: the directory opens again, with the bucket committed
        try (StorageEngine store = StorageEngine.open(SERVER.dataDir(), Durability.NONE)) {
            assertThat(store.buckets().exists("in-flight")).isTrue();
        }
        SERVER.restart();
    }
}
