package dev.rosetta.server.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.protocol.error.S3Exception;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostStyleResolverTest {
    private final HostStyleResolver resolver = new HostStyleResolver(List.of("s3.example.test", "obs.other.test"));

    @Test
    void virtualHostedBucketIsThePrefixOfAConfiguredDomain() {
        assertThat(resolver.resolve("photos.s3.example.test:9000", "/a/b.jpg"))
                .isEqualTo(new Addressing("photos", "a/b.jpg", true));
        assertThat(resolver.resolve("My.Bucket.OBS.Other.Test", "/"))
                .isEqualTo(new Addressing("my.bucket", null, true));
        assertThat(resolver.resolve("photos.s3.example.test", "/dir%2Fkey%20one"))
                .isEqualTo(new Addressing("photos", "dir/key one", true));
    }

    @Test
    void theBareDomainAndUnknownHostsArePathStyle() {
        assertThat(resolver.resolve("s3.example.test", "/photos/k")).isEqualTo(new Addressing("photos", "k", false));
        assertThat(resolver.resolve("127.0.0.1:9000", "/photos/k")).isEqualTo(new Addressing("photos", "k", false));
        assertThat(resolver.resolve("localhost", "/photos")).isEqualTo(new Addressing("photos", null, false));
        assertThat(resolver.resolve("photos.example.test", "/b/k")).isEqualTo(new Addressing("b", "k", false));
        assertThat(resolver.resolve("[::1]:9000", "/b/k")).isEqualTo(new Addressing("b", "k", false));
        assertThat(resolver.resolve(null, "/")).isEqualTo(new Addressing(null, null, false));
    }

    @Test
    void pathStyleKeysKeepTheirShape() {
        assertThat(resolver.resolve("h", "/b/")).isEqualTo(new Addressing("b", null, false));
        assertThat(resolver.resolve("h", "/b//double")).isEqualTo(new Addressing("b", "/double", false));
        assertThat(resolver.resolve("h", "/b/a+b%25c/%E6%96%87")).isEqualTo(new Addressing("b", "a+b%c/文", false));
        assertThat(resolver.resolve("h", "/b/trailing/")).isEqualTo(new Addressing("b", "trailing/", false));
    }

    @Test
    void malformedEscapesAreInvalidUri() {
        assertThatThrownBy(() -> resolver.resolve("h", "/b/%G1"))
                .isInstanceOfSatisfying(S3Exception.class, e -> assertThat(e.errorCode().code()).isEqualTo("InvalidURI"));
    }
}
