package dev.rosetta.bench.jmh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.auth.AuthScheme;
import dev.rosetta.auth.Authentication;
import dev.rosetta.protocol.Operation;
import dev.rosetta.storage.Durability;
import dev.rosetta.storage.MultipartUpload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Runs each JMH benchmark's setup and body once per parameter: the inputs are valid (requests signed by the
 * load generator's signers verify with Rosetta's verifiers) and nothing throws.
 */
class BenchmarkSetupTest {

    @ParameterizedTest
    @ValueSource(strings = {"v4", "cos", "v2", "obs", "wos"})
    void signaturesVerify(String scheme) {
        SignatureVerifyBenchmark b = new SignatureVerifyBenchmark();
        b.scheme = scheme;
        b.setup();
        Authentication a = b.verify();
        assertThat(a.isAnonymous()).isFalse();
        assertThat(a.credential().accessKey()).isEqualTo(Fixtures.AK);
        assertThat(a.scheme()).isNotEqualTo(AuthScheme.ANONYMOUS);
    }

    @ParameterizedTest
    @ValueSource(strings = {"signed", "unsigned-trailer"})
    void awsChunkedBodiesDecode(String mode) {
        AwsChunkedBenchmark b = new AwsChunkedBenchmark();
        b.mode = mode;
        b.chunkSize = 65536;
        b.feedSize = 16384;
        b.setup();
        assertThat(b.decode()).isGreaterThanOrEqualTo(AwsChunkedBenchmark.OBJECT_SIZE);
        assertThat(b.sink).isEqualTo(AwsChunkedBenchmark.OBJECT_SIZE);
        b.feedSize = 7; // odd boundaries everywhere
        assertThat(b.decode()).isGreaterThanOrEqualTo(AwsChunkedBenchmark.OBJECT_SIZE);
    }

    @Test
    void routesResolve() {
        String[] shapes = {"getObject", "putObject", "uploadPart", "initiate", "complete", "listObjectsV2", "listUploads",
            "copyObject"};
        Operation[] expected = {Operation.GET_OBJECT, Operation.PUT_OBJECT, Operation.UPLOAD_PART,
            Operation.INITIATE_MULTIPART_UPLOAD, Operation.COMPLETE_MULTIPART_UPLOAD, Operation.LIST_OBJECTS_V2,
            Operation.LIST_MULTIPART_UPLOADS, Operation.COPY_OBJECT};
        for (int i = 0; i < shapes.length; i++) {
            RoutingBenchmark b = new RoutingBenchmark();
            b.shape = shapes[i];
            b.setup();
            assertThat(b.resolve()).as(shapes[i]).isEqualTo(expected[i]);
            assertThat(b.parseAndResolve()).as(shapes[i]).isEqualTo(expected[i]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWS", "OBS", "COS"})
    void xmlRenders(String dialect) {
        XmlRenderBenchmark b = new XmlRenderBenchmark();
        b.dialect = dialect;
        b.setup();
        String listing = new String(b.listMultipartUploads1000(), StandardCharsets.UTF_8);
        assertThat(listing).contains("<ListMultipartUploadsResult").contains("clip &amp; &lt;take&gt; 999.mp4");
        assertThat(listing.split("<Upload>", -1)).hasSize(1001);
        assertThat(new String(b.initiateMultipartUpload(), StandardCharsets.UTF_8))
                .contains("<UploadId>0190F2A1B2C3D4E5F6A7B8C9D0E1F2A3</UploadId>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"NONE", "FSYNC"})
    void multipartSessionsWrite(String durability, @TempDir Path dir) throws Exception {
        MultipartSessionBenchmark b = new MultipartSessionBenchmark();
        b.durability = Durability.valueOf(durability);
        b.dir = dir.toString();
        b.open();
        try {
            MultipartUpload u = b.initiate();
            assertThat(u.uploadId()).hasSize(32);
            assertThat(b.engine.uploads().find("bench-bucket", u.key(), u.uploadId())).isPresent();
            assertThat(b.initiate8Threads().uploadId()).hasSize(32);
        } finally {
            b.close();
        }
        assertThat(dir).isEmptyDirectory();
    }

    @ParameterizedTest
    @ValueSource(strings = {"MD5", "SHA-256", "CRC64NVME", "CRC32C", "CRC32", "SHA1"})
    void digests(String algorithm) throws Exception {
        DigestBenchmark b = new DigestBenchmark();
        b.algorithm = algorithm;
        b.setup();
        byte[] first = b.oneMiB();
        assertThat(b.oneMiB()).isEqualTo(first); // state is reset between invocations
    }
}
