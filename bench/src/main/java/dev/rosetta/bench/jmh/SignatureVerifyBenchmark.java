package dev.rosetta.bench.jmh;

import dev.rosetta.auth.Authentication;
import dev.rosetta.auth.RequestAuthenticator;
import dev.rosetta.bench.sign.SignableRequest;
import dev.rosetta.bench.sign.Signer;
import dev.rosetta.protocol.http.RequestHead;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Header-signature verification through {@link RequestAuthenticator} (scheme detection, canonicalisation,
 * key lookup, HMACs) for an SDK-like PutObject head, per dialect: {@code v4} (SigV4, UNSIGNED-PAYLOAD),
 * {@code v2}, {@code obs}, {@code cos}, {@code wos}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SignatureVerifyBenchmark {
    @Param({"v4", "cos", "v2", "obs", "wos"})
    public String scheme;

    RequestAuthenticator authenticator;
    RequestHead request;

    @Setup
    public void setup() {
        authenticator = Fixtures.authenticator();
        request = new BenchRequestHead(signedPut(scheme));
    }

    /** PUT /bench-bucket/photos/2026/01/object-0001.jpg as an SDK would send it, signed at {@link Fixtures#NOW}. */
    static SignableRequest signedPut(String scheme) {
        SignableRequest r = new SignableRequest("PUT", "/bench-bucket/photos/2026/01/object-0001.jpg")
                .header("Host", "127.0.0.1:9000")
                .header("Content-Type", "image/jpeg")
                .header("Content-Length", "4096");
        if (scheme.equals("v4") || scheme.equals("wos")) {
            r.header("amz-sdk-invocation-id", "0b9e3f1c-6c5e-4f8e-9d0a-1c2b3d4e5f60")
                    .header("amz-sdk-request", "attempt=1; max=4");
        }
        Signer.of(scheme, Fixtures.AK, Fixtures.SK, Fixtures.REGION).sign(r, Fixtures.NOW.toEpochMilli());
        r.header("User-Agent", "aws-sdk-java/2.31.0 Linux/6.1 OpenJDK_64-Bit_Server_VM/17");
        return r;
    }

    @Benchmark
    public Authentication verify() {
        return authenticator.authenticate(request, null);
    }
}
