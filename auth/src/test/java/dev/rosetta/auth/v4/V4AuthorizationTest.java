package dev.rosetta.auth.v4;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.rosetta.protocol.error.S3Exception;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The Authorization header of SigV4 (dialects.md §2.2), and the per-thread memory of the last one parsed. */
class V4AuthorizationTest {
    private static final String PREFIX = "AWS4-HMAC-SHA256 Credential=AKID/20261122/us-east-1/s3/aws4_request,"
            + " SignedHeaders=host;x-amz-content-sha256;x-amz-date, Signature=";

    /** What a thread that has parsed nothing before makes of the header. */
    private static Object fresh(String header, String algorithm) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return (Object) V4Authorization.parse(header, algorithm);
            } catch (S3Exception e) {
                return e.getMessage();
            }
        }, r -> new Thread(r).start()).join();
    }

    private static Object here(String header, String algorithm) {
        try {
            return V4Authorization.parse(header, algorithm);
        } catch (S3Exception e) {
            return e.getMessage();
        }
    }

    @Test
    void componentsAreFoundByKeyInAnyOrder() {
        V4Authorization a = V4Authorization.parse("AWS4-HMAC-SHA256 Signature=abc ,SignedHeaders=host;x-amz-date,"
                + "Credential=AKID/20261122/us-east-1/s3/aws4_request", V4Authorization.ALGORITHM);
        assertThat(a.accessKey()).isEqualTo("AKID");
        assertThat(a.scope().region()).isEqualTo("us-east-1");
        assertThat(a.signedHeaders()).containsExactly("host", "x-amz-date");
        assertThat(a.signature()).isEqualTo("abc");
    }

    @Test
    void aHeaderThatDiffersOnlyInItsSignatureKeepsTheOtherComponentsAndTakesItsOwnSignature() {
        V4Authorization first = V4Authorization.parse(PREFIX + "1111", V4Authorization.ALGORITHM);
        V4Authorization second = V4Authorization.parse(PREFIX + "2222 ", V4Authorization.ALGORITHM);
        assertThat(second.signature()).isEqualTo("2222");
        assertThat(second.accessKey()).isEqualTo(first.accessKey());
        assertThat(second.scope()).isEqualTo(first.scope());
        assertThat(second.signedHeaders()).isEqualTo(first.signedHeaders());
    }

    @Test
    void everyHeaderParsesAsItWouldOnAThreadThatParsedNothingBefore() {
        List<String[]> cases = List.of(
                new String[] {PREFIX + "aaaa", V4Authorization.ALGORITHM},
                new String[] {PREFIX + "bbbb", V4Authorization.ALGORITHM},
                new String[] {PREFIX + "   ", V4Authorization.ALGORITHM}, // empty signature
                new String[] {PREFIX + "cc, Signature=dd", V4Authorization.ALGORITHM}, // twice
                new String[] {PREFIX + "ee, Foo=1", V4Authorization.ALGORITHM}, // unknown component
                new String[] {PREFIX + "ffSignature=gg", V4Authorization.ALGORITHM},
                new String[] {PREFIX + "hh", "WOS-HMAC-SHA256"}, // not this scheme
                new String[] {PREFIX.replace("AKID", "OTHER") + "ii", V4Authorization.ALGORITHM},
                new String[] {PREFIX.replace("x-amz-date", "x-amz-meta-a;x-amz-date") + "jj",
                    V4Authorization.ALGORITHM},
                new String[] {PREFIX + "kk", V4Authorization.ALGORITHM},
                new String[] {"WOS-HMAC-SHA256 Credential=AKID/20261122/r/wos/wos_request, SignedHeaders=host,"
                    + " Signature=ll", "WOS-HMAC-SHA256"});
        List<Object> sequential = new ArrayList<>();
        for (String[] c : cases) {
            sequential.add(here(c[0], c[1]));
        }
        for (int i = 0; i < cases.size(); i++) {
            assertThat(sequential.get(i)).as(cases.get(i)[0]).isEqualTo(fresh(cases.get(i)[0], cases.get(i)[1]));
        }
        assertThat(sequential.get(2)).asString().contains("Signature is empty");
        assertThat(sequential.get(5)).isInstanceOf(V4Authorization.class)
                .extracting(a -> ((V4Authorization) a).signature()).isEqualTo("ffSignature=gg");
    }

    @Test
    void aHeaderOfAnotherSchemeIsMalformed() {
        V4Authorization.parse(PREFIX + "1111", V4Authorization.ALGORITHM);
        assertThatThrownBy(() -> V4Authorization.parse(PREFIX + "2222", "WOS-HMAC-SHA256"))
                .isInstanceOf(S3Exception.class).hasMessageContaining("must start with 'WOS-HMAC-SHA256 '");
    }
}
