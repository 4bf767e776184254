package dev.rosetta.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.utility.DockerImageName;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The Docker image built from docker/Dockerfile, driven through {@link RosettaContainer}. Needs a Docker
 * engine: without one the class is skipped, not failed.
 */
@Testcontainers(disabledWithoutDocker = true)
class RosettaContainerTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    @Container
    static final RosettaContainer ROSETTA = new RosettaContainer(DockerImageName.parse(
            new ImageFromDockerfile("rosetta-server-test", true)
                    .withFileFromPath("docker/Dockerfile", ROOT.resolve("docker/Dockerfile"))
                    .withFileFromPath("server/target/rosetta-server.jar", ROOT.resolve("server/target/rosetta-server.jar"))
                    .withDockerfilePath("docker/Dockerfile")
                    .get()));

    @Test
    void servesS3FromTheImage() {
        try (S3Client s3 = S3Client.builder().endpointOverride(ROSETTA.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(
                        AwsBasicCredentials.create(ROSETTA.accessKey(), ROSETTA.secretKey())))
                .forcePathStyle(true).build()) {
            s3.createBucket(b -> b.bucket("in-a-container"));
            s3.putObject(b -> b.bucket("in-a-container").key("k"), RequestBody.fromString("v"));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("in-a-container").key("k")).asUtf8String()).isEqualTo("v");
        }
    }
}
