package dev.rosetta.server.it;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.server.config.DurabilityMode;
import dev.rosetta.server.testing.Clients;
import dev.rosetta.server.testing.ServerFixture;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.MultipartUpload;

/** Sessions survive a restart: same uploads, same ids, same initiation times, with fsync durability. */
class RestartPersistenceTest {
    @RegisterExtension
    static final ServerFixture SERVER = ServerFixture.create(b -> b.durability(DurabilityMode.FSYNC));

    @Test
    void uploadsSurviveARestart() throws Exception {
        List<MultipartUpload> before;
        try (S3Client s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE)) {
            s3.createBucket(b -> b.bucket("persistent"));
            for (String key : List.of("one", "two/three", "ünï", "one")) {
                s3.createMultipartUpload(b -> b.bucket("persistent").key(key).contentType("text/plain"));
            }
            before = s3.listMultipartUploads(b -> b.bucket("persistent")).uploads();
        }
        assertThat(before).hasSize(4);

        SERVER.restart();

        try (S3Client s3 = Clients.pathStyle(SERVER, ServerFixture.ALICE)) {
            List<MultipartUpload> after = s3.listMultipartUploads(b -> b.bucket("persistent")).uploads();
            assertThat(after).extracting(MultipartUpload::uploadId)
                    .containsExactlyElementsOf(before.stream().map(MultipartUpload::uploadId).toList());
            Map<String, MultipartUpload> byId = after.stream()
                    .collect(Collectors.toMap(MultipartUpload::uploadId, Function.identity()));
            for (MultipartUpload u : before) {
                assertThat(byId.get(u.uploadId()).key()).isEqualTo(u.key());
                assertThat(byId.get(u.uploadId()).initiated()).isEqualTo(u.initiated());
            }
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).contains("persistent");
        }
    }
}
