package dev.rosetta.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/** What a user writes: one annotation, then a ready client as a parameter. */
@RosettaTest
class RosettaTestAnnotationTest {

    @BeforeAll
    static void createBucket(S3Client s3) {
        s3.createBucket(b -> b.bucket("fixtures"));
    }

    @Test
    void storesAndReadsBack(S3Client s3) {
        s3.putObject(b -> b.bucket("fixtures").key("greeting.txt"), RequestBody.fromString("hello"));
        assertThat(s3.getObjectAsBytes(b -> b.bucket("fixtures").key("greeting.txt")).asUtf8String())
                .isEqualTo("hello");
    }

    @Test
    void handsOutEndpointAndCredentials(Rosetta rosetta) {
        assertThat(rosetta.endpoint().toString()).startsWith("http://127.0.0.1:");
        assertThat(rosetta.accessKey()).isEqualTo(Rosetta.ACCESS_KEY);
        assertThat(rosetta.secretKey()).isEqualTo(Rosetta.SECRET_KEY);
        assertThat(rosetta.region()).isEqualTo("us-east-1");
        assertThat(rosetta.s3Client().listBuckets().buckets()).extracting(b -> b.name()).contains("fixtures");
    }
}
