package dev.rosetta.testkit;

import java.net.URI;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The Rosetta Docker image (docker/Dockerfile) as a Testcontainers container: S3 on port 9000,
 * metrics and health on 9001, ready once {@code /health/ready} answers 200. Needs a Docker engine.
 *
 * <pre>{@code
 * @Container
 * static RosettaContainer rosetta = new RosettaContainer();
 * ...
 * S3Client.builder().endpointOverride(rosetta.endpoint()) ...
 * }</pre>
 */
public class RosettaContainer extends GenericContainer<RosettaContainer> {
    /** The image docker/Dockerfile builds by default ({@code docker build -f docker/Dockerfile -t rosetta-server .}). */
    public static final DockerImageName DEFAULT_IMAGE = DockerImageName.parse("rosetta-server:latest");
    public static final int S3_PORT = 9000;
    public static final int ADMIN_PORT = 9001;

    private String accessKey = Rosetta.ACCESS_KEY;
    private String secretKey = Rosetta.SECRET_KEY;

    public RosettaContainer() {
        this(DEFAULT_IMAGE);
    }

    public RosettaContainer(DockerImageName image) {
        super(image);
        withExposedPorts(S3_PORT, ADMIN_PORT);
        withEnv("ROSETTA_ACCESS_KEY", accessKey);
        withEnv("ROSETTA_SECRET_KEY", secretKey);
        withEnv("ROSETTA_DURABILITY", "none");
        waitingFor(Wait.forHttp("/health/ready").forPort(ADMIN_PORT).forStatusCode(200));
    }

    /** Uses this key pair instead of the testkit's default one. */
    public RosettaContainer withCredentials(String accessKey, String secretKey) {
        this.accessKey = accessKey;
        this.secretKey = secretKey;
        withEnv("ROSETTA_ACCESS_KEY", accessKey);
        return withEnv("ROSETTA_SECRET_KEY", secretKey);
    }

    /** {@code http://host:mappedPort}. */
    public URI endpoint() {
        return URI.create("http://" + getHost() + ":" + getMappedPort(S3_PORT));
    }

    public String accessKey() {
        return accessKey;
    }

    public String secretKey() {
        return secretKey;
    }
}
