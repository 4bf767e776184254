package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.server.config.ListenAddress;
import dev.rosetta.server.testing.ServerFixture;
import dev.rosetta.server.testing.TestCertificate;
import java.io.FileInputStream;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Random;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/** HTTPS on the main listener with a certificate made here, plain HTTP beside it only as configured. */
class TlsTest {
    private static final Path CERT_DIR = tempDir();
    private static final TestCertificate CERT = TestCertificate.create(CERT_DIR);

    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b
            .tls(CERT.certificate(), CERT.privateKey())
            .httpListen(new ListenAddress("127.0.0.1", 0)));

    private static Path tempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("rosetta-tls-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void deleteCertificate() throws Exception {
        java.nio.file.Files.deleteIfExists(CERT.certificate());
        java.nio.file.Files.deleteIfExists(CERT.privateKey());
        java.nio.file.Files.deleteIfExists(CERT_DIR);
    }

    /** Trusts exactly the test's certificate. */
    private static TrustManager[] trusting(Path certificate) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (FileInputStream in = new FileInputStream(certificate.toFile())) {
            store.setCertificateEntry("rosetta", (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        return tmf.getTrustManagers();
    }

    private static S3Client client(String endpoint) throws Exception {
        TrustManager[] trust = trusting(CERT.certificate());
        return S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.of(ServerFixture.REGION))
                .credentialsProvider(dev.rosetta.server.testing.Clients.credentials(ServerFixture.ALICE))
                .forcePathStyle(true)
                .httpClient(ApacheHttpClient.builder().tlsTrustManagersProvider(() -> trust).build())
                .build();
    }

    @Test
    void theSdkWorksOverHttpsAndObjectBodiesPassThroughTls() throws Exception {
        assertThat(SERVER.server().endpoint()).startsWith("https://");
        byte[] data = new byte[3 * 1024 * 1024 + 5];
        new Random(7).nextBytes(data);
        try (S3Client s3 = client("https://localhost:" + SERVER.port())) {
            s3.createBucket(b -> b.bucket("secure"));
            s3.putObject(b -> b.bucket("secure").key("big"), RequestBody.fromBytes(data));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("secure").key("big")).asByteArray()).isEqualTo(data);
            assertThat(s3.getObjectAsBytes(b -> b.bucket("secure").key("big").range("bytes=100-199")).asByteArray())
                    .isEqualTo(java.util.Arrays.copyOfRange(data, 100, 200));
        }
        try (S3Client plain = client("http://127.0.0.1:" + SERVER.server().httpPort())) {
            assertThat(plain.getObjectAsBytes(b -> b.bucket("secure").key("big")).asByteArray()).isEqualTo(data);
        }
    }
}
