package dev.rosetta.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.RepeatedTest;
import software.amazon.awssdk.services.s3.S3Client;

/** With a server per test, nothing one test stores is seen by the next. */
@RosettaTest(lifecycle = RosettaTest.Lifecycle.PER_METHOD)
class PerMethodLifecycleTest {
    private static final Set<Integer> PORTS = new HashSet<>();

    @RepeatedTest(3)
    void everyTestStartsEmpty(Rosetta rosetta, S3Client s3) {
        assertThat(s3.listBuckets().buckets()).isEmpty();
        s3.createBucket(b -> b.bucket("left-behind"));
        assertThat(PORTS.add(rosetta.port())).as("a new server each time").isTrue();
    }
}
