package dev.rosetta.storage.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rosetta.protocol.model.ObjectHeaders;
import dev.rosetta.protocol.model.Owner;
import dev.rosetta.storage.MultipartUpload;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The upload's multipart checksum type (tag 9) round-trips, and older records decode without it. */
class MultipartUploadChecksumTypeTest {
    private static final Owner ALICE = new Owner("a".repeat(64), "alice");

    @Test
    void checksumTypeRoundTrips() {
        MultipartUpload u = new MultipartUpload("b", "k", "ID", Instant.EPOCH, ALICE, ALICE, "AWS",
                ObjectHeaders.defaults(), "FULL_OBJECT");
        MultipartUpload back = MultipartUploadCodec.INSTANCE.decode(MultipartUploadCodec.INSTANCE.encode(u));
        assertThat(back).isEqualTo(u);
        assertThat(back.checksumType()).isEqualTo("FULL_OBJECT");
    }

    @Test
    void anUploadWithoutATypeDecodesWithNull() {
        MultipartUpload u = new MultipartUpload("b", "k", "ID", Instant.EPOCH, ALICE, ALICE, "AWS", null);
        MultipartUpload back = MultipartUploadCodec.INSTANCE.decode(MultipartUploadCodec.INSTANCE.encode(u));
        assertThat(back.checksumType()).isNull();
        assertThat(back).isEqualTo(u);
    }
}
