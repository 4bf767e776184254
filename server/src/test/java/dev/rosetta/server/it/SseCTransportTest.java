package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.server.config.ListenAddress;
import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.ServerFixture;
import dev.rosetta.server.testing.TestCertificate;
import java.io.FileInputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Base64;
import java.util.function.Consumer;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * S3 refuses SSE-C keys sent in the clear; Rosetta accepts them over TLS, from loopback (unless
 * {@code trustLoopbackForSseC: false}, which these servers set so that the test's loopback client counts as
 * remote), and anywhere with {@code --allow-sse-c-over-http}.
 */
class SseCTransportTest {
    private static final Path CERT_DIR = tempDir();
    private static final TestCertificate CERT = TestCertificate.create(CERT_DIR);

    /** Loopback is not trusted: plain HTTP from the test is like plain HTTP from elsewhere. */
    @RegisterExtension
    static final ServerFixture REFUSING = ServerFixture.create(b -> b.trustLoopbackForSseC(false));

    @RegisterExtension
    static final ServerFixture ALLOWED = ServerFixture.create(b -> b.trustLoopbackForSseC(false)
            .allowSseCOverHttp(true));

    @RegisterExtension
    static final ServerFixture TLS = ServerFixture.create(b -> b.trustLoopbackForSseC(false)
            .tls(CERT.certificate(), CERT.privateKey()).httpListen(new ListenAddress("127.0.0.1", 0)));

    static final byte[] KEY = new byte[32];
    static final String MESSAGE = "Requests specifying Server Side Encryption with Customer provided keys must be made"
            + " over a secure connection.";

    static {
        KEY[0] = 42;
    }

    private static Path tempDir() {
        try {
            return Files.createTempDirectory("rosetta-sse-tls-");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterAll
    static void deleteCertificate() throws Exception {
        Files.deleteIfExists(CERT.certificate());
        Files.deleteIfExists(CERT.privateKey());
        Files.deleteIfExists(CERT_DIR);
    }

    static String b64(byte[] b) {
        return Base64.getEncoder().encodeToString(b);
    }

    static String md5(byte[] b) throws Exception {
        return b64(MessageDigest.getInstance("MD5").digest(b));
    }

    static Consumer<PutObjectRequest.Builder> ssec(String bucket, String key) throws Exception {
        String md5 = md5(KEY);
        return b -> b.bucket(bucket).key(key).sseCustomerAlgorithm("AES256").sseCustomerKey(b64(KEY))
                .sseCustomerKeyMD5(md5);
    }

    static void assertRefused(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(S3Exception.class, e -> {
            assertThat(e.statusCode()).isEqualTo(400);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InvalidRequest");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(MESSAGE);
        });
    }

    static void roundTrip(S3Client s3, String bucket) throws Exception {
        s3.createBucket(b -> b.bucket(bucket));
        s3.putObject(ssec(bucket, "k"), RequestBody.fromString("secret"));
        String md5 = md5(KEY);
        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket).key("k").sseCustomerAlgorithm("AES256")
                .sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5)).asUtf8String()).isEqualTo("secret");
    }

    @Test
    void plainHttpFromAnUntrustedAddressIsRefused() throws Exception {
        try (S3Client s3 = Clients.pathStyle(REFUSING, ServerFixture.ALICE)) {
            s3.createBucket(b -> b.bucket("refusing"));
            String md5 = md5(KEY);
            assertRefused(() -> {
                try {
                    s3.putObject(ssec("refusing", "k"), RequestBody.fromString("secret"));
                } catch (Exception e) {
                    throw e instanceof RuntimeException r ? r : new IllegalStateException(e);
                }
            });
            assertRefused(() -> s3.createMultipartUpload(b -> b.bucket("refusing").key("k")
                    .sseCustomerAlgorithm("AES256").sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5)));
            // nothing was stored
            assertThat(s3.listObjectsV2(b -> b.bucket("refusing")).contents()).isEmpty();
            assertThat(s3.listMultipartUploads(b -> b.bucket("refusing")).uploads()).isEmpty();

            // reads and copies that present keys are refused too, before anything else is looked at
            s3.putObject(b -> b.bucket("refusing").key("plain"), RequestBody.fromString("x"));
            assertRefused(() -> s3.getObjectAsBytes(b -> b.bucket("refusing").key("plain")
                    .sseCustomerAlgorithm("AES256").sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5)));
            assertRefused(() -> s3.copyObject(b -> b.sourceBucket("refusing").sourceKey("plain")
                    .destinationBucket("refusing").destinationKey("copy").copySourceSSECustomerAlgorithm("AES256")
                    .copySourceSSECustomerKey(b64(KEY)).copySourceSSECustomerKeyMD5(md5)));
            // server-managed encryption has no key to protect
            s3.putObject(b -> b.bucket("refusing").key("s3").serverSideEncryption(ServerSideEncryption.AES256),
                    RequestBody.fromString("fine"));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("refusing").key("s3")).asUtf8String()).isEqualTo("fine");
        }
    }

    @Test
    void allowSseCOverHttpAcceptsPlainHttp() throws Exception {
        try (S3Client s3 = Clients.pathStyle(ALLOWED, ServerFixture.ALICE)) {
            roundTrip(s3, "allowed");
        }
    }

    @Test
    void tlsIsAcceptedAndThePlainListenerBesideItIsNot() throws Exception {
        try (S3Client s3 = tlsClient("https://localhost:" + TLS.port())) {
            roundTrip(s3, "secure");
            // an encrypted blob streams through the decrypting chunks and then through TLS
            byte[] big = new byte[2 * 1024 * 1024 + 77];
            new java.util.Random(5).nextBytes(big);
            String md5 = md5(KEY);
            s3.putObject(ssec("secure", "big"), RequestBody.fromBytes(big));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("secure").key("big").sseCustomerAlgorithm("AES256")
                    .sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5)).asByteArray()).isEqualTo(big);
            assertThat(s3.getObjectAsBytes(b -> b.bucket("secure").key("big").range("bytes=1000001-2000002")
                    .sseCustomerAlgorithm("AES256").sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5)).asByteArray())
                    .isEqualTo(java.util.Arrays.copyOfRange(big, 1_000_001, 2_000_003));
        }
        try (S3Client plain = S3Client.builder().endpointOverride(URI.create("http://127.0.0.1:" + TLS.server().httpPort()))
                .region(Region.of(ServerFixture.REGION)).credentialsProvider(Clients.credentials(ServerFixture.ALICE))
                .forcePathStyle(true).httpClient(ApacheHttpClient.builder().build()).build()) {
            String md5 = md5(KEY);
            assertRefused(() -> plain.getObjectAsBytes(b -> b.bucket("secure").key("k").sseCustomerAlgorithm("AES256")
                    .sseCustomerKey(b64(KEY)).sseCustomerKeyMD5(md5)));
        }
    }

    private static S3Client tlsClient(String endpoint) throws Exception {
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (FileInputStream in = new FileInputStream(CERT.certificate().toFile())) {
            store.setCertificateEntry("rosetta", (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(store);
        TrustManager[] trust = tmf.getTrustManagers();
        return S3Client.builder().endpointOverride(URI.create(endpoint)).region(Region.of(ServerFixture.REGION))
                .credentialsProvider(Clients.credentials(ServerFixture.ALICE)).forcePathStyle(true)
                .httpClient(ApacheHttpClient.builder().tlsTrustManagersProvider(() -> trust).build()).build();
    }
}
