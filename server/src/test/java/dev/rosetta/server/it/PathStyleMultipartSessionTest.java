package dev.rosetta.server.it;

import dev.rosetta.server.config.KeyPair;
import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.ServerFixture;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;

/** The scenarios with path-style addressing: {@code http://127.0.0.1:PORT/bucket/key}. */
class PathStyleMultipartSessionTest extends MultipartSessionScenarios {
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create();

    @Override
    protected ServerFixture server() {
        return SERVER;
    }

    @Override
    protected S3Client client(KeyPair keys) {
        return Clients.pathStyle(SERVER, keys);
    }
}
